package uk.councilcomplaints.workflow;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.CleanText;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.SupportedDate;

/**
 * Logs a new contact. It starts {@code RECEIVED}, classified as a complaint until triage says otherwise.
 *
 * @param reference the council's own reference, 1-40 letters, digits, '/', '_', '.' or '-'; generated
 *        ({@code CMP-2022-000123}) when empty
 * @param procedure the procedure it appears to fall under
 * @param serviceArea the part of the council it is about
 * @param channel how it arrived
 * @param receivedAt when it was received; not in the future, not before 1900
 * @param matterDate when the matter happened (or the complainant learned of it), for the 12-month limit; from
 *        1900-01-01, not after the London day it was received
 * @param complainant who complained (personal data)
 * @param summary what it is about (personal data): free text of at most 10,000 characters, line breaks and
 *        tabs allowed
 */
public record ReceiveContact(
        @NotNull Optional<@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}",
                message = "must be 1-40 letters, digits, '/', '_', '.' or '-'") String> reference,
        @NotNull Procedure procedure,
        @NotNull ServiceArea serviceArea,
        @NotNull Channel channel,
        @NotNull @SupportedDate @PastOrPresent Instant receivedAt,
        @NotNull Optional<@SupportedDate @PastOrPresent(message = "must not be after today in London") LocalDate>
                matterDate,
        @NotNull @Valid Complainant complainant,
        @NotNull @CleanText(max = 10_000, multiline = true) String summary) {

    /** A contact with a generated reference and no known matter date. */
    public static ReceiveContact of(Procedure procedure, ServiceArea serviceArea, Channel channel,
            Instant receivedAt, Complainant complainant, String summary) {
        return new ReceiveContact(Optional.empty(), procedure, serviceArea, channel, receivedAt, Optional.empty(),
                complainant, summary);
    }

    /** A copy with the council's own reference. */
    public ReceiveContact withReference(String value) {
        return new ReceiveContact(Optional.of(value), procedure, serviceArea, channel, receivedAt, matterDate,
                complainant, summary);
    }

    /** A copy with the date the matter happened. */
    public ReceiveContact withMatterDate(LocalDate value) {
        return new ReceiveContact(reference, procedure, serviceArea, channel, receivedAt, Optional.of(value),
                complainant, summary);
    }
}
