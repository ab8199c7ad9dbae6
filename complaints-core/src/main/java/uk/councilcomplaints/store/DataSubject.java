package uk.councilcomplaints.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import uk.councilcomplaints.model.Complainant;

/**
 * Who a subject access request is about: a complainant found by email address or by name, in the stored
 * personal data of one council's complaints. Both match whole values, ignoring the case of the letters A to Z
 * only ({@link #fold(String)}), so every store and every database compares the same way; any other character
 * (accents, other scripts, spaces) must match exactly.
 *
 * @param field what to match: the email address or the name
 * @param value the email address or name asked for
 */
public record DataSubject(Field field, String value) {

    /** The field of the complainant's details a subject is found by. */
    public enum Field {
        EMAIL,
        NAME
    }

    public DataSubject {
        requireNonNull(field, "field");
        requireNonNull(value, "value");
        checkArgument(!value.isBlank(), "the %s of a data subject must not be blank", field.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The complainant with this email address. */
    public static DataSubject withEmail(String email) {
        return new DataSubject(Field.EMAIL, email);
    }

    /** The complainant with this name. */
    public static DataSubject named(String name) {
        return new DataSubject(Field.NAME, name);
    }

    /** Whether {@code complainant}'s email address or name (as {@link #field()} says) is this subject's. */
    public boolean matches(Complainant complainant) {
        Optional<String> held = field == Field.EMAIL ? complainant.email() : Optional.of(complainant.name());
        return held.map(h -> fold(h).equals(fold(value))).orElse(false);
    }

    /** {@code text} with the letters A to Z in lower case, every other character unchanged. */
    public static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    @Override
    public String toString() {
        return "DataSubject[" + field + ", personal data]";
    }
}
