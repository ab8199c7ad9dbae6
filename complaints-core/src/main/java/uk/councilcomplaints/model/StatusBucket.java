package uk.councilcomplaints.model;

/** The five columns every report counts; each {@link Status} belongs to exactly one. */
public enum StatusBucket {
    UNALLOCATED("Unallocated / not started", "unallocated"),
    WITH_COMPLAINTS_TEAM("Open with complaints team", "with_complaints_team"),
    WITH_SERVICE("Open with service", "with_service"),
    COMPLETE("Complete (response sent)", "complete"),
    CLOSED_OTHER("Closed, other reason", "closed_other");

    private final String label;
    private final String key;

    StatusBucket(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** Column heading as in the briefing note. */
    public String label() {
        return label;
    }

    /** Stable machine key, used as the CSV column name. */
    public String key() {
        return key;
    }

    /** Whether a case in this bucket is still open. */
    public boolean open() {
        return this == UNALLOCATED || this == WITH_COMPLAINTS_TEAM || this == WITH_SERVICE;
    }
}
