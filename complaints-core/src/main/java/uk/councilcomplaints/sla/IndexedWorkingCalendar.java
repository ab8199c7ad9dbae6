package uk.councilcomplaints.sla;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A working calendar indexed over its supported years, so that every method is O(1): a count of
 * working days before each day, and the working days by ordinal.
 */
final class IndexedWorkingCalendar implements WorkingCalendar {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2035;

    private static final long DAY_NANOS = TimeUnit.DAYS.toNanos(1);
    private static final long HOUR_NANOS = TimeUnit.HOURS.toNanos(1);

    private final int firstYear;
    private final int lastYear;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final long firstEpochDay;
    /** workingBefore[i]: working days in [firstDay, firstDay + i); length is the number of days + 1. */
    private final int[] workingBefore;
    /** The working days in order; workingDays[k] is the one with k working days before it. */
    private final LocalDate[] workingDays;
    private final int closureDayCount;

    private IndexedWorkingCalendar(int firstYear, int lastYear, Set<LocalDate> closureDays) {
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.firstDay = LocalDate.of(firstYear, 1, 1);
        this.lastDay = LocalDate.of(lastYear, 12, 31);
        this.firstEpochDay = firstDay.toEpochDay();
        this.closureDayCount = closureDays.size();

        Set<LocalDate> nonWorking = new HashSet<>(closureDays);
        for (int year = firstYear; year <= lastYear; year++) {
            nonWorking.addAll(EnglandAndWalesHolidays.inYear(year).keySet());
        }
        int days = Math.toIntExact(lastDay.toEpochDay() - firstEpochDay + 1);
        int[] before = new int[days + 1];
        LocalDate[] working = new LocalDate[days];
        int count = 0;
        for (int i = 0; i < days; i++) {
            before[i] = count;
            LocalDate date = firstDay.plusDays(i);
            if (!EnglandAndWalesHolidays.isWeekend(date) && !nonWorking.contains(date)) {
                working[count++] = date;
            }
        }
        before[days] = count;
        this.workingBefore = before;
        this.workingDays = Arrays.copyOf(working, count);
        checkWorkingDaysLast24Hours();
    }

    static WorkingCalendar englandAndWales() {
        return Default.INSTANCE;
    }

    static WorkingCalendar withClosureDays(Set<LocalDate> closureDays) {
        return closureDays.isEmpty()
                ? Default.INSTANCE
                : new IndexedWorkingCalendar(FIRST_YEAR, LAST_YEAR, Set.copyOf(closureDays));
    }

    static void checkInDefaultRange(LocalDate date) {
        Default.INSTANCE.index(date);
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        int i = index(date);
        return workingBefore[i + 1] != workingBefore[i];
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0, was " + days);
        }
        int i = index(start);
        // 0: start itself or the next working day; n >= 1: the n-th working day strictly after start
        long ordinal = days == 0 ? workingBefore[i] : (long) workingBefore[i + 1] + days - 1;
        if (ordinal >= workingDays.length) {
            throw new IllegalArgumentException(start + " plus " + days + " working days is after " + lastDay
                    + ", outside the supported range " + range());
        }
        return workingDays[(int) ordinal];
    }

    @Override
    public int workingDaysBetween(LocalDate startExclusive, LocalDate endInclusive) {
        int start = index(startExclusive);
        int end = index(endInclusive);
        return end <= start ? 0 : workingBefore[end + 1] - workingBefore[start + 1];
    }

    @Override
    public Instant plusWorkingHours(Instant start, int hours) {
        requireNonNull(start, "start");
        if (hours < 0) {
            throw new IllegalArgumentException("hours must be >= 0, was " + hours);
        }
        ZonedDateTime local = start.atZone(ZONE);
        LocalDate date = local.toLocalDate();
        int i = index(date);
        long ordinal = workingBefore[i];
        long offsetNanos = 0;
        if (workingBefore[i + 1] != workingBefore[i]) {
            Instant midnight = date.atStartOfDay(ZONE).toInstant();
            offsetNanos = TimeUnit.SECONDS.toNanos(start.getEpochSecond() - midnight.getEpochSecond())
                    + start.getNano() - midnight.getNano();
        }
        long remainingHours = 24L * (workingDays.length - ordinal);
        if (hours <= remainingHours) {
            long total = ordinal * DAY_NANOS + offsetNanos + hours * HOUR_NANOS;
            long target = total / DAY_NANOS;
            if (target < workingDays.length) {
                return workingDays[(int) target].atStartOfDay(ZONE).toInstant().plusNanos(total % DAY_NANOS);
            }
        }
        throw new IllegalArgumentException(start + " plus " + hours + " working hours is after " + lastDay
                + ", outside the supported range " + range());
    }

    @Override
    public int firstYear() {
        return firstYear;
    }

    @Override
    public int lastYear() {
        return lastYear;
    }

    @Override
    public String toString() {
        return "WorkingCalendar[England and Wales, " + firstYear + ".." + lastYear + ", "
                + closureDayCount + " closure days]";
    }

    /** The index of {@code date} in {@link #workingBefore}, or an exception naming the range. */
    private int index(LocalDate date) {
        requireNonNull(date, "date");
        if (date.isBefore(firstDay) || date.isAfter(lastDay)) {
            throw new IllegalArgumentException(date + " is outside the supported range " + range());
        }
        return (int) (date.toEpochDay() - firstEpochDay);
    }

    private String range() {
        return firstDay + ".." + lastDay + " (years " + firstYear + ".." + lastYear + ")";
    }

    /**
     * Working hours count each working day as 24 hours; that holds because clocks in Europe/London
     * change only on Sundays. Fails fast if a time-zone rule update ever breaks it.
     */
    private void checkWorkingDaysLast24Hours() {
        ZoneRules rules = ZONE.getRules();
        Instant end = lastDay.plusDays(1).atStartOfDay(ZONE).toInstant();
        ZoneOffsetTransition transition = rules.nextTransition(firstDay.atStartOfDay(ZONE).toInstant().minusSeconds(1));
        while (transition != null && transition.getInstant().isBefore(end)) {
            LocalDate day = transition.getInstant().atZone(ZONE).toLocalDate();
            if (!day.isBefore(firstDay) && isWorkingDay(day)) {
                throw new IllegalStateException("clocks change on working day " + day
                        + "; working hours assume every working day lasts 24 hours");
            }
            transition = rules.nextTransition(transition.getInstant());
        }
    }

    /** The England and Wales calendar, built on first use. */
    private static final class Default {
        static final IndexedWorkingCalendar INSTANCE = new IndexedWorkingCalendar(FIRST_YEAR, LAST_YEAR, Set.of());
    }
}
