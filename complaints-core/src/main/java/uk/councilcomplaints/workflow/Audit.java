package uk.councilcomplaints.workflow;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;

/**
 * Who issues a command, why, and when it happened if not now. A command dated more than a day before it is
 * recorded (an import, a late entry) must give a reason.
 *
 * @param actor who does it (a user name or system id)
 * @param reason why, or a note
 * @param occurredAt when it happened, if earlier than now
 */
public record Audit(
        @NotBlank @Size(max = 100) String actor,
        @NotNull Optional<@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 2000) String> reason,
        @NotNull Optional<Instant> occurredAt) {

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
