package uk.councilcomplaints.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;

/**
 * The fields a query may sort by: a whitelist, never a caller's string. Ties are broken by id. The order is
 * the one an SQL database gives, so that every store pages alike: instants in time order, references by the
 * unsigned bytes of their UTF-8 form ({@code COLLATE "C"}, see {@link #compareReferences}), ids as unsigned
 * 128-bit numbers (PostgreSQL's {@code uuid} order, see {@link #compareIds}).
 */
public enum SortField {
    RECEIVED_AT(new Key<>(Complaint::receivedAt, Cursor::receivedAt, Comparator.<Instant>naturalOrder())),
    REFERENCE(new Key<>(Complaint::reference, Cursor::reference, SortField::compareReferences)),
    LAST_ACTIVITY(new Key<>(Complaint::lastOccurredAt, Cursor::lastActivity, Comparator.<Instant>naturalOrder()));

    /** A field as read from a complaint and from a cursor, and the order of its values. */
    private record Key<T>(Function<Complaint, T> ofComplaint, Function<Cursor, T> ofCursor, Comparator<T> order) {

        Comparator<Complaint> complaints() {
            return Comparator.comparing(ofComplaint, order);
        }

        int compare(Complaint c, Cursor at) {
            return order.compare(ofComplaint.apply(c), ofCursor.apply(at));
        }
    }

    private final Key<?> key;
    private final Comparator<Complaint> ascending;

    SortField(Key<?> key) {
        this.key = key;
        this.ascending = key.complaints().thenComparing(Complaint::id, SortField::compareIds);
    }

    /** Ascending order by this field, then by id. */
    public Comparator<Complaint> ascending() {
        return ascending;
    }

    /** Where {@code c} stands against the position {@code at}, in {@link #ascending()} order. */
    int compare(Complaint c, Cursor at) {
        int byField = key.compare(c, at);
        return byField != 0 ? byField : compareIds(c.id(), at.id());
    }

    /**
     * Ids as unsigned 128-bit numbers: the most significant 64 bits unsigned, then the least significant
     * unsigned; the order of PostgreSQL's {@code uuid} (and not {@link java.util.UUID#compareTo}, which is
     * signed).
     */
    public static int compareIds(ComplaintId a, ComplaintId b) {
        int high = Long.compareUnsigned(a.value().getMostSignificantBits(), b.value().getMostSignificantBits());
        return high != 0 ? high
                : Long.compareUnsigned(a.value().getLeastSignificantBits(), b.value().getLeastSignificantBits());
    }

    /**
     * Strings by the unsigned bytes of their UTF-8 form, as {@code COLLATE "C"} orders them: code point order
     * (unlike {@link String#compareTo}, which puts a character beyond U+FFFF, such as an emoji, before
     * U+E000 to U+FFFF). An unpaired surrogate counts as {@code '?'}, as Java encodes it.
     */
    public static int compareReferences(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                int byBytes = Integer.compare(encoded(x), encoded(y));
                if (byBytes != 0) {
                    return byBytes;
                }
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** The code point UTF-8 encodes for {@code codePoint}: itself, or '?' for an unpaired surrogate. */
    private static int encoded(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE ? '?' : codePoint;
    }
}
