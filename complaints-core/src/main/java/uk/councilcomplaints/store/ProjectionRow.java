package uk.councilcomplaints.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.StatusBucket;

/**
 * One row of the report projection: a complaint's state after one of its events, in the fields any report
 * groups or filters by, with the event's two times and the next event's. The row is the complaint's state
 * as of {@code D} known at {@code K} exactly when {@link #currentAt(Instant, Instant)}: {@code occurredAt <= D
 * && recordedAt <= K && (no next || nextOccurredAt > D || nextRecordedAt > K)}. There is one row per event,
 * not per status: triage, reallocation and escalation change groups without changing the status.
 *
 * <p>Core computes the rows with each {@link Commit} ({@link Commit#projection()}); a store keeps them and,
 * when it appends a complaint's next events, closes the complaint's last row with the first new event's times
 * ({@link #followedBy(ProjectionRow)}). The events stay the truth: the rows can be rebuilt from them
 * ({@link #ofHistory(List)}). Times are whole microseconds, as every event's. Holds no personal data.
 *
 * @param complaintId the complaint
 * @param version the event's version
 * @param occurredAt when the event happened
 * @param recordedAt when it was recorded
 * @param nextOccurredAt when the complaint's next event happened; empty for its last event
 * @param nextRecordedAt when the next event was recorded; empty exactly when {@code nextOccurredAt} is
 * @param status the status after the event (its bucket is {@link #bucket()})
 * @param classification what triage had found the contact to be
 * @param procedure the procedure
 * @param stage the stage of the procedure
 * @param serviceArea the service area
 * @param officer the complaint officer, if allocated
 * @param team the officer's team, if allocated
 * @param receivedDay the London day the contact was received
 */
public record ProjectionRow(
        ComplaintId complaintId,
        long version,
        Instant occurredAt,
        Instant recordedAt,
        Optional<Instant> nextOccurredAt,
        Optional<Instant> nextRecordedAt,
        Status status,
        Classification classification,
        Procedure procedure,
        Stage stage,
        ServiceArea serviceArea,
        Optional<String> officer,
        Optional<String> team,
        LocalDate receivedDay) {

    public ProjectionRow {
        requireNonNull(complaintId, "complaintId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(recordedAt, "recordedAt");
        requireNonNull(nextOccurredAt, "nextOccurredAt");
        requireNonNull(nextRecordedAt, "nextRecordedAt");
        requireNonNull(status, "status");
        requireNonNull(classification, "classification");
        requireNonNull(procedure, "procedure");
        requireNonNull(stage, "stage");
        requireNonNull(serviceArea, "serviceArea");
        requireNonNull(officer, "officer");
        requireNonNull(team, "team");
        requireNonNull(receivedDay, "receivedDay");
        checkArgument(version >= 1, "version must be at least 1, was %s", version);
        checkArgument(nextOccurredAt.isPresent() == nextRecordedAt.isPresent(),
                "the next event's times are both given or both empty");
        checkArgument(nextOccurredAt.isEmpty() || !nextOccurredAt.get().isBefore(occurredAt),
                "the next event happened (%s) before this one (%s)", nextOccurredAt, occurredAt);
        checkArgument(nextRecordedAt.isEmpty() || !nextRecordedAt.get().isBefore(recordedAt),
                "the next event was recorded (%s) before this one (%s)", nextRecordedAt, recordedAt);
    }

    /** The row of {@code event}, given the complaint's state {@code after} it; the last row so far. */
    public static ProjectionRow of(ComplaintEvent event, Complaint after) {
        requireNonNull(event, "event");
        requireNonNull(after, "after");
        checkArgument(after.id().equals(event.complaintId()) && after.version() == event.version(),
                "the state after event %s of %s must be that complaint at version %s, was %s at %s",
                event.version(), event.complaintId(), event.version(), after.id(), after.version());
        return new ProjectionRow(event.complaintId(), event.version(), event.occurredAt(), event.recordedAt(),
                Optional.empty(), Optional.empty(), event.status(), after.classification(), after.procedure(),
                after.stage(), after.serviceArea(), after.officer(), after.team(), LondonDays.dayOf(after.receivedAt()));
    }

    /** The rows of a whole history, from its first event, each closed by the next one's times. */
    public static List<ProjectionRow> ofHistory(List<ComplaintEvent> events) {
        checkArgument(!events.isEmpty(), "a history has at least one event");
        checkArgument(events.get(0).data() instanceof EventData.Received,
                "a history starts with RECEIVED, not %s", events.get(0).type());
        ImmutableList.Builder<ProjectionRow> rows = ImmutableList.builderWithExpectedSize(events.size());
        List<Complaint> states = new ComplaintHistory(events).states();
        ProjectionRow previous = of(events.get(0), states.get(0));
        for (int i = 1; i < events.size(); i++) {
            ProjectionRow row = of(events.get(i), states.get(i));
            rows.add(previous.followedBy(row));
            previous = row;
        }
        return rows.add(previous).build();
    }

    /**
     * The rows of a commit's events: folded from the first event for a new complaint; from the resulting state
     * for a commit of one event. A commit of several events to an existing complaint needs the states between
     * them, so its caller gives the rows.
     */
    static List<ProjectionRow> forCommit(long expectedVersion, List<ComplaintEvent> events, Complaint state) {
        requireNonNull(events, "events");
        requireNonNull(state, "state");
        checkArgument(!events.isEmpty(), "a commit has at least one event");
        if (expectedVersion == 0) {
            return ofHistory(events);
        }
        checkArgument(events.size() == 1, "a commit of %s events after version %s must give its projection rows "
                + "(the state after each event)", events.size(), expectedVersion);
        return List.of(of(events.get(0), state));
    }

    /** This row closed by the complaint's next row: its times become this row's next times. */
    public ProjectionRow followedBy(ProjectionRow next) {
        checkArgument(next.complaintId.equals(complaintId) && next.version == version + 1,
                "row %s of %s cannot be followed by row %s of %s", version, complaintId, next.version,
                next.complaintId);
        return new ProjectionRow(complaintId, version, occurredAt, recordedAt, Optional.of(next.occurredAt),
                Optional.of(next.recordedAt), status, classification, procedure, stage, serviceArea, officer, team,
                receivedDay);
    }

    /** The bucket of the status: the report column this row counts in. */
    public StatusBucket bucket() {
        return status.bucket();
    }

    /** Whether this is the complaint's last row (so far). */
    public boolean isLast() {
        return nextOccurredAt.isEmpty();
    }

    /**
     * Whether this row is the complaint's state as of {@code asOf} (inclusive) counting only the events
     * recorded by {@code knownAt} (inclusive; {@link Instant#MAX} for everything recorded).
     */
    public boolean currentAt(Instant asOf, Instant knownAt) {
        return !occurredAt.isAfter(asOf) && !recordedAt.isAfter(knownAt)
                && (isLast() || nextOccurredAt.get().isAfter(asOf) || nextRecordedAt.get().isAfter(knownAt));
    }
}
