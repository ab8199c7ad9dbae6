package uk.councilcomplaints.model;

/** What the Ombudsman (LGSCO or Housing Ombudsman) decided about a complaint, as its annual letters count them. */
public enum OmbudsmanDecision {
    /** Fault found; the Ombudsman may recommend remedies. */
    UPHELD("Upheld", true),
    /** Fault found, but the council had already provided a satisfactory remedy. */
    UPHELD_REMEDY_ALREADY_PROVIDED("Upheld: satisfactory remedy already provided", true),
    /** No fault found. */
    NOT_UPHELD("Not upheld", false),
    /** The Ombudsman decided not to investigate. */
    NOT_INVESTIGATED("Not investigated", false),
    /** Premature: sent back for the council's procedure to finish. */
    PREMATURE("Premature", false),
    /** Closed after initial enquiries. */
    CLOSED_AFTER_INITIAL_ENQUIRIES("Closed after initial enquiries", false);

    private final String label;
    private final boolean upheld;

    OmbudsmanDecision(String label, boolean upheld) {
        this.label = label;
        this.upheld = upheld;
    }

    /** Human label used in reports. */
    public String label() {
        return label;
    }

    /** Whether the Ombudsman found fault; only an upheld decision recommends remedies. */
    public boolean upheld() {
        return upheld;
    }
}
