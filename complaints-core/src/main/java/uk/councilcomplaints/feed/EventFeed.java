package uk.councilcomplaints.feed;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.store.ComplaintStore;

/**
 * The council's event feed: every committed event, in commit order, after a position the reader keeps. What it
 * promises: positions strictly increase; an event is never skipped (a reader that has read up to position
 * {@code p} never misses an event committed later at a position below {@code p}: positions are taken in commit
 * order); a complaint's events come in version order; nothing of a batch that failed appears. It carries events,
 * never personal data: no complainant's details and no reasons (which may quote them); a consumer that needs the
 * complainant reads them through the facade, where an erased complainant has none. Thread-safe.
 */
public final class EventFeed {

    /** The most events one call returns. */
    public static final int MAX_LIMIT = 10_000;

    private final ComplaintStore store;

    private EventFeed(ComplaintStore store) {
        this.store = store;
    }

    /** The feed of {@code store}. */
    public static EventFeed of(ComplaintStore store) {
        return new EventFeed(requireNonNull(store, "store"));
    }

    /**
     * The events committed after {@code position} (0 for the start), in commit order, at most {@code limit}; empty
     * when the reader is up to date. Pass the last event's position to read on.
     *
     * @throws IllegalArgumentException if {@code position} is negative or {@code limit} is not 1 to
     *     {@value #MAX_LIMIT}
     */
    public List<FeedEvent> eventsAfter(long position, int limit) {
        checkArgument(position >= 0, "position must not be negative, was %s", position);
        checkArgument(limit >= 1 && limit <= MAX_LIMIT, "limit must be 1 to %s, was %s", MAX_LIMIT, limit);
        List<FeedEvent> events = store.eventsAfter(position, limit);
        return events.stream().map(e -> new FeedEvent(e.position(), withoutReason(e.event()))).toList();
    }

    private static ComplaintEvent withoutReason(ComplaintEvent e) {
        return e.reason().isEmpty() ? e : new ComplaintEvent(e.complaintId(), e.version(), e.status(), e.occurredAt(),
                e.recordedAt(), e.actor(), Optional.empty(), e.data());
    }
}
