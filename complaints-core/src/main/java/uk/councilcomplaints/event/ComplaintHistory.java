package uk.councilcomplaints.event;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;

/**
 * A complaint's whole history, in order. Its events are in version order, which is also occurred order and
 * recorded order, so every view "as of" an instant "as known at" another is a prefix of it. The constructor
 * rejects any list that breaks this (see {@link #checkEvents(List)}).
 */
public record ComplaintHistory(List<ComplaintEvent> events) {

    public ComplaintHistory {
        events = ImmutableList.copyOf(events);
        checkArgument(!events.isEmpty(), "a history has at least one event");
        checkArgument(events.get(0).version() == 1, "a history starts at version 1, not %s",
                events.get(0).version());
        checkEvents(events);
    }

    /**
     * Checks that {@code events} can stand one after another in one complaint's history: each one
     * {@linkplain #checkFollows follows} the one before it, and only version 1 is RECEIVED.
     *
     * @throws IllegalArgumentException naming the versions and instants at fault
     */
    public static void checkEvents(List<ComplaintEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            ComplaintEvent e = events.get(i);
            checkMicros(e);
            if (e.version() == 1) {
                checkArgument(e.data() instanceof EventData.Received,
                        "event version 1 of complaint %s is %s; a history starts with RECEIVED", e.complaintId(),
                        e.type());
            } else {
                checkArgument(!(e.data() instanceof EventData.Received),
                        "event version %s of complaint %s is RECEIVED; only version 1 may be", e.version(),
                        e.complaintId());
            }
            if (i > 0) {
                checkFollows(events.get(i - 1), e);
            }
        }
    }

    /**
     * Checks that {@code next} may come straight after {@code previous} in a complaint's history: the same
     * complaint, the next version, and neither happened nor recorded before {@code previous} (the two-times
     * rule); both instants whole microseconds. Stores call it through {@code Commit.checkFollows}.
     *
     * @throws IllegalArgumentException naming the versions and instants at fault
     */
    public static void checkFollows(ComplaintEvent previous, ComplaintEvent next) {
        checkMicros(next);
        checkArgument(next.complaintId().equals(previous.complaintId()),
                "event version %s is of complaint %s, but follows version %s of complaint %s", next.version(),
                next.complaintId(), previous.version(), previous.complaintId());
        checkArgument(next.version() == previous.version() + 1,
                "event version %s of complaint %s follows version %s; versions must be consecutive",
                next.version(), next.complaintId(), previous.version());
        checkArgument(!next.occurredAt().isBefore(previous.occurredAt()),
                "event version %s of complaint %s occurred at %s, before version %s at %s; "
                        + "events must be in the order they happened",
                next.version(), next.complaintId(), next.occurredAt(), previous.version(), previous.occurredAt());
        checkArgument(!next.recordedAt().isBefore(previous.recordedAt()),
                "event version %s of complaint %s was recorded at %s, before version %s at %s; "
                        + "events must be in the order they were recorded",
                next.version(), next.complaintId(), next.recordedAt(), previous.version(), previous.recordedAt());
    }

    private static void checkMicros(ComplaintEvent e) {
        checkArgument(e.occurredAt().getNano() % 1000 == 0,
                "event version %s of complaint %s: occurredAt %s is not a whole number of microseconds",
                e.version(), e.complaintId(), e.occurredAt());
        checkArgument(e.recordedAt().getNano() % 1000 == 0,
                "event version %s of complaint %s: recordedAt %s is not a whole number of microseconds",
                e.version(), e.complaintId(), e.recordedAt());
    }

    /** The complaint this history belongs to. */
    public ComplaintId id() {
        return events.get(0).complaintId();
    }

    /** The state after every event. */
    public Complaint current() {
        return fold(events, events.size());
    }

    /** The state after each event, in order: the fold's every step, e.g. for the report projection's rows. */
    public List<Complaint> states() {
        EventData.Received received = (EventData.Received) events.get(0).data();
        StateBuilder state = new StateBuilder(events.get(0).complaintId(), received.reference());
        ImmutableList.Builder<Complaint> states = ImmutableList.builderWithExpectedSize(events.size());
        for (ComplaintEvent event : events) {
            StateFold.apply(state, event);
            states.add(state.build());
        }
        return states.build();
    }

    /** The state as of {@code asOf} from everything known now; empty before it was received. */
    public Optional<Complaint> stateAsOf(Instant asOf) {
        return stateAsOf(asOf, Instant.MAX);
    }

    /**
     * The state as of {@code asOf}, counting only the events recorded by {@code knownAt}; empty if, so
     * counted, it had not been received.
     */
    public Optional<Complaint> stateAsOf(Instant asOf, Instant knownAt) {
        int n = visibleCount(asOf, knownAt);
        return n == 0 ? Optional.empty() : Optional.of(fold(events, n));
    }

    /** How many leading events count as of {@code asOf} as known at {@code knownAt}. */
    public int visibleCount(Instant asOf, Instant knownAt) {
        return visibleCount(events, asOf, knownAt);
    }

    /**
     * How many leading events of a history (in version order) happened by {@code asOf} and were recorded by
     * {@code knownAt}: the prefix every view "as of, as known at" folds.
     */
    public static int visibleCount(List<ComplaintEvent> events, Instant asOf, Instant knownAt) {
        int n = 0;
        int size = events.size();
        while (n < size && events.get(n).visibleAt(asOf, knownAt)) {
            n++;
        }
        return n;
    }

    /** Folds the first {@code count} events into a state. */
    private static Complaint fold(List<ComplaintEvent> events, int count) {
        EventData.Received received = (EventData.Received) events.get(0).data();
        StateBuilder state = new StateBuilder(events.get(0).complaintId(), received.reference());
        for (int i = 0; i < count; i++) {
            StateFold.apply(state, events.get(i));
        }
        return state.build();
    }
}
