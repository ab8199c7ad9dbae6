package uk.councilcomplaints.sla;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A council's calendar (England and Wales plus its closure days) covers the same years and holidays as the
 * default one, and a calendar refuses time-zone rules under which a working day would not last 24 hours.
 */
class CouncilCalendarTest {

    /** The default calendar with the council's closure on Wednesday 28 December 2022. */
    private final WorkingCalendar council = WorkingCalendar.builder().addClosureDay(LocalDate.of(2022, 12, 28)).build();

    @Test
    void aCouncilCalendarRunsToTheLastDayOf2199WithThatYearsHolidays() {
        assertFalse(council.isWorkingDay(LocalDate.of(2022, 12, 28)));
        assertEquals(LocalDate.of(2022, 12, 29), council.plusWorkingDays(LocalDate.of(2022, 12, 23), 1));
        // Christmas Day 2199 is a Wednesday, Boxing Day a Thursday; 30 and 31 December are Monday and Tuesday
        assertFalse(council.isWorkingDay(LocalDate.of(2199, 12, 25)));
        assertFalse(council.isWorkingDay(LocalDate.of(2199, 12, 26)));
        assertTrue(council.isWorkingDay(LocalDate.of(2199, 12, 31)));
        assertEquals(3, council.workingDaysBetween(LocalDate.of(2199, 12, 24), LocalDate.of(2199, 12, 31)));
        assertEquals(LocalDate.of(2199, 12, 31), council.plusWorkingDays(LocalDate.of(2199, 12, 30), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> council.plusWorkingDays(LocalDate.of(2199, 12, 31), 1));
        assertTrue(e.getMessage().contains("2199-12-31"), e.getMessage());
    }

    @Test
    void nothingAddedGivesTheSharedDefaultCalendar() {
        // the index over 210 years is built once, not for every builder left empty
        assertSame(WorkingCalendar.englandAndWales(), WorkingCalendar.builder().build());
        assertSame(WorkingCalendar.englandAndWales(), WorkingCalendar.builder().addClosureDays(List.of()).build());
        assertNotSame(WorkingCalendar.englandAndWales(), council);
    }

    @Test
    void clocksChangingOnAWorkingDayAreRefused() {
        IndexedWorkingCalendar calendar = (IndexedWorkingCalendar) WorkingCalendar.englandAndWales();
        // a rule change that put the clocks forward on Wednesday 27 March 2030
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> calendar.checkNoClockChangeOnAWorkingDay(rulesChangingAt(LocalDateTime.of(2030, 3, 27, 1, 0))));
        assertTrue(e.getMessage().contains("2030-03-27"), e.getMessage());
        // on Sunday 31 March 2030, as now; or on a weekday after the calendar's last year: no matter
        assertDoesNotThrow(() -> calendar.checkNoClockChangeOnAWorkingDay(
                rulesChangingAt(LocalDateTime.of(2030, 3, 31, 1, 0))));
        assertDoesNotThrow(() -> calendar.checkNoClockChangeOnAWorkingDay(
                rulesChangingAt(LocalDateTime.of(2200, 3, 26, 1, 0))));
        assertDoesNotThrow(() -> calendar.checkNoClockChangeOnAWorkingDay(WorkingCalendar.ZONE.getRules()));
    }

    /** UTC until {@code utc}, then an hour ahead. */
    private static ZoneRules rulesChangingAt(LocalDateTime utc) {
        ZoneOffsetTransition forward = ZoneOffsetTransition.of(utc, ZoneOffset.UTC, ZoneOffset.ofHours(1));
        return ZoneRules.of(ZoneOffset.UTC, ZoneOffset.UTC, List.of(), List.of(forward), List.of());
    }
}
