package uk.councilcomplaints.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Which events a view of the past counts, by when they were recorded: every event recorded so far
 * ({@link #latest()}), or only those recorded by an instant ({@link #of(Instant)}), so a report printed again
 * later shows what was known then (see "Two times" in the domain notes).
 *
 * @param instant the last recorded instant counted; empty: every event recorded
 */
public record KnownAt(Optional<Instant> instant) {

    private static final KnownAt LATEST = new KnownAt(Optional.empty());

    public KnownAt {
        requireNonNull(instant, "instant");
    }

    /** Every event recorded so far. */
    public static KnownAt latest() {
        return LATEST;
    }

    /** Only the events recorded by {@code instant} (inclusive); {@link Instant#MAX} is {@link #latest()}. */
    public static KnownAt of(Instant instant) {
        requireNonNull(instant, "knownAt");
        return instant.equals(Instant.MAX) ? LATEST : new KnownAt(Optional.of(instant));
    }

    /** The last recorded instant counted: {@link Instant#MAX} for {@link #latest()}. */
    public Instant limit() {
        return instant.orElse(Instant.MAX);
    }

    @Override
    public String toString() {
        return instant.map(i -> "known at " + i).orElse("known now");
    }
}
