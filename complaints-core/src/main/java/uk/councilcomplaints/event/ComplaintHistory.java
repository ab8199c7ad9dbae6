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
 * recorded order, so every view "as of" an instant "as known at" another is a prefix of it.
 */
public record ComplaintHistory(List<ComplaintEvent> events) {

    public ComplaintHistory {
        events = ImmutableList.copyOf(events);
        checkArgument(!events.isEmpty(), "a history has at least one event");
        checkArgument(events.get(0).data() instanceof EventData.Received, "a history starts with RECEIVED");
    }

    /** The complaint this history belongs to. */
    public ComplaintId id() {
        return events.get(0).complaintId();
    }

    /** The state after every event. */
    public Complaint current() {
        return fold(events, events.size());
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
