package uk.councilcomplaints.store;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.DueClock;

/**
 * A keyset position in a work queue: the sort values of the last clock of a page (its due instant, or for a
 * paused clock when it was paused; then complaint, stage and kind). Pass it back in the next {@link ClockQuery};
 * it can travel through a web page as {@link #token()}.
 */
public record ClockCursor(Instant at, ComplaintId id, Stage stage, ClockKind kind) {

    public ClockCursor {
        requireNonNull(at, "at");
        requireNonNull(id, "id");
        requireNonNull(stage, "stage");
        requireNonNull(kind, "kind");
    }

    /** The position just after {@code last}. */
    public static ClockCursor after(DueClock last) {
        return new ClockCursor(ClockQuery.sortInstant(last), last.id(), last.stage(), last.kind());
    }

    /** The cursor as an opaque URL-safe string. */
    public String token() {
        String raw = at + "|" + id + "|" + stage.name() + "|" + kind.name();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a {@link #token()}. */
    public static ClockCursor parse(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 4);
            return new ClockCursor(Instant.parse(parts[0]), ComplaintId.parse(parts[1]), Stage.valueOf(parts[2]),
                    ClockKind.valueOf(parts[3]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a queue cursor token: " + token, e);
        }
    }
}
