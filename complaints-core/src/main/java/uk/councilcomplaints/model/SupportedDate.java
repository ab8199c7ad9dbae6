package uk.councilcomplaints.model;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A day ({@code LocalDate}) from 1900-01-01 to 2199-12-31, or an instant ({@code Instant}) within those days
 * in UTC: the dates a complaint can sensibly carry, and every one of them has a London day. {@code null} is
 * valid: combine with {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = SupportedDateValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface SupportedDate {

    /** Unused: the message always gives the range and the value. */
    String message() default "must be a supported date";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
