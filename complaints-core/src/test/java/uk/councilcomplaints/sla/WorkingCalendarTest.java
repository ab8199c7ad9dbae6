package uk.councilcomplaints.sla;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static Instant london(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(WorkingCalendar.ZONE).toInstant();
    }

    @Test
    void supportsEuropeLondonFrom1990To2199() {
        assertEquals(ZoneId.of("Europe/London"), WorkingCalendar.ZONE);
        assertEquals(1990, calendar.firstYear());
        assertEquals(2199, calendar.lastYear());
        assertSame(calendar, WorkingCalendar.englandAndWales());
        assertTrue(calendar.supports(date(1990, 1, 1)));
        assertTrue(calendar.supports(date(2199, 12, 31)));
        assertFalse(calendar.supports(date(1989, 12, 31)));
        assertFalse(calendar.supports(date(2200, 1, 1)));
    }

    @Test
    void noCliffAtTheEndOf2035() {
        // 31 December 2035 is a Monday; 1 January 2036 is New Year's Day
        assertEquals(date(2036, 1, 2), calendar.plusWorkingDays(date(2035, 12, 31), 1));
        assertEquals(date(2036, 1, 3), calendar.plusWorkingDays(date(2035, 12, 28), 3));
        assertEquals(london(2036, 1, 2, 10, 0), calendar.plusWorkingHours(london(2035, 12, 31, 10, 0), 24));
        assertEquals(1, calendar.workingDaysBetween(date(2035, 12, 31), date(2036, 1, 2)));
    }

    @Test
    void knownOneOffDaysBefore2000() {
        assertTrue(calendar.isWorkingDay(date(1995, 5, 1)), "the early May holiday moved to VE Day in 1995");
        assertFalse(calendar.isWorkingDay(date(1995, 5, 8)));
        assertFalse(calendar.isWorkingDay(date(1999, 12, 31)), "the millennium holiday");
        assertFalse(calendar.isWorkingDay(date(1999, 12, 28)), "Boxing Day substitute, 1999");
        assertFalse(calendar.isWorkingDay(date(2000, 1, 3)), "New Year substitute, 2000");
        assertEquals(date(1999, 12, 29), calendar.plusWorkingDays(date(1999, 12, 24), 1));
        assertEquals(date(2000, 1, 4), calendar.plusWorkingDays(date(1999, 12, 30), 1));
    }

    @Test
    void regularRulesHoldInAFarYear() {
        // Easter Sunday 2150 is 12 April: Good Friday 10 April, Easter Monday 13 April
        assertFalse(calendar.isWorkingDay(date(2150, 4, 10)));
        assertFalse(calendar.isWorkingDay(date(2150, 4, 13)));
        assertEquals(date(2150, 4, 14), calendar.plusWorkingDays(date(2150, 4, 9), 1));
    }

    @Test
    void christmas2021() {
        assertTrue(calendar.isWorkingDay(date(2021, 12, 24)));
        for (int day = 25; day <= 28; day++) {
            assertFalse(calendar.isWorkingDay(date(2021, 12, day)), "December " + day);
        }
        assertEquals(date(2021, 12, 29), calendar.plusWorkingDays(date(2021, 12, 24), 1));
        assertEquals(date(2022, 1, 4), calendar.plusWorkingDays(date(2021, 12, 31), 1));
        assertEquals(4, calendar.workingDaysBetween(date(2021, 12, 24), date(2022, 1, 4)), "29, 30, 31 December and 4 January");
    }

    @Test
    void easter2022() {
        assertFalse(calendar.isWorkingDay(date(2022, 4, 15)));
        assertFalse(calendar.isWorkingDay(date(2022, 4, 18)));
        assertEquals(date(2022, 4, 19), calendar.plusWorkingDays(date(2022, 4, 14), 1));
        assertEquals(date(2022, 4, 22), calendar.plusWorkingDays(date(2022, 4, 14), 4));
        assertEquals(1, calendar.workingDaysBetween(date(2022, 4, 14), date(2022, 4, 19)));
    }

    @Test
    void platinumJubileeJune2022() {
        assertTrue(calendar.isWorkingDay(date(2022, 5, 30)), "spring holiday moved away from 30 May");
        assertFalse(calendar.isWorkingDay(date(2022, 6, 2)));
        assertFalse(calendar.isWorkingDay(date(2022, 6, 3)));
        assertEquals(date(2022, 6, 6), calendar.plusWorkingDays(date(2022, 6, 1), 1));
        assertEquals(4, calendar.workingDaysBetween(date(2022, 5, 27), date(2022, 6, 6)));
    }

    @Test
    void stateFuneralSeptember2022() {
        assertFalse(calendar.isWorkingDay(date(2022, 9, 19)));
        assertEquals(date(2022, 9, 20), calendar.plusWorkingDays(date(2022, 9, 16), 1));
        assertEquals(date(2022, 9, 30), calendar.plusWorkingDays(date(2022, 9, 16), 9));
    }

    @Test
    void coronationMay2023() {
        assertEquals(date(2023, 5, 9), calendar.plusWorkingDays(date(2023, 5, 5), 1));
    }

    @Test
    void zeroDaysIsStartOrTheNextWorkingDay() {
        assertEquals(date(2022, 1, 7), calendar.plusWorkingDays(date(2022, 1, 7), 0));
        assertEquals(date(2022, 1, 4), calendar.plusWorkingDays(date(2022, 1, 1), 0), "Saturday, then a substitute day");
    }

    @Test
    void fromANonWorkingDayCountsWorkingDaysAfterIt() {
        // Saturday 1 January 2022: the first working day after it is Tuesday 4 January
        assertEquals(date(2022, 1, 4), calendar.plusWorkingDays(date(2022, 1, 1), 1));
        assertEquals(date(2022, 1, 6), calendar.plusWorkingDays(date(2022, 1, 1), 3));
        assertEquals(3, calendar.workingDaysBetween(date(2022, 1, 1), date(2022, 1, 6)));
    }

    @Test
    void workingDaysBetweenIsZeroWhenEndIsNotAfterStart() {
        assertEquals(0, calendar.workingDaysBetween(date(2022, 3, 10), date(2022, 3, 10)));
        assertEquals(0, calendar.workingDaysBetween(date(2022, 3, 10), date(2022, 3, 1)));
        assertEquals(1, calendar.workingDaysBetween(date(2022, 3, 10), date(2022, 3, 11)));
    }

    @Test
    void coversTheFirstAndLastDaysOfTheRange() {
        assertFalse(calendar.isWorkingDay(date(1990, 1, 1)), "New Year's Day 1990, a Monday");
        assertTrue(calendar.isWorkingDay(date(1990, 1, 2)));
        assertEquals(date(1990, 1, 2), calendar.plusWorkingDays(date(1990, 1, 1), 0));
        // Christmas 2199 is a Wednesday
        assertEquals(date(2199, 12, 27), calendar.plusWorkingDays(date(2199, 12, 24), 1));
        assertEquals(date(2199, 12, 31), calendar.plusWorkingDays(date(2199, 12, 27), 2));
        assertEquals(date(2199, 12, 31), calendar.plusWorkingDays(date(2199, 12, 31), 0));
    }

    @Test
    void rejectsDatesOutsideTheRangeNamingDateAndRange() {
        assertOutOfRange("1989-12-31", () -> calendar.isWorkingDay(date(1989, 12, 31)));
        assertOutOfRange("2200-01-01", () -> calendar.isWorkingDay(date(2200, 1, 1)));
        assertOutOfRange("1989-12-31", () -> calendar.plusWorkingDays(date(1989, 12, 31), 0));
        assertOutOfRange("2200-01-01", () -> calendar.workingDaysBetween(date(2199, 12, 1), date(2200, 1, 1)));
        assertOutOfRange("1989-12-01", () -> calendar.workingDaysBetween(date(1989, 12, 1), date(1990, 2, 1)));
        assertOutOfRange("2200-01-01", () -> calendar.plusWorkingHours(london(2200, 1, 1, 9, 0), 1));
        assertOutOfRange("-1000000000-01-01", () -> calendar.plusWorkingHours(Instant.MIN, 1));
        assertOutOfRange("+1000000000-12-31", () -> calendar.plusWorkingHours(Instant.MAX, 1));
    }

    @Test
    void rejectsResultsPastTheEndOfTheRange() {
        assertOutOfRange("2199-12-20", () -> calendar.plusWorkingDays(date(2199, 12, 20), 20));
        assertOutOfRange("2199-12-20", () -> calendar.plusWorkingDays(date(2199, 12, 20), Integer.MAX_VALUE));
        assertOutOfRange("2199-12-31", () -> calendar.plusWorkingDays(date(2199, 12, 31), 1));
        assertOutOfRange("2199-12-31", () -> calendar.plusWorkingHours(london(2199, 12, 31, 10, 0), 14));
        assertOutOfRange("2199-12-31", () -> calendar.plusWorkingHours(london(2199, 12, 31, 10, 0), Integer.MAX_VALUE));
        assertEquals(london(2199, 12, 31, 23, 0), calendar.plusWorkingHours(london(2199, 12, 31, 10, 0), 13));
    }

    private static void assertOutOfRange(String date, Executable call) {
        CalendarRangeException e = assertThrows(CalendarRangeException.class, call);
        assertAll(
                () -> assertTrue(e.getMessage().contains(date), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("1990-01-01..2199-12-31"), e.getMessage()));
    }

    @Test
    void rejectsNegativeAmountsAndNulls() {
        // a fault of the caller, not a date out of range
        assertEquals(IllegalArgumentException.class,
                assertThrows(IllegalArgumentException.class, () -> calendar.plusWorkingDays(date(2022, 1, 4), -1))
                        .getClass());
        assertEquals(IllegalArgumentException.class, assertThrows(IllegalArgumentException.class,
                () -> calendar.plusWorkingHours(london(2022, 1, 4, 9, 0), -1)).getClass());
        assertThrows(NullPointerException.class, () -> calendar.isWorkingDay(null));
        assertThrows(NullPointerException.class, () -> calendar.plusWorkingDays(null, 1));
        assertThrows(NullPointerException.class, () -> calendar.workingDaysBetween(null, date(2022, 1, 4)));
        assertThrows(NullPointerException.class, () -> calendar.plusWorkingHours(null, 1));
    }

    @Test
    void workingHoursSkipAWeekend() {
        assertEquals(london(2022, 1, 10, 15, 30), calendar.plusWorkingHours(london(2022, 1, 7, 15, 30), 24));
        assertEquals(london(2022, 1, 11, 9, 0), calendar.plusWorkingHours(london(2022, 1, 7, 9, 0), 48));
        assertEquals(london(2022, 1, 7, 18, 0), calendar.plusWorkingHours(london(2022, 1, 7, 9, 0), 9));
    }

    @Test
    void workingHoursSkipBankHolidays() {
        // Thursday before Easter 2022: Good Friday and Easter Monday count no hours
        assertEquals(london(2022, 4, 19, 10, 0), calendar.plusWorkingHours(london(2022, 4, 14, 10, 0), 24));
        // Christmas 2021: Friday 24 December to Wednesday 29 December
        assertEquals(london(2021, 12, 29, 16, 45), calendar.plusWorkingHours(london(2021, 12, 24, 16, 45), 24));
    }

    @Test
    void workingHoursAcrossClockChanges() {
        Instant springStart = london(2025, 3, 28, 14, 0);
        Instant springDue = calendar.plusWorkingHours(springStart, 24);
        assertEquals(london(2025, 3, 31, 14, 0), springDue);
        assertEquals(Instant.parse("2025-03-31T13:00:00Z"), springDue);
        assertEquals(Duration.ofHours(71), Duration.between(springStart, springDue));

        Instant autumnStart = london(2025, 10, 24, 9, 0);
        Instant autumnDue = calendar.plusWorkingHours(autumnStart, 24);
        assertEquals(Instant.parse("2025-10-27T09:00:00Z"), autumnDue);
        assertEquals(Duration.ofHours(73), Duration.between(autumnStart, autumnDue));
    }

    @Test
    void workingHoursFromANonWorkingDayStartAtTheNextWorkingMidnight() {
        // Sunday 30 March 2025, the day the clocks go forward
        assertEquals(london(2025, 3, 31, 0, 0), calendar.plusWorkingHours(london(2025, 3, 30, 13, 0), 0));
        assertEquals(london(2025, 3, 31, 5, 0), calendar.plusWorkingHours(london(2025, 3, 30, 13, 0), 5));
        // Saturday 1 January 2022, then the substitute day on Monday 3 January
        assertEquals(london(2022, 1, 5, 0, 0), calendar.plusWorkingHours(london(2022, 1, 1, 8, 0), 24));
    }

    @Test
    void workingHoursEndingWithAWorkingDayEndAtTheNextWorkingMidnight() {
        assertEquals(london(2022, 1, 10, 0, 0), calendar.plusWorkingHours(london(2022, 1, 6, 0, 0), 48));
        assertEquals(london(2022, 1, 7, 12, 0), calendar.plusWorkingHours(london(2022, 1, 7, 12, 0), 0));
    }

    @Test
    void workingHoursKeepSubSecondPrecision() {
        Instant start = london(2022, 1, 7, 9, 0).plusNanos(123_456_789);
        assertEquals(london(2022, 1, 10, 9, 0).plusNanos(123_456_789), calendar.plusWorkingHours(start, 24));
    }

    @Test
    void builderAddsClosureDays() {
        WorkingCalendar council = WorkingCalendar.builder()
                .addClosureDay(date(2022, 12, 23))
                .addClosureDays(List.of(date(2022, 12, 28), date(2022, 12, 29), date(2022, 12, 30)))
                .build();
        assertFalse(council.isWorkingDay(date(2022, 12, 23)));
        assertTrue(calendar.isWorkingDay(date(2022, 12, 23)), "the shared calendar is unchanged");
        assertEquals(date(2023, 1, 3), council.plusWorkingDays(date(2022, 12, 22), 1));
        assertEquals(date(2022, 12, 28), calendar.plusWorkingDays(date(2022, 12, 22), 2));
        assertEquals(1, council.workingDaysBetween(date(2022, 12, 22), date(2023, 1, 3)));
        assertFalse(council.isWorkingDay(date(2022, 12, 26)), "bank holidays still apply");
        assertEquals(1990, council.firstYear());
        assertEquals(2199, council.lastYear());
    }

    @Test
    void builtCalendarIgnoresLaterBuilderChanges() {
        WorkingCalendar.Builder builder = WorkingCalendar.builder().addClosureDay(date(2024, 7, 1));
        WorkingCalendar first = builder.build();
        builder.addClosureDay(date(2024, 7, 2));
        assertTrue(first.isWorkingDay(date(2024, 7, 2)));
        assertFalse(builder.build().isWorkingDay(date(2024, 7, 2)));
        assertTrue(WorkingCalendar.builder().build().isWorkingDay(date(2024, 7, 1)));
    }

    @Test
    void builderRejectsInvalidClosureDaysEagerlyAndAtomically() {
        WorkingCalendar.Builder builder = WorkingCalendar.builder();
        assertThrows(NullPointerException.class, () -> builder.addClosureDay(null));
        assertThrows(NullPointerException.class, () -> builder.addClosureDays(null));
        assertThrows(NullPointerException.class,
                () -> builder.addClosureDays(Arrays.asList(date(2024, 7, 1), null)));
        assertOutOfRange("2200-03-02", () -> builder.addClosureDay(date(2200, 3, 2)));
        assertOutOfRange("1989-03-02", () -> builder.addClosureDays(List.of(date(2024, 7, 3), date(1989, 3, 2))));
        WorkingCalendar built = builder.build();
        assertTrue(built.isWorkingDay(date(2024, 7, 1)), "nothing from a rejected collection is added");
        assertTrue(built.isWorkingDay(date(2024, 7, 3)), "nothing from a rejected collection is added");
    }
}
