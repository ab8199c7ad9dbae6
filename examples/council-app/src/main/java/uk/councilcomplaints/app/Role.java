package uk.councilcomplaints.app;

/** What a user may do. */
public enum Role {
    /** Records and triages contacts. */
    CONTACT_CENTRE,
    /** Works cases: triage, allocation, acknowledgement, responses. */
    OFFICER,
    /** Everything officers do, reports and the access log. */
    MANAGER,
    /** May list, open and report one by one the cases of children's social care. */
    CHILDRENS;

    /** The Spring Security authority. */
    public String authority() {
        return "ROLE_" + name();
    }
}
