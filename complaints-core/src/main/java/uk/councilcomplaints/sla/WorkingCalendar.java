package uk.councilcomplaints.sla;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import uk.councilcomplaints.model.LondonDays;

/**
 * Working days for complaint timescales: every day except Saturdays, Sundays, Christmas Day, Boxing
 * Day, Good Friday, bank holidays in England and Wales (with substitute days and one-off
 * proclamations) and any closure days the council adds.
 *
 * <p>The regular holidays are computed for every year, and the known one-off proclamations (1995,
 * 1999, 2002, 2011, 2012, 2020, 2022, 2023) are listed; a council adds later ones by loading the
 * official list ({@link Builder#addGovUkBankHolidays}). A calendar supports the whole years
 * {@link #firstYear()} to {@link #lastYear()} (1990 to 2199 for England and Wales); every method throws
 * {@link CalendarRangeException} for a date, or a result, outside them (and an implementation throws
 * nothing else for that), and commands that would need one are rejected. Instances are immutable and
 * thread-safe.
 */
public interface WorkingCalendar {

    /** The zone that decides which local day an instant falls on. */
    ZoneId ZONE = LondonDays.ZONE;

    /**
     * Whether {@code date} is a working day.
     *
     * @throws CalendarRangeException if {@code date} is outside the supported years
     */
    boolean isWorkingDay(LocalDate date);

    /**
     * The date {@code days} working days after {@code start}: for {@code days >= 1}, the
     * {@code days}-th working day strictly after {@code start}; 0 returns {@code start} if it is a
     * working day, else the next working day.
     *
     * @throws IllegalArgumentException if {@code days} is negative
     * @throws CalendarRangeException if {@code start} or the result is outside the supported years
     */
    LocalDate plusWorkingDays(LocalDate start, int days);

    /**
     * Working days in (startExclusive, endInclusive]; 0 when end is on or before start.
     *
     * @throws CalendarRangeException if either date is outside the supported years
     */
    int workingDaysBetween(LocalDate startExclusive, LocalDate endInclusive);

    /**
     * The instant {@code hours} working hours after {@code start}, where every working day
     * ({@link #ZONE}) counts 24 hours and non-working days count none; a start on a non-working day
     * counts from the next working day's midnight. A result that falls exactly at the end of a
     * working day is given as the midnight that starts the next working day.
     *
     * @throws IllegalArgumentException if {@code hours} is negative
     * @throws CalendarRangeException if {@code start} or the result is outside the supported years
     */
    Instant plusWorkingHours(Instant start, int hours);

    /**
     * The working days from {@code today} to {@code due}: how many are left, or, after it, minus how many have
     * passed (as {@link SlaClock#workingDaysLeft()} counts them).
     */
    default int workingDaysLeft(LocalDate today, LocalDate due) {
        return today.isAfter(due) ? -workingDaysBetween(due, today) : workingDaysBetween(today, due);
    }

    /** The first supported year. */
    int firstYear();

    /** The last supported year. */
    int lastYear();

    /** Whether {@code date} is in the supported years. */
    default boolean supports(LocalDate date) {
        int year = date.getYear();
        return year >= firstYear() && year <= lastYear();
    }

    /** Bank holidays in England and Wales, 1990 to 2199. */
    static WorkingCalendar englandAndWales() {
        return IndexedWorkingCalendar.englandAndWales();
    }

    /**
     * England and Wales with the official list of bank holidays (gov.uk's {@code bank-holidays.json}) in
     * place of the computed ones for every year the list covers.
     *
     * @see Builder#addGovUkBankHolidays
     */
    static WorkingCalendar fromGovUkJson(InputStream json) {
        return builder().addGovUkBankHolidays(json).build();
    }

    /** A builder that starts from {@link #englandAndWales()}. */
    static Builder builder() {
        return new Builder();
    }

    /** Adds a council's own closure days, and the official list of bank holidays, to the England and Wales calendar. */
    final class Builder {
        private final Set<LocalDate> closureDays = new TreeSet<>();
        private final Map<Integer, Set<LocalDate>> officialHolidays = new TreeMap<>();

        private Builder() {}

        /**
         * Makes {@code date} a non-working day.
         *
         * @throws CalendarRangeException if {@code date} is outside the supported years
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

        /**
         * Reads the official list of bank holidays in the gov.uk format ({@code
         * https://www.gov.uk/bank-holidays.json}: {@code {"england-and-wales": {"division": ..., "events":
         * [{"title": ..., "date": "2018-01-01", ...}, ...]}, "scotland": ..., "northern-ireland": ...}}); only
         * the dates of the {@code england-and-wales} division count. For every year the list covers, its
         * dates replace the computed bank holidays of that year (so a holiday moved by a proclamation this
         * library does not know moves here too); other years keep the computed ones. A later list replaces
         * an earlier one year by year. Does not close the stream.
         *
         * @throws IllegalArgumentException naming what is wrong, if the document is not in that format or
         *     a date is outside the supported years; then nothing is added
         * @throws java.io.UncheckedIOException if the stream cannot be read
         */
        public Builder addGovUkBankHolidays(InputStream json) {
            requireNonNull(json, "json");
            Map<Integer, Set<LocalDate>> read = GovUkBankHolidays.read(json);
            read.values().forEach(days -> days.forEach(Builder::checked));
            read.forEach((year, days) -> officialHolidays.put(year, Set.copyOf(days)));
            return this;
        }

        /** A new calendar; later changes to this builder do not affect it. */
        public WorkingCalendar build() {
            return IndexedWorkingCalendar.of(closureDays, officialHolidays);
        }

        private static LocalDate checked(LocalDate date) {
            requireNonNull(date, "closure day");
            return IndexedWorkingCalendar.checkInRange(date);
        }
    }
}
