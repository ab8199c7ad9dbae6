package uk.councilcomplaints.workflow;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Optional;
import uk.councilcomplaints.model.CleanText;
import uk.councilcomplaints.model.SupportedDate;

/**
 * Who issues a command, why, and when it happened if not now. A command dated more than a day before it is
 * recorded (an import, a late entry) must give a reason.
 *
 * @param actor who does it (a user name or system id): one line of at most 200 characters
 * @param reason why, or a note: free text of at most 2,000 characters, line breaks allowed
 * @param occurredAt when it happened, if earlier than now; not before 1900
 */
public record Audit(
        @NotNull @CleanText(max = 200) String actor,
        @NotNull Optional<@CleanText(max = 2_000, multiline = true) String> reason,
        @NotNull Optional<@SupportedDate Instant> occurredAt) {

    /** A command by {@code actor}, happening now, with no reason given. */
    public static Audit by(String actor) {
        return new Audit(actor, Optional.empty(), Optional.empty());
    }

    /** A copy giving a reason. */
    public Audit because(String why) {
        return new Audit(actor, Optional.of(why), occurredAt);
    }

    /** A copy stating when it happened (a late entry or an import). */
    public Audit occurredAt(Instant when) {
        return new Audit(actor, reason, Optional.of(when));
    }
}
