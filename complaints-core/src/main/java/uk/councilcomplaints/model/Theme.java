package uk.councilcomplaints.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A complaint category of the council's own taxonomy, such as "communication" or "delay": several may be
 * recorded on a complaint, at triage or at response, and the annual report counts them.
 *
 * @param code stable key, stored with each complaint: lower-case letters, digits and hyphens, 1 to 40
 * @param label shown in reports
 */
public record Theme(String code, String label) {

    public Theme {
        requireNonNull(code, "code");
        requireNonNull(label, "label");
        checkArgument(code.matches("[a-z0-9][a-z0-9-]{0,39}"),
                "a theme code is 1 to 40 lower-case letters, digits or hyphens, was '%s'", code);
        checkArgument(!label.isBlank() && label.length() <= 100 && label.strip().equals(label)
                && label.chars().noneMatch(Character::isISOControl),
                "a theme label is one line of 1 to 100 characters, was '%s'", label);
    }
}
