package uk.councilcomplaints.store;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;

/**
 * A keyset position: the sort values of the last complaint of a page. Pass it back in the next query; it can
 * travel through a web page as {@link #token()}.
 */
public record Cursor(Instant receivedAt, String reference, Instant lastActivity, ComplaintId id) {

    public Cursor {
        requireNonNull(receivedAt, "receivedAt");
        ComplaintQuery.checkLookup("reference", reference);
        requireNonNull(lastActivity, "lastActivity");
        requireNonNull(id, "id");
    }

    /** The position just after {@code last}. */
    public static Cursor after(Complaint last) {
        return new Cursor(last.receivedAt(), last.reference(), last.lastOccurredAt(), last.id());
    }

    /** The cursor as an opaque URL-safe string. */
    public String token() {
        String raw = receivedAt + "|" + lastActivity + "|" + id + "|" + reference;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a {@link #token()}. */
    public static Cursor parse(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 4);
            return new Cursor(Instant.parse(parts[0]), parts[3], Instant.parse(parts[1]), ComplaintId.parse(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor token: " + token, e);
        }
    }
}
