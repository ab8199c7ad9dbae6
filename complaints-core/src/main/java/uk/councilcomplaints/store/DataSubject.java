package uk.councilcomplaints.store;

import static java.util.Objects.requireNonNull;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import uk.councilcomplaints.model.CleanTextValidator;
import uk.councilcomplaints.model.Complainant;

/**
 * Who a subject access request is about: a complainant found by email address or by name, in the stored
 * personal data of one council's complaints. Both match by their {@link SubjectKeys keys}: a name ignoring case
 * (in full Unicode case folding), compatibility forms and extra white space, and optionally accents
 * ({@link #ignoringAccents()}); an email address ignoring case. The value is checked as stored text is: a
 * malformed email address, a blank value or one with a control character is refused, so no store sees it.
 *
 * @param field what to match: the email address or the name
 * @param value the email address or name asked for
 * @param accentsIgnored whether a name matches whatever its accents (never for an email address)
 */
public record DataSubject(Field field, String value, boolean accentsIgnored) {

    /** The field of the complainant's details a subject is found by. */
    public enum Field {
        EMAIL,
        NAME
    }

    /** Which of the {@link SubjectKeys} a subject is compared with. */
    public enum Key {
        /** {@link SubjectKeys#name()}. */
        NAME,
        /** {@link SubjectKeys#plainName()}. */
        PLAIN_NAME,
        /** {@link SubjectKeys#email()}. */
        EMAIL
    }

    /**
     * @throws IllegalArgumentException naming the field, if the value could not be stored as that field
     */
    public DataSubject {
        requireNonNull(field, "field");
        requireNonNull(value, "value");
        String name = field.name().toLowerCase(Locale.ROOT);
        if (field == Field.EMAIL) {
            if (accentsIgnored) {
                throw new IllegalArgumentException("email: accents are ignored only in names");
            }
            Emails.problem(value).ifPresent(p -> {
                throw new IllegalArgumentException(name + ": " + p);
            });
        } else {
            CleanTextValidator.problem(value, 200, false).ifPresent(p -> {
                throw new IllegalArgumentException(name + ": " + p);
            });
        }
    }

    /** The complainant with this email address, in any case. */
    public static DataSubject withEmail(String email) {
        return new DataSubject(Field.EMAIL, email, false);
    }

    /** The complainant with this name, in any case and spacing. */
    public static DataSubject named(String name) {
        return new DataSubject(Field.NAME, name, false);
    }

    /** The same name, matching whatever its accents: "Zoe Williams" finds "Zoë Williams". */
    public DataSubject ignoringAccents() {
        if (field != Field.NAME) {
            throw new IllegalArgumentException("email: accents are ignored only in names");
        }
        return new DataSubject(field, value, true);
    }

    /** Which stored key this subject is compared with. */
    public Key key() {
        return field == Field.EMAIL ? Key.EMAIL : accentsIgnored ? Key.PLAIN_NAME : Key.NAME;
    }

    /** The value of {@link #key()} this subject matches. */
    public String keyValue() {
        return switch (key()) {
            case EMAIL -> SubjectKeys.emailKey(value);
            case NAME -> SubjectKeys.nameKey(value);
            case PLAIN_NAME -> SubjectKeys.plainNameKey(value);
        };
    }

    /** Whether personal data with these keys is this subject's. */
    public boolean matches(SubjectKeys keys) {
        return keys.get(key()).map(keyValue()::equals).orElse(false);
    }

    /** Whether {@code complainant}'s email address or name (as {@link #field()} says) is this subject's. */
    public boolean matches(Complainant complainant) {
        return matches(SubjectKeys.of(complainant));
    }

    @Override
    public String toString() {
        return "DataSubject[" + field + (accentsIgnored ? ", accents ignored" : "") + ", personal data]";
    }

    /** The check a complainant's email address gets when it is stored. */
    private static final class Emails {
        private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

        static Optional<String> problem(String email) {
            return VALIDATOR.validate(Complainant.named("subject").withEmail(email)).stream()
                    .map(ConstraintViolation::getMessage)
                    .sorted()
                    .findFirst();
        }
    }
}
