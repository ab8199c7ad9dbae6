package uk.councilcomplaints.model;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks {@link CleanText}; also the one place other model values check their text. Public only so that
 * Jakarta Validation can create it.
 */
public final class CleanTextValidator implements ConstraintValidator<CleanText, CharSequence> {

    private int max;
    private boolean multiline;

    @Override
    public void initialize(CleanText annotation) {
        max = annotation.max();
        multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Optional<String> problem = problem(value, max, multiline);
        problem.ifPresent(message -> {
            context.disableDefaultConstraintViolation();
            // the message holds no user text, so nothing in it is read as a template expression
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        });
        return problem.isEmpty();
    }

    /** What is wrong with {@code text} as {@link CleanText}, or empty when it is clean. */
    public static Optional<String> problem(CharSequence text, int max, boolean multiline) {
        if (text.toString().isBlank()) {
            return Optional.of("must not be blank");
        }
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length++;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("must be valid Unicode text: an unpaired surrogate " + code(c) + " at character "
                        + length);
            }
            boolean lineBreak = c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
            if (lineBreak && !multiline) {
                return Optional.of("must be a single line: a line break " + code(c) + " at character " + length);
            }
            if (Character.isISOControl(c) && !(multiline && (c == '\t' || lineBreak))) {
                return Optional.of("must not contain the control character " + code(c) + " (at character " + length
                        + ")" + (c == '\t' ? ": a tab is allowed only in free text" : ""));
            }
        }
        if (length > max) {
            return Optional.of(String.format(Locale.ROOT, "must be at most %,d characters, was %,d", max, length));
        }
        return Optional.empty();
    }

    private static String code(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
