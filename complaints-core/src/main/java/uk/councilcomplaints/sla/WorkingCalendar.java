package uk.councilcomplaints.sla;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import uk.councilcomplaints.model.LondonDays;

/**
 * Working days for complaint timescales: every day except Saturdays, Sundays, Christmas Day, Boxing
 * Day, Good Friday, bank holidays in England and Wales (with substitute days and one-off
 * proclamations) and any closure days the council adds.
 *
 * <p>A calendar covers the whole years {@link #firstYear()} to {@link #lastYear()}; every method
 * throws {@link IllegalArgumentException} for a date, or a result, outside them. Instances are
 * immutable and thread-safe.
 */
public interface WorkingCalendar {

    /** The zone that decides which local day an instant falls on. */
    ZoneId ZONE = LondonDays.ZONE;

    /** Whether {@code date} is a working day. */
    boolean isWorkingDay(LocalDate date);

    /**
     * The date {@code days} working days after {@code start}: for {@code days >= 1}, the
     * {@code days}-th working day strictly after {@code start}; 0 returns {@code start} if it is a
     * working day, else the next working day.
     *
     * @throws IllegalArgumentException if {@code days} is negative, or {@code start} or the result
     *     is outside the supported years
     */
    LocalDate plusWorkingDays(LocalDate start, int days);

    /** Working days in (startExclusive, endInclusive]; 0 when end is on or before start. */
    int workingDaysBetween(LocalDate startExclusive, LocalDate endInclusive);

    /**
     * The instant {@code hours} working hours after {@code start}, where every working day
     * ({@link #ZONE}) counts 24 hours and non-working days count none; a start on a non-working day
     * counts from the next working day's midnight. A result that falls exactly at the end of a
     * working day is given as the midnight that starts the next working day.
     *
     * @throws IllegalArgumentException if {@code hours} is negative, or {@code start} or the result
     *     is outside the supported years
     */
    Instant plusWorkingHours(Instant start, int hours);

    /** The first supported year. */
    int firstYear();

    /** The last supported year. */
    int lastYear();

    /** Bank holidays in England and Wales, 2000 to 2035. */
    static WorkingCalendar englandAndWales() {
        return IndexedWorkingCalendar.englandAndWales();
    }

    /** A builder that starts from {@link #englandAndWales()}. */
    static Builder builder() {
        return new Builder();
    }

    /** Adds a council's own closure days to the England and Wales calendar. */
    final class Builder {
        private final Set<LocalDate> closureDays = new TreeSet<>();

        private Builder() {}

        /**
         * Makes {@code date} a non-working day.
         *
         * @throws IllegalArgumentException if {@code date} is outside the supported years
         */
        public Builder addClosureDay(LocalDate date) {
            closureDays.add(checked(date));
            return this;
        }

        /**
         * Makes every date in {@code dates} a non-working day; adds none if any is null or outside
         * the supported years.
         */
        public Builder addClosureDays(Collection<LocalDate> dates) {
            requireNonNull(dates, "dates");
            List<LocalDate> checked = new ArrayList<>(dates.size());
            for (LocalDate date : dates) {
                checked.add(checked(date));
            }
            closureDays.addAll(checked);
            return this;
        }

        /** A new calendar; later changes to this builder do not affect it. */
        public WorkingCalendar build() {
            return IndexedWorkingCalendar.withClosureDays(closureDays);
        }

        private static LocalDate checked(LocalDate date) {
            requireNonNull(date, "closure day");
            IndexedWorkingCalendar.checkInDefaultRange(date);
            return date;
        }
    }
}
