package uk.councilcomplaints.model;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** The immutable identity of a complaint. */
public record ComplaintId(UUID value) implements Comparable<ComplaintId> {

    public ComplaintId {
        requireNonNull(value, "value");
    }

    /** A new random id (UUID version 4). */
    public static ComplaintId random() {
        return new ComplaintId(UUID.randomUUID());
    }

    /**
     * A new id that orders after every id this method gave before in this JVM: a UUID version 7 (RFC 9562), the
     * milliseconds of the system time and then 74 random bits, or, if the time stood still or went back, the
     * last id plus a random step of up to 2^32. New complaints so come to the end of a store's indexes instead
     * of anywhere in them, which halved the time of a large import into H2; the random bits and steps keep an id
     * from being guessed from another.
     */
    public static ComplaintId next() {
        return TimeOrderedIds.SHARED.next(System.currentTimeMillis());
    }

    /** Parses the canonical UUID form. */
    public static ComplaintId parse(String text) {
        return new ComplaintId(UUID.fromString(text));
    }

    /** Orders ids as unsigned 128-bit numbers, the order SQL databases give their UUID columns. */
    @Override
    public int compareTo(ComplaintId other) {
        int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return high != 0 ? high
                : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
