package uk.councilcomplaints.workflow;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import uk.councilcomplaints.model.LondonDays;

/** Validates commands once, with Jakarta Validation and the injected clock, before anything happens. */
final class CommandValidator {


    private final Validator validator;

    CommandValidator(Clock clock) {
        ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .clockProvider(() -> clock)
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /** Throws {@link InvalidCommandException} listing every violation of the command and its audit. */
    void validate(String name, Object command, Audit audit) {
        Set<Violation> violations = new TreeSet<>();
        collect(validator.validate(command), violations);
        collect(validator.validate(audit), violations);
        if (command instanceof ReceiveContact r && r.receivedAt() != null && r.matterDate() != null) {
            r.matterDate().ifPresent(matter -> {
                LocalDate received = LondonDays.dayOf(r.receivedAt());
                if (matter.isAfter(received)) {
                    violations.add(new Violation("matterDate",
                            "must not be after the date received (" + matter + " is after " + received + ")"));
                }
            });
        }
        fail(name, violations);
    }

    /** Throws {@link InvalidCommandException} if there are violations. */
    static void fail(String name, Set<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(name, new ArrayList<>(violations));
        }
    }

    private static <T> void collect(Set<ConstraintViolation<T>> found, Set<Violation> into) {
        for (ConstraintViolation<T> v : found) {
            into.add(new Violation(cleanPath(v.getPropertyPath().toString()), v.getMessage()));
        }
    }

    /** Drops Hibernate Validator's container markers: {@code email.<optional element>} becomes {@code email}. */
    private static String cleanPath(String path) {
        return path.replace(".<optional element>", "").replace("<optional element>", "")
                .replaceAll("\\.<[^>]+>", "").replaceAll("<[^>]+>", "");
    }

    /** Throws {@link InvalidCommandException} for one field. */
    static void reject(String name, String path, String message) {
        throw new InvalidCommandException(name, List.of(new Violation(path, message)));
    }
}
