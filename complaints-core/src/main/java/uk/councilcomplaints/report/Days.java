package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;

/** Checks the days a report is asked for; days are {@link uk.councilcomplaints.model.LondonDays}. */
final class Days {

    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 30);

    private Days() {
    }

    /** Rejects a missing day or one outside the years reports cover. */
    static LocalDate check(LocalDate day, String what) {
        checkArgument(day != null, "%s must be given", what);
        checkArgument(!day.isBefore(FIRST) && !day.isAfter(LAST), "%s must be between %s and %s, was %s",
                what, FIRST, LAST, day);
        return day;
    }
}
