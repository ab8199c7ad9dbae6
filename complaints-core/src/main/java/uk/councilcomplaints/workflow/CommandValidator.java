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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Money;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.Themes;
import uk.councilcomplaints.sla.WorkingCalendar;

/**
 * Validates commands once, with Jakarta Validation, before anything happens. "Not in the future" means by the
 * injected clock's instant and, for a day, by the London day, whatever zone the clock carries. A day an SLA clock
 * counts from or to (the day received, an agreed response date) must lie in the working-day calendar's years.
 */
final class CommandValidator {

    private final Validator validator;
    private final WorkingCalendar calendar;
    private final Themes themes;

    CommandValidator(Clock clock, WorkingCalendar calendar, Themes themes) {
        Clock london = new LondonClock(clock);
        ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .clockProvider(() -> london)
                .buildValidatorFactory();
        this.validator = factory.getValidator();
        this.calendar = calendar;
        this.themes = themes;
    }

    /** Throws {@link InvalidCommandException} listing every violation of the command and its audit. */
    void validate(String name, Object command, Audit audit) {
        Set<Violation> violations = new TreeSet<>();
        collect(validator.validate(command), violations);
        collect(validator.validate(audit), violations);
        if (command instanceof ReceiveContact r && valid("receivedAt", violations)) {
            LocalDate received = LondonDays.dayOf(r.receivedAt());
            checkCalendar("receivedAt", received, r.receivedAt(), violations);
            if (valid("matterDate", violations)) {
                r.matterDate().filter(matter -> matter.isAfter(received)).ifPresent(matter -> violations.add(
                        new Violation("matterDate", "must not be after the date received (" + matter + " is after "
                                + received + ")")));
            }
        }
        if (command instanceof Command.AgreeResponseDate a && valid("date", violations)) {
            checkCalendar("date", a.date(), a.date(), violations);
        }
        if (command instanceof Command.Respond r && valid("remedies", violations) && valid("payment", violations)) {
            checkPayment(r.remedies(), r.payment(), violations);
        }
        if (command instanceof Command.RecordOmbudsmanDecision d && valid("remedies", violations)
                && valid("payment", violations) && valid("remediesDue", violations) && valid("decision", violations)) {
            if (!d.decision().upheld() && !d.remedies().isEmpty()) {
                violations.add(new Violation("remedies", "must be empty: only an upheld decision recommends remedies ("
                        + d.decision() + ")"));
            }
            if (d.remedies().isEmpty() == d.remediesDue().isPresent()) {
                violations.add(new Violation("remediesDue", d.remedies().isEmpty()
                        ? "must be empty when no remedy is recommended" : "is required with recommended remedies"));
            }
            checkPayment(d.remedies(), d.payment(), violations);
        }
        if (command instanceof Command.RecordThemes t && valid("themes", violations)) {
            t.themes().stream().filter(code -> themes.find(code).isEmpty()).sorted().forEach(code -> violations.add(
                    new Violation("themes", "'" + code + "' is not one of the council's themes (" + themes + ")")));
        }
        fail(name, violations);
    }

    /** A financial remedy comes with its amount, and an amount only with a financial remedy. */
    private static void checkPayment(Set<Remedy> remedies, Optional<Money> payment, Set<Violation> violations) {
        if (remedies.contains(Remedy.FINANCIAL_REMEDY) != payment.isPresent()) {
            violations.add(new Violation("payment", payment.isPresent()
                    ? "comes only with a FINANCIAL_REMEDY among the remedies"
                    : "is required with a FINANCIAL_REMEDY (the amount in pounds)"));
        }
    }

    /** Whether the field passed the annotations' checks, so that it is there and has a London day. */
    private static boolean valid(String path, Set<Violation> violations) {
        return violations.stream().noneMatch(v -> v.path().equals(path));
    }

    private void checkCalendar(String path, LocalDate day, Object value, Set<Violation> violations) {
        if (!calendar.supports(day)) {
            violations.add(new Violation(path, "must be in a year the working-day calendar supports ("
                    + calendar.firstYear() + " to " + calendar.lastYear() + "), was " + value));
        }
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
