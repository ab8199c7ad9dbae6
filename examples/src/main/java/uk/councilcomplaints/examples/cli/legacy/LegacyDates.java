package uk.councilcomplaints.examples.cli.legacy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * Days as spreadsheets write them, day first (UK) always: ISO ({@code 2022-01-14}), {@code 14/01/2022} (or
 * {@code 4/1/2022}), {@code 14-Jan-2022}, {@code 14 Jan 2022}, {@code 14 January 2022}; each may be followed by a
 * time ({@code 14/01/2022 09:30}, {@code 2022-01-14T09:30:00}, as Excel's text exports and a workbook's date-time
 * cells give), which is read and ignored: the day is what counts. A US month-first date is never guessed:
 * {@code 12/01/2021} is 12 January, and {@code 01/14/2022} is refused.
 */
public final class LegacyDates {

    /** An optional time after the day: {@code 09:30} or {@code 09:30:00}, after a space or (ISO) a 'T'. */
    private static final String TIME = "[ H:mm[:ss]]";

    private static final DateTimeFormatter UK = formatter("d/M/uuuu" + TIME);
    private static final DateTimeFormatter ISO = formatter("uuuu-MM-dd[ HH:mm[:ss]]['T'HH:mm[:ss]]");
    /** Month names in English ({@code Sep}; {@code Sept} is read as {@code Sep}), any case. */
    private static final List<DateTimeFormatter> NAMED = List.of(formatter("d-MMM-uuuu" + TIME),
            formatter("d MMM uuuu" + TIME), formatter("d MMMM uuuu" + TIME), formatter("d-MMMM-uuuu" + TIME));

    private LegacyDates() {
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * The day {@code text} names.
     *
     * @throws DateTimeParseException saying what was wrong, e.g. "'31/02/2022' is not a date (use 2022-01-14 or
     *     14/01/2022)"
     */
    public static LocalDate parse(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        try {
            if (t.indexOf('/') >= 0) {
                return UK.parse(t, LocalDate::from);
            }
            if (t.chars().anyMatch(Character::isLetter) && !t.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
                String named = t.replaceFirst("(?i)\\bsept\\b", "Sep");
                DateTimeParseException last = null;
                for (DateTimeFormatter f : NAMED) {
                    try {
                        return f.parse(named, LocalDate::from);
                    } catch (DateTimeParseException e) {
                        last = e;
                    }
                }
                throw last;
            }
            return ISO.parse(t, LocalDate::from);
        } catch (DateTimeParseException e) {
            throw new DateTimeParseException(LegacyLabels.quote(text) + " is not a date (use 2022-01-14 or 14/01/2022)",
                    text, e.getErrorIndex(), e);
        }
    }
}
