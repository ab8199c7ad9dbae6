package uk.councilcomplaints.model;

import java.security.SecureRandom;
import java.util.UUID;

/** Gives version 7 ids, each after the last it gave; {@link ComplaintId#next()} uses {@link #SHARED}. */
final class TimeOrderedIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_MASK = 0xC000_0000_0000_0000L;
    private static final long VARIANT_IETF = 0x8000_0000_0000_0000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The ids of this JVM. */
    static final TimeOrderedIds SHARED = new TimeOrderedIds();

    private UUID last = new UUID(0, 0);

    /** A version 7 id for {@code millis} (since the epoch), after the last one given. */
    synchronized ComplaintId next(long millis) {
        UUID id = new UUID((millis << 16) | VERSION_7 | (RANDOM.nextInt() & 0x0FFFL),
                (RANDOM.nextLong() & ~VARIANT_MASK) | VARIANT_IETF);
        if (new ComplaintId(id).compareTo(new ComplaintId(last)) <= 0) {
            // the clock stood still or went back: a random step after the last, so still not guessable from it
            id = following(last, 1 + (RANDOM.nextInt() & 0xFFFF_FFFFL));
        }
        last = id;
        return new ComplaintId(id);
    }

    /**
     * The version 7 id {@code step} (at most 2^32) after {@code id} in its 74 bits after the time: the 62 bits
     * after the variant carry into the 12 after the version, and those into the time.
     */
    static UUID following(UUID id, long step) {
        long high = id.getMostSignificantBits();
        long low = (id.getLeastSignificantBits() & ~VARIANT_MASK) + step;
        if ((low & VARIANT_MASK) != 0) {
            low &= ~VARIANT_MASK;
            high = (high & 0x0FFFL) == 0x0FFFL ? ((high >>> 16) + 1) << 16 | VERSION_7 : high + 1;
        }
        return new UUID(high, low | VARIANT_IETF);
    }
}
