package uk.councilcomplaints.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * Who complained and how to reach them: personal data, held apart from the facts reports count. A name is one
 * line of at most 200 characters; an email address at most 254; a phone number at most 40; a postal address
 * at most 500, on several lines if need be. Contact details are absent or not blank.
 */
public record Complainant(
        @NotNull @CleanText(max = 200) String name,
        @NotNull Optional<@Email @CleanText(max = 254) String> email,
        @NotNull Optional<@CleanText(max = 40) String> phone,
        @NotNull Optional<@CleanText(max = 500, multiline = true) String> address) {

    /** A complainant known only by name. */
    public static Complainant named(String name) {
        return new Complainant(name, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A copy with an email address. */
    public Complainant withEmail(String email) {
        return new Complainant(name, Optional.of(email), phone, address);
    }

    /** A copy with a phone number. */
    public Complainant withPhone(String phone) {
        return new Complainant(name, email, Optional.of(phone), address);
    }

    /** A copy with a postal address. */
    public Complainant withAddress(String address) {
        return new Complainant(name, email, phone, Optional.of(address));
    }

    @Override
    public String toString() {
        return "Complainant[personal data]";
    }
}
