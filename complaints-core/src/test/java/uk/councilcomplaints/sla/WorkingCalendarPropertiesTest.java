package uk.councilcomplaints.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.localDates;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class WorkingCalendarPropertiesTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();
    private static final Reference REFERENCE = new Reference(Set.of());

    private static final long FIRST_DAY = LocalDate.of(1990, 1, 1).toEpochDay();
    /** Late enough to reach the end of the range, early enough that 250 working days stay inside it. */
    private static final long LAST_START = LocalDate.of(2198, 12, 31).toEpochDay();

    private static final Gen<LocalDate> STARTS = localDates().withDaysBetween(FIRST_DAY, LAST_START);
    private static final Gen<LocalDate> WORKING_STARTS = oneOf(daysUpToLastStart(true));
    private static final Gen<LocalDate> NON_WORKING_STARTS = oneOf(daysUpToLastStart(false));
    private static final Gen<Integer> COUNTS = integers().between(0, 250);

    private static List<LocalDate> daysUpToLastStart(boolean working) {
        List<LocalDate> days = new ArrayList<>();
        for (long day = FIRST_DAY; day <= LAST_START; day++) {
            LocalDate date = LocalDate.ofEpochDay(day);
            if (REFERENCE.isWorkingDay(date) == working) {
                days.add(date);
            }
        }
        return List.copyOf(days);
    }

    private static Gen<LocalDate> oneOf(List<LocalDate> days) {
        return integers().between(0, days.size() - 1).map(i -> days.get(i));
    }

    private static boolean inRange(LocalDate date) {
        return date.getYear() >= CALENDAR.firstYear() && date.getYear() <= CALENDAR.lastYear();
    }

    /** Day-by-day reference built from the holiday rules, independent of the calendar's index. */
    private static final class Reference {
        private final Set<LocalDate> nonWorking = new HashSet<>();

        Reference(Collection<LocalDate> closureDays) {
            nonWorking.addAll(closureDays);
            for (int year = 1990; year <= 2199; year++) {
                nonWorking.addAll(EnglandAndWalesHolidays.inYear(year).keySet());
            }
        }

        boolean isWorkingDay(LocalDate date) {
            return !EnglandAndWalesHolidays.isWeekend(date) && !nonWorking.contains(date);
        }

        LocalDate plusWorkingDays(LocalDate start, int days) {
            LocalDate date = start;
            if (days == 0) {
                while (!isWorkingDay(date)) {
                    date = date.plusDays(1);
                }
                return date;
            }
            for (int counted = 0; counted < days; ) {
                date = date.plusDays(1);
                if (isWorkingDay(date)) {
                    counted++;
                }
            }
            return date;
        }

        int workingDaysBetween(LocalDate startExclusive, LocalDate endInclusive) {
            int count = 0;
            for (LocalDate d = startExclusive.plusDays(1); !d.isAfter(endInclusive); d = d.plusDays(1)) {
                if (isWorkingDay(d)) {
                    count++;
                }
            }
            return count;
        }
    }

    @Test
    void isWorkingDayMatchesTheReferenceOnEveryDay() {
        for (LocalDate d = LocalDate.of(1990, 1, 1); d.getYear() <= 2199; d = d.plusDays(1)) {
            assertEquals(REFERENCE.isWorkingDay(d), CALENDAR.isWorkingDay(d), d.toString());
        }
    }

    @Test
    void plusWorkingDaysLandsOnAWorkingDay() {
        qt().forAll(STARTS, COUNTS).checkAssert((start, days) ->
                assertTrue(CALENDAR.isWorkingDay(CALENDAR.plusWorkingDays(start, days)), start + " + " + days));
    }

    @Test
    void plusWorkingDaysMatchesTheDayByDayReference() {
        qt().forAll(STARTS, COUNTS).checkAssert((start, days) ->
                assertEquals(REFERENCE.plusWorkingDays(start, days), CALENDAR.plusWorkingDays(start, days),
                        start + " + " + days));
    }

    @Test
    void workingDaysBetweenMatchesTheDayByDayReference() {
        qt().forAll(STARTS, integers().between(-30, 400))
                .assuming((start, span) -> inRange(start.plusDays(span)))
                .checkAssert((start, span) -> {
                    LocalDate end = start.plusDays(span);
                    assertEquals(REFERENCE.workingDaysBetween(start, end), CALENDAR.workingDaysBetween(start, end),
                            "(" + start + ", " + end + "]");
                });
    }

    @Test
    void plusWorkingDaysIsMonotonicInDays() {
        qt().forAll(STARTS, integers().between(0, 249)).checkAssert((start, days) -> {
            LocalDate sooner = CALENDAR.plusWorkingDays(start, days);
            LocalDate later = CALENDAR.plusWorkingDays(start, days + 1);
            if (days == 0 && !CALENDAR.isWorkingDay(start)) {
                assertEquals(sooner, later, "from a non-working day, 0 and 1 both give the next working day");
            } else {
                assertTrue(sooner.isBefore(later), start + " + " + days + " = " + sooner + ", + 1 more = " + later);
            }
        });
    }

    @Test
    void plusWorkingDaysIsMonotonicInStart() {
        qt().forAll(STARTS, integers().between(0, 300), COUNTS)
                .assuming((start, gap, days) -> start.plusDays(gap).toEpochDay() <= LAST_START)
                .checkAssert((start, gap, days) -> {
                    LocalDate laterStart = start.plusDays(gap);
                    assertFalse(CALENDAR.plusWorkingDays(start, days).isAfter(CALENDAR.plusWorkingDays(laterStart, days)),
                            start + " vs " + laterStart + " + " + days);
                });
    }

    @Test
    void workingDaysBetweenUndoesPlusWorkingDaysFromAWorkingDay() {
        qt().forAll(WORKING_STARTS, COUNTS).checkAssert((start, days) ->
                assertEquals((int) days, CALENDAR.workingDaysBetween(start, CALENDAR.plusWorkingDays(start, days))));
    }

    @Test
    void workingDaysBetweenUndoesPlusWorkingDaysFromAnyDayForAtLeastOneDay() {
        qt().forAll(STARTS, integers().between(1, 250)).checkAssert((start, days) ->
                assertEquals((int) days, CALENDAR.workingDaysBetween(start, CALENDAR.plusWorkingDays(start, days))));
    }

    @Test
    void workingDaysBetweenAddsUpOverConsecutiveSpans() {
        qt().forAll(STARTS, integers().between(0, 200), integers().between(0, 200))
                .assuming((a, gap1, gap2) -> inRange(a.plusDays(gap1 + gap2)))
                .checkAssert((a, gap1, gap2) -> {
                    LocalDate b = a.plusDays(gap1);
                    LocalDate c = b.plusDays(gap2);
                    assertEquals(CALENDAR.workingDaysBetween(a, c),
                            CALENDAR.workingDaysBetween(a, b) + CALENDAR.workingDaysBetween(b, c));
                });
    }

    @Test
    void workingHoursAgreeWithWorkingDaysAndTimeOfDay() {
        Gen<Integer> minuteOfDay = integers().between(0, 24 * 60 - 1);
        qt().forAll(WORKING_STARTS, minuteOfDay, integers().between(0, 24 * 250)).checkAssert((day, minute, hours) -> {
            LocalDateTime start = day.atStartOfDay().plusMinutes(minute);
            int minutes = minute + 60 * hours;
            LocalDateTime expected = CALENDAR.plusWorkingDays(day, minutes / (24 * 60))
                    .atStartOfDay().plusMinutes(minutes % (24 * 60));
            assertEquals(expected.atZone(WorkingCalendar.ZONE).toInstant(),
                    CALENDAR.plusWorkingHours(start.atZone(WorkingCalendar.ZONE).toInstant(), hours),
                    start + " + " + hours + "h");
        });
    }

    @Test
    void workingHoursFromANonWorkingDayCountFromTheNextWorkingMidnight() {
        qt().forAll(NON_WORKING_STARTS, integers().between(0, 24 * 60 - 1), integers().between(0, 24 * 250))
                .checkAssert((day, minute, hours) -> {
                    LocalDate next = REFERENCE.plusWorkingDays(day, 0);
                    LocalDateTime start = day.atStartOfDay().plusMinutes(minute);
                    assertEquals(
                            CALENDAR.plusWorkingHours(next.atStartOfDay(WorkingCalendar.ZONE).toInstant(), hours),
                            CALENDAR.plusWorkingHours(start.atZone(WorkingCalendar.ZONE).toInstant(), hours));
                });
    }

    @Test
    void closureDaysMatchTheReferenceWithTheSameClosures() {
        Gen<LocalDate> closureDays = localDates().withDaysBetween(
                LocalDate.of(2021, 1, 1).toEpochDay(), LocalDate.of(2022, 12, 31).toEpochDay());
        Gen<LocalDate> starts = localDates().withDaysBetween(
                LocalDate.of(2020, 9, 1).toEpochDay(), LocalDate.of(2022, 12, 31).toEpochDay());
        qt().withExamples(200)
                .forAll(lists().of(closureDays).ofSizeBetween(0, 40), starts, integers().between(0, 120))
                .checkAssert((closures, start, days) -> {
                    WorkingCalendar council = WorkingCalendar.builder().addClosureDays(closures).build();
                    Reference reference = new Reference(closures);
                    closures.forEach(d -> assertFalse(council.isWorkingDay(d), d + " is a closure day"));
                    assertEquals(reference.plusWorkingDays(start, days), council.plusWorkingDays(start, days));
                    LocalDate end = start.plusDays(days);
                    assertEquals(reference.workingDaysBetween(start, end), council.workingDaysBetween(start, end));
                });
    }
}
