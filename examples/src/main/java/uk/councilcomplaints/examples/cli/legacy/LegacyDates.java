package uk.councilcomplaints.examples.cli.legacy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Days as spreadsheets write them: ISO ({@code 2022-01-14}) or UK ({@code 14/01/2022}, {@code 4/1/2022}). */
public final class LegacyDates {

    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private LegacyDates() {
    }

    /**
     * The day {@code text} names.
     *
     * @throws DateTimeParseException saying what was wrong, e.g. "'31/02/2022' is not a date (use 2022-01-14 or
     *     14/01/2022)"
     */
    public static LocalDate parse(String text) {
        String t = text.strip();
        try {
            return t.indexOf('/') >= 0 ? LocalDate.parse(t, UK) : LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new DateTimeParseException(LegacyLabels.quote(text) + " is not a date (use 2022-01-14 or 14/01/2022)",
                    text, e.getErrorIndex(), e);
        }
    }
}
