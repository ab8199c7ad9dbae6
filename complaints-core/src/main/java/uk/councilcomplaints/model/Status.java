package uk.councilcomplaints.model;

/** Where a complaint is in its lifecycle. Each status belongs to exactly one report bucket. */
public enum Status {
    /** Logged as a contact, not yet triaged. */
    RECEIVED(StatusBucket.UNALLOCATED),
    /** Triaged as a complaint, not yet allocated to an officer. */
    TRIAGED(StatusBucket.UNALLOCATED),
    /** The next stage was requested and is not yet allocated. */
    ESCALATED(StatusBucket.UNALLOCATED),
    /** Allocated to a complaint officer, not yet acknowledged. */
    ALLOCATED(StatusBucket.WITH_COMPLAINTS_TEAM),
    /** Acknowledged to the complainant by the complaint officer. */
    ACKNOWLEDGED(StatusBucket.WITH_COMPLAINTS_TEAM),
    /** Sent to the service to investigate and draft the response. */
    WITH_SERVICE(StatusBucket.WITH_SERVICE),
    /** The service's draft response is back with the complaints team for review. */
    IN_REVIEW(StatusBucket.WITH_COMPLAINTS_TEAM),
    /** The response has been sent to the complainant. */
    RESPONDED(StatusBucket.COMPLETE),
    /** Triage found a service request: recorded, counted, closed. */
    SERVICE_REQUEST(StatusBucket.CLOSED_OTHER),
    /** Triage found it is not a council complaint: signposted, counted, closed. */
    SIGNPOSTED(StatusBucket.CLOSED_OTHER),
    /** Withdrawn by the complainant. */
    WITHDRAWN(StatusBucket.CLOSED_OTHER),
    /** Closed as a duplicate of another complaint. */
    DUPLICATE(StatusBucket.CLOSED_OTHER),
    /** Closed as made out of time. */
    OUT_OF_TIME(StatusBucket.CLOSED_OTHER),
    /** Triage refused to take the complaint on, for an exclusion in the council's policy: recorded, counted, closed. */
    REFUSED(StatusBucket.CLOSED_OTHER);

    private final StatusBucket bucket;

    Status(StatusBucket bucket) {
        this.bucket = bucket;
    }

    /** The report column this status counts in. */
    public StatusBucket bucket() {
        return bucket;
    }

    /** Whether the complaint is still being handled. */
    public boolean open() {
        return bucket.open();
    }
}
