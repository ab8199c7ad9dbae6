package uk.councilcomplaints.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** Who complained and how to reach them: personal data, held apart from the facts reports count. */
public record Complainant(
        @NotBlank @Size(max = 200) String name,
        @NotNull Optional<@Email @Size(max = 254) String> email,
        @NotNull Optional<@Size(max = 40) String> phone,
        @NotNull Optional<@Size(max = 500) String> address) {

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
