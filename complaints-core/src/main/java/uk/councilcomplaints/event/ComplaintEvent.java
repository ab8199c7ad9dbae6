package uk.councilcomplaints.event;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Status;

/**
 * One immutable fact in a complaint's history: what happened ({@link #data()}), the status it left the
 * complaint in, when it happened ({@link #occurredAt()}), when it was recorded ({@link #recordedAt()}), who
 * recorded it and why.
 *
 * @param complaintId the complaint
 * @param version its position in the history, from 1
 * @param status the complaint's status after this event
 * @param occurredAt when it happened; never after {@code recordedAt}
 * @param recordedAt when the library stored it
 * @param actor who did it
 * @param reason why, or a note; required for late entries
 * @param data what happened
 */
public record ComplaintEvent(
        ComplaintId complaintId,
        long version,
        Status status,
        Instant occurredAt,
        Instant recordedAt,
        String actor,
        Optional<String> reason,
        EventData data) {

    public ComplaintEvent {
        requireNonNull(complaintId, "complaintId");
        requireNonNull(status, "status");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(recordedAt, "recordedAt");
        requireNonNull(actor, "actor");
        requireNonNull(reason, "reason");
        requireNonNull(data, "data");
        checkArgument(version >= 1, "version must be at least 1, was %s", version);
        checkArgument(!occurredAt.isAfter(recordedAt),
                "occurredAt %s is after recordedAt %s", occurredAt, recordedAt);
    }

    /**
     * The reason of an event once its complaint's personal data is erased: free text an officer wrote may
     * name the complainant or say things about them, so it goes with the personal data.
     */
    public static final String ERASED_REASON = "[erased with the personal data]";

    /** This event with its reason, if it has one, replaced by {@link #ERASED_REASON}. */
    public ComplaintEvent withReasonErased() {
        return reason.isEmpty() ? this : new ComplaintEvent(complaintId, version, status, occurredAt, recordedAt, actor,
                Optional.of(ERASED_REASON), data);
    }

    /** The kind of event. */
    public EventType type() {
        return data.type();
    }

    /** Whether this event counts for a view as of {@code asOf}, as known at {@code knownAt}. */
    public boolean visibleAt(Instant asOf, Instant knownAt) {
        return !occurredAt.isAfter(asOf) && !recordedAt.isAfter(knownAt);
    }
}
