package uk.councilcomplaints.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Days as the council counts them: local days in Europe/London. Instants are stored in UTC; every "day"
 * in a rule, a timescale or a report is one of these, and a day ends where the next one starts.
 */
public final class LondonDays {

    /** Europe/London. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private LondonDays() {
    }

    /** The London day an instant falls on. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The first instant of a London day. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** The first instant after a London day: what happened before it happened by the end of the day. */
    public static Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }
}
