package uk.councilcomplaints.model;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** The immutable identity of a complaint. */
public record ComplaintId(UUID value) implements Comparable<ComplaintId> {

    public ComplaintId {
        requireNonNull(value, "value");
    }

    /** A new random id. */
    public static ComplaintId random() {
        return new ComplaintId(UUID.randomUUID());
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
