package uk.councilcomplaints.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.sla.ClockRows;
import uk.councilcomplaints.sla.DueClock;

/**
 * What one command stores, all or nothing: new events after {@code expectedVersion}, the state they lead to,
 * any change to the personal data, the events' rows of the report projection, and the complaint's clocks still
 * running after them (the work queues' rows). A commit of {@link #clocksOf clocks only}, with no event, replaces
 * the clock rows of a complaint still at {@code expectedVersion} (after a calendar change). The constructor checks the
 * new events among themselves (one complaint, consecutive versions, neither happened nor recorded out of order,
 * whole microseconds) and against the state and the rows; a store checks them against what it holds with
 * {@link #checkFollows(Optional)}.
 *
 * @param id the complaint
 * @param expectedVersion the version the command was decided on; 0 for a new complaint
 * @param events the new events, versions {@code expectedVersion + 1} onwards
 * @param state the state after the events
 * @param personalData personal data to store (a new complaint), if any
 * @param erasePersonalData whether to erase the stored personal data, and the reasons of the complaint's events
 *     stored before this commit (a store keeps them as {@link ComplaintEvent#withReasonErased()}); this
 *     commit's own reasons (why the data was erased) stay
 * @param projection one {@link ProjectionRow} per event, in order; each closed by the next event's times, the
 *     last one open (a store closes its complaint's previous last row with the first one's times)
 * @param clocks the complaint's running and paused clocks after the commit, which replace its stored ones
 *     ({@link ClockRows#NONE} when the commit was built without an evaluator: no queue lists the complaint then)
 */
public record Commit(
        ComplaintId id,
        long expectedVersion,
        List<ComplaintEvent> events,
        Complaint state,
        Optional<PersonalData> personalData,
        boolean erasePersonalData,
        List<ProjectionRow> projection,
        ClockRows clocks) {

    public Commit {
        requireNonNull(id, "id");
        events = ImmutableList.copyOf(events);
        requireNonNull(state, "state");
        requireNonNull(personalData, "personalData");
        requireNonNull(clocks, "clocks");
        checkArgument(expectedVersion >= 0, "expectedVersion must be >= 0, was %s", expectedVersion);
        for (DueClock c : clocks.clocks()) {
            checkArgument(c.id().equals(id) && c.reference().equals(state.reference()),
                    "clock rows of %s (%s) in a commit for %s", c.id(), c.reference(), id);
        }
        if (events.isEmpty()) {
            checkArgument(expectedVersion >= 1 && state.id().equals(id) && state.version() == expectedVersion,
                    "a commit of clocks only is of an existing complaint's state at the expected version");
            checkArgument(personalData.isEmpty() && !erasePersonalData && projection.isEmpty(),
                    "a commit of clocks only changes nothing but the clock rows");
            projection = List.of();
        } else {
            checkEvents(id, expectedVersion, events, state);
            checkArgument(!(erasePersonalData && personalData.isPresent()),
                    "cannot both store and erase personal data");
            projection = ImmutableList.copyOf(projection);
            checkProjection(events, state, projection);
        }
    }

    private static void checkEvents(ComplaintId id, long expectedVersion, List<ComplaintEvent> events,
            Complaint state) {
        ComplaintEvent first = events.get(0);
        checkArgument(first.complaintId().equals(id), "event version %s is of complaint %s, in a commit for %s",
                first.version(), first.complaintId(), id);
        checkArgument(first.version() == expectedVersion + 1,
                "the first event of a commit after version %s must be version %s, was %s", expectedVersion,
                expectedVersion + 1, first.version());
        ComplaintHistory.checkEvents(events);
        long newVersion = expectedVersion + events.size();
        checkArgument(state.id().equals(id) && state.version() == newVersion,
                "state must be complaint %s at version %s, was %s at version %s", id, newVersion, state.id(),
                state.version());
        ComplaintEvent last = events.get(events.size() - 1);
        checkArgument(state.status() == last.status() && state.lastOccurredAt().equals(last.occurredAt()),
                "state must be %s at %s as left by event version %s, was %s at %s", last.status(),
                last.occurredAt(), last.version(), state.status(), state.lastOccurredAt());
        if (expectedVersion == 0) {
            checkArgument(state.equals(new ComplaintHistory(events).current()),
                    "the state of new complaint %s must be the fold of its events", id);
        }
    }

    /** A commit whose projection rows core computes (see the constructor without clocks), with its clock rows. */
    public Commit(ComplaintId id, long expectedVersion, List<ComplaintEvent> events, Complaint state,
            Optional<PersonalData> personalData, boolean erasePersonalData, ClockRows clocks) {
        this(id, expectedVersion, events, state, personalData, erasePersonalData,
                ProjectionRow.forCommit(expectedVersion, events, state), clocks);
    }

    /** A commit with the given projection rows and no clock rows. */
    public Commit(ComplaintId id, long expectedVersion, List<ComplaintEvent> events, Complaint state,
            Optional<PersonalData> personalData, boolean erasePersonalData, List<ProjectionRow> projection) {
        this(id, expectedVersion, events, state, personalData, erasePersonalData, projection, ClockRows.NONE);
    }

    /**
     * A commit whose projection rows core computes: folded from the first event for a new complaint, from
     * {@code state} for one event; a commit of several events to an existing complaint must give them.
     */
    public Commit(ComplaintId id, long expectedVersion, List<ComplaintEvent> events, Complaint state,
            Optional<PersonalData> personalData, boolean erasePersonalData) {
        this(id, expectedVersion, events, state, personalData, erasePersonalData,
                ProjectionRow.forCommit(expectedVersion, events, state));
    }

    private static void checkProjection(List<ComplaintEvent> events, Complaint state, List<ProjectionRow> rows) {
        checkArgument(rows.size() == events.size(), "%s projection rows for %s events", rows.size(), events.size());
        for (int i = 0; i < rows.size(); i++) {
            ComplaintEvent e = events.get(i);
            ProjectionRow row = rows.get(i);
            checkArgument(row.complaintId().equals(e.complaintId()) && row.version() == e.version()
                    && row.occurredAt().equals(e.occurredAt()) && row.recordedAt().equals(e.recordedAt())
                    && row.status() == e.status(), "projection row %s does not match event %s", i, e.version());
            Optional<ComplaintEvent> next = i + 1 < events.size() ? Optional.of(events.get(i + 1)) : Optional.empty();
            checkArgument(row.nextOccurredAt().equals(next.map(ComplaintEvent::occurredAt))
                    && row.nextRecordedAt().equals(next.map(ComplaintEvent::recordedAt)),
                    "projection row %s must be closed by the next event's times, the last one open", i);
        }
        ComplaintEvent last = events.get(events.size() - 1);
        checkArgument(rows.get(rows.size() - 1).equals(ProjectionRow.of(last, state)),
                "the last projection row must hold the state after the last event");
    }

    /**
     * A commit of clock rows only, with no event: replaces the clocks of the complaint at {@code state}, if it is
     * still at that version (how clocks are recomputed after a calendar change).
     */
    public static Commit clocksOf(Complaint state, ClockRows clocks) {
        return new Commit(state.id(), state.version(), List.of(), state, Optional.empty(), false, List.of(), clocks);
    }

    /** This commit with {@code value} as its clock rows. */
    public Commit withClocks(ClockRows value) {
        return new Commit(id, expectedVersion, events, state, personalData, erasePersonalData, projection, value);
    }

    /** Whether this commit stores events (false for a commit of {@link #clocksOf clocks only}). */
    public boolean hasEvents() {
        return !events.isEmpty();
    }

    /** A commit of events only. */
    public static Commit of(long expectedVersion, List<ComplaintEvent> events, Complaint state) {
        return new Commit(state.id(), expectedVersion, events, state, Optional.empty(), false);
    }

    /** The keys of the personal data this commit stores, which the store keeps with it (see {@link SubjectKeys}). */
    public Optional<SubjectKeys> subjectKeys() {
        return personalData.map(p -> SubjectKeys.of(p.complainant()));
    }

    /** The version after this commit. */
    public long newVersion() {
        return expectedVersion + events.size();
    }

    /** Whether this commit creates the complaint. */
    public boolean creates() {
        return expectedVersion == 0;
    }

    /**
     * The check every store makes before storing anything, under the same lock or transaction as its write:
     * the complaint's latest stored event ({@code lastStored}; empty when the store has no such complaint) is
     * at the expected version, and this commit's first event follows it (same complaint, next version, neither
     * happened nor recorded before it).
     *
     * @throws VersionConflictException if the stored version is not the expected one (a complaint that exists
     *     when this commit creates it, or one that does not exist when it does not)
     * @throws IllegalArgumentException if the first new event is dated or recorded before {@code lastStored},
     *     naming both versions and instants
     */
    public void checkFollows(Optional<ComplaintEvent> lastStored) {
        requireNonNull(lastStored, "lastStored");
        long actual = lastStored.map(ComplaintEvent::version).orElse(0L);
        if (actual != expectedVersion) {
            throw new VersionConflictException(id, expectedVersion, actual);
        }
        if (hasEvents()) {
            lastStored.ifPresent(last -> ComplaintHistory.checkFollows(last, events.get(0)));
        }
    }
}
