package uk.councilcomplaints.store;

import uk.councilcomplaints.ComplaintsException;
import uk.councilcomplaints.model.ComplaintId;

/**
 * Another writer changed the complaint since it was read: the expected version is stale. Every store throws
 * this one type; nothing was stored. Reload and retry.
 */
public final class VersionConflictException extends ComplaintsException {
    private static final long serialVersionUID = 1L;

    private final transient ComplaintId id;
    private final long expectedVersion;
    private final long actualVersion;

    public VersionConflictException(ComplaintId id, long expectedVersion, long actualVersion) {
        super(String.format("Complaint %s was changed concurrently: expected version %d, actual version %d",
                id, expectedVersion, actualVersion));
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public ComplaintId id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version found, or -1 when the store could not tell. */
    public long actualVersion() {
        return actualVersion;
    }
}
