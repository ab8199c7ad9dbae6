package uk.councilcomplaints.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.KnownAt;

/**
 * Which histories a reader needs, so a store can leave the others unread (see
 * {@link ComplaintStore#histories(HistoryFilter)}); a store may return more, never fewer.
 */
public sealed interface HistoryFilter permits HistoryFilter.All, HistoryFilter.OpenAt, HistoryFilter.ActiveBetween {

    /** Whether a history is wanted. */
    boolean matches(ComplaintHistory history);

    /** Every complaint. */
    static HistoryFilter all() {
        return All.INSTANCE;
    }

    /** The complaints open at {@code at} (inclusive) counting only the events recorded by {@code knownAt}. */
    static HistoryFilter openAt(Instant at, KnownAt knownAt) {
        return new OpenAt(at, requireNonNull(knownAt, "knownAt").instant());
    }

    /** The complaints with an event that happened from {@code from} (inclusive) to {@code before} (exclusive). */
    static HistoryFilter activeBetween(Instant from, Instant before) {
        return new ActiveBetween(from, before);
    }

    /** Every complaint: {@link #all()}. */
    enum All implements HistoryFilter {
        INSTANCE;

        @Override
        public boolean matches(ComplaintHistory history) {
            return true;
        }
    }

    /**
     * The complaints whose state at {@code at} (inclusive), counting only the events recorded by
     * {@code knownAt}, has an open status: in projection terms, whose row current then is in an open bucket.
     *
     * @param at the instant
     * @param knownAt only events recorded by then count; empty: every event recorded
     */
    record OpenAt(Instant at, Optional<Instant> knownAt) implements HistoryFilter {
        public OpenAt {
            requireNonNull(at, "at");
            requireNonNull(knownAt, "knownAt");
        }

        @Override
        public boolean matches(ComplaintHistory history) {
            return history.stateAsOf(at, knownAt.orElse(Instant.MAX)).map(c -> c.status().open()).orElse(false);
        }
    }

    /**
     * The complaints with at least one event that happened in {@code [from, before)}, whenever recorded.
     *
     * @param from the first instant
     * @param before the instant after the last
     */
    record ActiveBetween(Instant from, Instant before) implements HistoryFilter {
        public ActiveBetween {
            requireNonNull(from, "from");
            requireNonNull(before, "before");
            checkArgument(from.isBefore(before), "the period ends (%s) before it starts (%s)", before, from);
        }

        @Override
        public boolean matches(ComplaintHistory history) {
            for (ComplaintEvent e : history.events()) {
                if (!e.occurredAt().isBefore(from) && e.occurredAt().isBefore(before)) {
                    return true;
                }
            }
            return false;
        }
    }
}
