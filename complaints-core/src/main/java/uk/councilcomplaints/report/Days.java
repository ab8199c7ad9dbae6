package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Report days are local days in Europe/London; a day ends where the next one starts. */
final class Days {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 30);

    private Days() {
    }

    /** The first instant of {@code day} in London. */
    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(LONDON).toInstant();
    }

    /** The first instant after {@code day} in London: events before it happened by the end of the day. */
    static Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    /** The London day of an instant. */
    static LocalDate dayOf(Instant instant) {
        return instant.atZone(LONDON).toLocalDate();
    }

    /** Rejects a missing day or one outside the years reports cover. */
    static LocalDate check(LocalDate day, String what) {
        checkArgument(day != null, "%s must be given", what);
        checkArgument(!day.isBefore(FIRST) && !day.isAfter(LAST), "%s must be between %s and %s, was %s",
                what, FIRST, LAST, day);
        return day;
    }
}
