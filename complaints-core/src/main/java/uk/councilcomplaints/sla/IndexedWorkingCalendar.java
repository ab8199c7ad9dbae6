package uk.councilcomplaints.sla;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A working calendar indexed over its supported years, so that every method is O(1): a count of
 * working days before each day, and the working days by ordinal.
 */
final class IndexedWorkingCalendar implements WorkingCalendar {

    /** The first supported year: the regular holidays have held since 1978; 1990 is well before any open case. */
    static final int FIRST_YEAR = 1990;
    /** The last supported year: far beyond any response date a council could agree. */
    static final int LAST_YEAR = 2199;

    private static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(LAST_YEAR, 12, 31);
    private static final long FIRST_EPOCH_DAY = FIRST_DAY.toEpochDay();
    /** The first instant of the range, and the first after it. */
    private static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay(ZONE).toInstant();
    private static final Instant END_INSTANT = LAST_DAY.plusDays(1).atStartOfDay(ZONE).toInstant();
    private static final long DAY_NANOS = TimeUnit.DAYS.toNanos(1);
    private static final long HOUR_NANOS = TimeUnit.HOURS.toNanos(1);

    /** workingBefore[i]: working days in [FIRST_DAY, FIRST_DAY + i); length is the number of days + 1. */
    private final int[] workingBefore;
    /** The working days in order; workingDays[k] is the one with k working days before it. */
    private final LocalDate[] workingDays;
    private final int closureDayCount;
    private final Set<Integer> officialYears;

    private IndexedWorkingCalendar(Set<LocalDate> closureDays, Map<Integer, Set<LocalDate>> officialHolidays) {
        this.closureDayCount = closureDays.size();
        this.officialYears = ImmutableSet.copyOf(officialHolidays.keySet());
        int days = Math.toIntExact(LAST_DAY.toEpochDay() - FIRST_EPOCH_DAY + 1);
        boolean[] closed = new boolean[days];
        for (LocalDate day : closureDays) {
            closed[offset(day)] = true;
        }
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            Set<LocalDate> holidays = officialHolidays.get(year);
            for (LocalDate day : holidays != null ? holidays : EnglandAndWalesHolidays.inYear(year).keySet()) {
                closed[offset(day)] = true;
            }
        }
        int[] before = new int[days + 1];
        LocalDate[] working = new LocalDate[days];
        int count = 0;
        for (int i = 0; i < days; i++) {
            before[i] = count;
            long epochDay = FIRST_EPOCH_DAY + i;
            // 1970-01-01 was a Thursday: epoch day + 3, mod 7, is 0 on Monday ... 5 on Saturday, 6 on Sunday
            boolean weekend = Math.floorMod(epochDay + 3, 7) >= 5;
            if (!weekend && !closed[i]) {
                working[count++] = LocalDate.ofEpochDay(epochDay);
            }
        }
        before[days] = count;
        this.workingBefore = before;
        this.workingDays = Arrays.copyOf(working, count);
        checkNoClockChangeOnAWorkingDay(ZONE.getRules());
    }

    static WorkingCalendar englandAndWales() {
        return Default.INSTANCE;
    }

    /**
     * The England and Wales calendar with closure days, and with the official list of bank holidays
     * replacing the computed ones in every year it covers.
     */
    static WorkingCalendar of(Set<LocalDate> closureDays, Map<Integer, Set<LocalDate>> officialHolidays) {
        return closureDays.isEmpty() && officialHolidays.isEmpty()
                ? Default.INSTANCE
                : new IndexedWorkingCalendar(Set.copyOf(closureDays), ImmutableMap.copyOf(officialHolidays));
    }

    /** {@code date}, or a {@link CalendarRangeException} naming it and the supported range. */
    static LocalDate checkInRange(LocalDate date) {
        requireNonNull(date, "date");
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw new CalendarRangeException(date + " is outside the supported range " + range());
        }
        return date;
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
            throw new CalendarRangeException(start + " plus " + days + " working days is after " + LAST_DAY
                    + ", outside the supported range " + range());
        }
        return workingDays[(int) ordinal];
    }

    @Override
    public int workingDaysBetween(LocalDate startExclusive, LocalDate endInclusive) {
        int start = index(startExclusive);
        int end = index(endInclusive);
        return Math.max(0, workingBefore[end + 1] - workingBefore[start + 1]);
    }

    @Override
    public Instant plusWorkingHours(Instant start, int hours) {
        requireNonNull(start, "start");
        if (hours < 0) {
            throw new IllegalArgumentException("hours must be >= 0, was " + hours);
        }
        if (start.isBefore(FIRST_INSTANT) || !start.isBefore(END_INSTANT)) {
            throw new CalendarRangeException(start + " is outside the supported range " + range());
        }
        LocalDate date = start.atZone(ZONE).toLocalDate();
        int i = index(date);
        // time into the first working day: none when starting on a non-working day
        long nanos = isWorkingDay(date) ? Duration.between(date.atStartOfDay(ZONE).toInstant(), start).toNanos() : 0;
        nanos += (hours % 24) * HOUR_NANOS;
        // whole days apart so that no number of hours overflows
        long target = workingBefore[i] + hours / 24 + nanos / DAY_NANOS;
        if (target < workingDays.length) {
            return workingDays[(int) target].atStartOfDay(ZONE).toInstant().plusNanos(nanos % DAY_NANOS);
        }
        throw new CalendarRangeException(start + " plus " + hours + " working hours is after " + LAST_DAY
                + ", outside the supported range " + range());
    }

    @Override
    public int firstYear() {
        return FIRST_YEAR;
    }

    @Override
    public int lastYear() {
        return LAST_YEAR;
    }

    @Override
    public String toString() {
        return "WorkingCalendar[England and Wales, " + FIRST_YEAR + ".." + LAST_YEAR + ", " + closureDayCount
                + " closure days, official list for " + officialYears.size() + " years]";
    }

    /** The index of {@code date} in {@link #workingBefore}, or an exception naming the range. */
    private static int index(LocalDate date) {
        return offset(checkInRange(date));
    }

    private static int offset(LocalDate date) {
        return (int) (date.toEpochDay() - FIRST_EPOCH_DAY);
    }

    private static String range() {
        return FIRST_DAY + ".." + LAST_DAY + " (years " + FIRST_YEAR + ".." + LAST_YEAR + ")";
    }

    /**
     * Working hours count each working day as 24 hours; that holds because clocks in Europe/London
     * change only on Sundays. Throws {@link IllegalStateException} if, under {@code rules}, clocks change
     * on one of this calendar's working days: the constructor checks the JVM's rules for {@link #ZONE},
     * so a time-zone rule update that breaks it fails fast.
     */
    void checkNoClockChangeOnAWorkingDay(ZoneRules rules) {
        ZoneOffsetTransition transition = rules.nextTransition(FIRST_INSTANT.minusSeconds(1));
        while (transition != null && transition.getInstant().isBefore(END_INSTANT)) {
            LocalDate day = transition.getInstant().atZone(ZONE).toLocalDate();
            if (!day.isBefore(FIRST_DAY) && isWorkingDay(day)) {
                throw new IllegalStateException("clocks change on working day " + day
                        + "; working hours assume every working day lasts 24 hours");
            }
            transition = rules.nextTransition(transition.getInstant());
        }
    }

    /** The England and Wales calendar, built on first use. */
    private static final class Default {
        static final IndexedWorkingCalendar INSTANCE = new IndexedWorkingCalendar(Set.of(), Map.of());
    }
}
