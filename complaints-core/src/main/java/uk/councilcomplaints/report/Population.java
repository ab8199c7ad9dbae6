package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Which complaints a report counts: every contact, a cohort fixed by a rule (open at the start of a day),
 * or the contacts received in a range of days. Membership may be fixed as the records stood at an instant
 * ({@link #asKnownAt(Instant)}), so a cohort reported to a committee stays the same cohort after later
 * corrections. Immutable.
 */
public final class Population {

    enum Kind {
        ALL,
        OPEN_AT_START_OF,
        RECEIVED_BETWEEN
    }

    private static final Population ALL = new Population(Kind.ALL, null, null, null);

    private final Kind kind;
    private final LocalDate from;
    private final LocalDate to;
    private final Instant knownAt;

    private Population(Kind kind, LocalDate from, LocalDate to, Instant knownAt) {
        this.kind = kind;
        this.from = from;
        this.to = to;
        this.knownAt = knownAt;
    }

    /** Every contact received by the report's as-of day; as known at an instant, those recorded by then. */
    public static Population all() {
        return ALL;
    }

    /** The cases open at the start of {@code day} (London): a backlog cohort, e.g. the original backlog. */
    public static Population openAtStartOf(LocalDate day) {
        return new Population(Kind.OPEN_AT_START_OF, Days.check(day, "the cohort day"), null, null);
    }

    /** The contacts received from {@code from} to {@code toInclusive} (London days, both inclusive). */
    public static Population receivedBetween(LocalDate from, LocalDate toInclusive) {
        Days.check(from, "the first day received");
        Days.check(toInclusive, "the last day received");
        checkArgument(!toInclusive.isBefore(from), "the last day received (%s) is before the first (%s)",
                toInclusive, from);
        return new Population(Kind.RECEIVED_BETWEEN, from, toInclusive, null);
    }

    /**
     * The same rule applied only to the events recorded by {@code instant}: the population as a report run
     * then saw it (for {@link #all()} and {@link #receivedBetween}, the contacts whose receipt was recorded by
     * then). Statuses are still counted as the report's own {@code knownAt} says.
     */
    public Population asKnownAt(Instant instant) {
        requireNonNull(instant, "the instant the population is known at must be given");
        return new Population(kind, from, to, instant);
    }

    /** The instant membership is fixed at; empty when it follows the report's own {@code knownAt}. */
    public Optional<Instant> knownAt() {
        return Optional.ofNullable(knownAt);
    }

    Kind kind() {
        return kind;
    }

    /** The cohort day, or the first day received. */
    LocalDate from() {
        return from;
    }

    /** The last day received. */
    LocalDate to() {
        return to;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Population p && kind == p.kind && Objects.equals(from, p.from)
                && Objects.equals(to, p.to) && Objects.equals(knownAt, p.knownAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, from, to, knownAt);
    }

    /** E.g. "open at the start of 2021-12-01, as known at 2021-12-01T12:00:00Z". */
    @Override
    public String toString() {
        String rule = switch (kind) {
            case ALL -> "all contacts";
            case OPEN_AT_START_OF -> "open at the start of " + from;
            case RECEIVED_BETWEEN -> "received " + from + " to " + to;
        };
        return knownAt == null ? rule : rule + ", as known at " + knownAt;
    }
}
