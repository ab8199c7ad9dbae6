package uk.councilcomplaints.model;

/** What triage found a contact to be. Every contact starts as a complaint until triage says otherwise. */
public enum Classification {
    /** "An expression of dissatisfaction, however made" (LGSCO Code 1.2). */
    COMPLAINT("Complaint"),
    /** A request to provide or improve a service, fix a problem or reconsider a decision (Code 1.3). */
    SERVICE_REQUEST("Service request"),
    /** About another organisation: signposted there, recorded and closed. */
    NOT_COUNCIL_COMPLAINT("Not a council complaint"),
    /** A complaint the council refused to take on, for an {@link Exclusion} in its policy (Code section 2). */
    REFUSED("Complaint refused");

    private final String label;

    Classification(String label) {
        this.label = label;
    }

    /** Human label used in reports. */
    public String label() {
        return label;
    }
}
