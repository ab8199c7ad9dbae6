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
 * Text every database can hold and every report can print: not blank, at most {@link #max()} characters
 * (Unicode code points, so an emoji counts as one), no control character (U+0000 to U+001F, U+007F to U+009F)
 * and no unpaired UTF-16 surrogate. Tab and line breaks are allowed only in {@link #multiline()} free text. Any
 * other Unicode text (Welsh, right-to-left scripts, emoji) is valid and kept exactly as given. {@code null} is
 * valid (so an optional value may be absent, never empty): combine with {@code @NotNull} where it is required.
 */
@Documented
@Constraint(validatedBy = CleanTextValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface CleanText {

    /** The most characters (code points) allowed. */
    int max();

    /** Whether tab, carriage return, line feed and the Unicode line and paragraph separators are allowed. */
    boolean multiline() default false;

    /** Unused: the message always says what is wrong and where. */
    String message() default "must be clean text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
