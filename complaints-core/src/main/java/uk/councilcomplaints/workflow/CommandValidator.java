package uk.councilcomplaints.workflow;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import uk.councilcomplaints.model.LondonDays;

/**
 * Validates commands once, with Jakarta Validation, before anything happens. "Not in the future" means by the
 * injected clock's instant and, for a day, by the London day, whatever zone the clock carries.
 */
final class CommandValidator {

    private final Validator validator;

    CommandValidator(Clock clock) {
        Clock london = new LondonClock(clock);
        ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .clockProvider(() -> london)
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /** Throws {@link InvalidCommandException} listing every violation of the command and its audit. */
    void validate(String name, Object command, Audit audit) {
        Set<Violation> violations = new TreeSet<>();
        collect(validator.validate(command), violations);
        collect(validator.validate(audit), violations);
        boolean receivedAtValid = violations.stream().noneMatch(v -> v.path().equals("receivedAt"));
        if (command instanceof ReceiveContact r && receivedAtValid && r.receivedAt() != null && r.matterDate() != null) {
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

    /** The injected clock's instant, in Europe/London. */
    private static final class LondonClock extends Clock {
        private final Clock clock;

        LondonClock(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return LondonDays.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return clock.withZone(zone);
        }
    }
}
