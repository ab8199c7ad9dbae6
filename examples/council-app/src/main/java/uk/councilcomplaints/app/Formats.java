package uk.councilcomplaints.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** How templates show times, days and names: London time, GOV.UK date style ("7 December 2026"). */
public final class Formats {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK);

    private final Clock clock;

    Formats(Clock clock) {
        this.clock = clock;
    }

    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    public String day(Optional<LocalDate> day) {
        return day.map(this::day).orElse("");
    }

    /** The London day of an instant. */
    public String dayOf(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(LONDON));
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(LONDON)).replace("AM", "am").replace("PM", "pm");
    }

    public String time(Optional<Instant> instant) {
        return instant.map(this::time).orElse("");
    }

    /** To the second, for history (both times of an event). */
    public String exact(Instant instant) {
        return SECONDS.format(instant.atZone(LONDON));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(LONDON));
    }

    /** A letter's code as words: acknowledgement-stage-2 is "Acknowledgement, stage 2". */
    public String letter(String code) {
        String words = code.replace("-stage-", ", stage ").replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** An enum constant as words: WITH_SERVICE is "With service". */
    public String label(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
