package uk.councilcomplaints.model;

/**
 * Why a complaint was refused, not taken on: the exclusions a council's policy may list (LGSCO Complaint
 * Handling Code, section 2). A refusal is recorded with its category and a reason, counted apart from service
 * requests, and the complainant is told they may go to the Ombudsman.
 */
public enum Exclusion {
    /** Made more than 12 months after the matter, without good reason. */
    OUT_OF_TIME("Made more than 12 months after the matter"),
    /** Legal proceedings about the matter have started. */
    LEGAL_PROCEEDINGS("Legal proceedings started"),
    /** Another statutory route applies (an appeal, a tribunal, another procedure). */
    OTHER_STATUTORY_ROUTE("Another statutory route applies"),
    /** The matter was already decided under the complaints procedure. */
    ALREADY_DECIDED("Already decided under the procedure"),
    /** The complaint is not about the council. */
    NOT_ABOUT_THE_COUNCIL("Not about the council"),
    /** Another exclusion the council's policy lists; the reason names it. */
    OTHER("Other exclusion in the policy");

    private final String label;

    Exclusion(String label) {
        this.label = label;
    }

    /** Human label used in reports. */
    public String label() {
        return label;
    }
}
