package uk.councilcomplaints.model;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/** Checks {@link SupportedDate} on days and instants. Public only so that Jakarta Validation can create it. */
public final class SupportedDateValidator implements ConstraintValidator<SupportedDate, Temporal> {

    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);
    private static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END_INSTANT = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Override
    public boolean isValid(Temporal value, ConstraintValidatorContext context) {
        boolean valid;
        if (value == null) {
            return true;
        } else if (value instanceof Instant i) {
            valid = !i.isBefore(FIRST_INSTANT) && i.isBefore(END_INSTANT);
        } else if (value instanceof LocalDate d) {
            valid = !d.isBefore(FIRST_DAY) && !d.isAfter(LAST_DAY);
        } else {
            throw new IllegalArgumentException("@SupportedDate applies to LocalDate and Instant, not "
                    + value.getClass().getName());
        }
        if (!valid) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be from " + FIRST_DAY + " to " + LAST_DAY
                    + (value instanceof Instant ? " (UTC)" : "") + ", was " + value).addConstraintViolation();
        }
        return valid;
    }
}
