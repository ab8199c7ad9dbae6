package uk.councilcomplaints.store.memory;

import java.time.Instant;

/** Instants as epoch microseconds, the unit of the store's time columns; far instants saturate. */
final class Micros {

    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000 - 1;

    private Micros() {
    }

    /** The microsecond {@code instant} falls in. */
    static long floor(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds > MAX_SECONDS) {
            return Long.MAX_VALUE;
        } else if (seconds < -MAX_SECONDS) {
            return Long.MIN_VALUE;
        }
        return seconds * 1_000_000 + instant.getNano() / 1_000;
    }

    /** The first whole microsecond at or after {@code instant}. */
    static long ceil(Instant instant) {
        long floor = floor(instant);
        return instant.getNano() % 1_000 == 0 || floor == Long.MAX_VALUE ? floor : floor + 1;
    }

    /** Whether {@code instant} is a whole microsecond the columns hold exactly. */
    static boolean exact(Instant instant) {
        return instant.getNano() % 1_000 == 0 && Math.abs(instant.getEpochSecond()) <= MAX_SECONDS;
    }

    static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }
}
