package uk.councilcomplaints.sla;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.temporal.TemporalAdjusters.firstInMonth;
import static java.time.temporal.TemporalAdjusters.lastInMonth;

import com.google.common.collect.ImmutableMap;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Bank holidays in England and Wales: the regular rules (Banking and Financial Dealings Act 1971, with
 * the early May holiday since 1978), computed for any year, with the known one-off proclamations laid
 * over them from a table. Proclamations made after this table was written come from the official list
 * (see {@link WorkingCalendar.Builder#addGovUkBankHolidays}).
 */
final class EnglandAndWalesHolidays {

    /** Regular holidays moved by proclamation: regular date to the date it was moved to. */
    private static final Map<LocalDate, LocalDate> MOVED = ImmutableMap.of(
            LocalDate.of(1995, 5, 1), LocalDate.of(1995, 5, 8),
            LocalDate.of(2002, 5, 27), LocalDate.of(2002, 6, 4),
            LocalDate.of(2012, 5, 28), LocalDate.of(2012, 6, 4),
            LocalDate.of(2020, 5, 4), LocalDate.of(2020, 5, 8),
            LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 2));

    /** Extra one-off bank holidays by proclamation. */
    private static final Map<LocalDate, String> EXTRA = ImmutableMap.of(
            LocalDate.of(1999, 12, 31), "Millennium celebrations",
            LocalDate.of(2002, 6, 3), "Golden Jubilee bank holiday",
            LocalDate.of(2011, 4, 29), "Royal wedding",
            LocalDate.of(2012, 6, 5), "Queen's Diamond Jubilee",
            LocalDate.of(2022, 6, 3), "Platinum Jubilee bank holiday",
            LocalDate.of(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II",
            LocalDate.of(2023, 5, 8), "Bank holiday for the coronation of King Charles III");

    private EnglandAndWalesHolidays() {}

    /** The bank holidays of {@code year}, by date, with their names. */
    static SortedMap<LocalDate, String> inYear(int year) {
        SortedMap<LocalDate, String> holidays = new TreeMap<>();
        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        if (isWeekend(newYear)) {
            holidays.put(newYear.with(firstInMonth(MONDAY)), "New Year's Day (substitute day)");
        } else {
            holidays.put(newYear, "New Year's Day");
        }
        LocalDate easter = easterSunday(year);
        holidays.put(easter.minusDays(2), "Good Friday");
        holidays.put(easter.plusDays(1), "Easter Monday");
        holidays.put(LocalDate.of(year, Month.MAY, 1).with(firstInMonth(MONDAY)), "Early May bank holiday");
        holidays.put(LocalDate.of(year, Month.MAY, 1).with(lastInMonth(MONDAY)), "Spring bank holiday");
        holidays.put(LocalDate.of(year, Month.AUGUST, 1).with(lastInMonth(MONDAY)), "Summer bank holiday");
        addChristmas(year, holidays);

        for (Map.Entry<LocalDate, LocalDate> move : MOVED.entrySet()) {
            String name = holidays.remove(move.getKey());
            if (name != null) {
                holidays.put(move.getValue(), name);
            }
        }
        for (Map.Entry<LocalDate, String> extra : EXTRA.entrySet()) {
            if (extra.getKey().getYear() == year) {
                holidays.put(extra.getKey(), extra.getValue());
            }
        }
        return Collections.unmodifiableSortedMap(holidays);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous, or Meeus/Jones/Butcher, computus). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /**
     * Christmas Day and Boxing Day; one that falls at a weekend is replaced by the next weekday
     * from 27 December that is not already a holiday.
     */
    private static void addChristmas(int year, Map<LocalDate, String> holidays) {
        LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
        LocalDate boxingDay = christmas.plusDays(1);
        if (!isWeekend(christmas)) {
            holidays.put(christmas, "Christmas Day");
        }
        if (!isWeekend(boxingDay)) {
            holidays.put(boxingDay, "Boxing Day");
        }
        LocalDate next = christmas.plusDays(2);
        if (isWeekend(christmas)) {
            next = nextFreeWeekday(next, holidays);
            holidays.put(next, "Christmas Day (substitute day)");
        }
        if (isWeekend(boxingDay)) {
            next = nextFreeWeekday(next, holidays);
            holidays.put(next, "Boxing Day (substitute day)");
        }
    }

    private static LocalDate nextFreeWeekday(LocalDate from, Map<LocalDate, String> holidays) {
        LocalDate date = from;
        while (isWeekend(date) || holidays.containsKey(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == SATURDAY || day == SUNDAY;
    }
}
