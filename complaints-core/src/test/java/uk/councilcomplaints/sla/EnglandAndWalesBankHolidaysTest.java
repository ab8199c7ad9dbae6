package uk.councilcomplaints.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EnglandAndWalesBankHolidaysTest {

    /** The gov.uk list of bank holidays in England and Wales, written out as published. */
    private static final String OFFICIAL = """
            2002-01-01 New Year's Day
            2002-03-29 Good Friday
            2002-04-01 Easter Monday
            2002-05-06 Early May bank holiday
            2002-06-03 Golden Jubilee bank holiday
            2002-06-04 Spring bank holiday
            2002-08-26 Summer bank holiday
            2002-12-25 Christmas Day
            2002-12-26 Boxing Day
            2011-01-03 New Year's Day (substitute day)
            2011-04-22 Good Friday
            2011-04-25 Easter Monday
            2011-04-29 Royal wedding
            2011-05-02 Early May bank holiday
            2011-05-30 Spring bank holiday
            2011-08-29 Summer bank holiday
            2011-12-26 Boxing Day
            2011-12-27 Christmas Day (substitute day)
            2012-01-02 New Year's Day (substitute day)
            2012-04-06 Good Friday
            2012-04-09 Easter Monday
            2012-05-07 Early May bank holiday
            2012-06-04 Spring bank holiday
            2012-06-05 Queen's Diamond Jubilee
            2012-08-27 Summer bank holiday
            2012-12-25 Christmas Day
            2012-12-26 Boxing Day
            2013-01-01 New Year's Day
            2013-03-29 Good Friday
            2013-04-01 Easter Monday
            2013-05-06 Early May bank holiday
            2013-05-27 Spring bank holiday
            2013-08-26 Summer bank holiday
            2013-12-25 Christmas Day
            2013-12-26 Boxing Day
            2014-01-01 New Year's Day
            2014-04-18 Good Friday
            2014-04-21 Easter Monday
            2014-05-05 Early May bank holiday
            2014-05-26 Spring bank holiday
            2014-08-25 Summer bank holiday
            2014-12-25 Christmas Day
            2014-12-26 Boxing Day
            2015-01-01 New Year's Day
            2015-04-03 Good Friday
            2015-04-06 Easter Monday
            2015-05-04 Early May bank holiday
            2015-05-25 Spring bank holiday
            2015-08-31 Summer bank holiday
            2015-12-25 Christmas Day
            2015-12-28 Boxing Day (substitute day)
            2016-01-01 New Year's Day
            2016-03-25 Good Friday
            2016-03-28 Easter Monday
            2016-05-02 Early May bank holiday
            2016-05-30 Spring bank holiday
            2016-08-29 Summer bank holiday
            2016-12-26 Boxing Day
            2016-12-27 Christmas Day (substitute day)
            2017-01-02 New Year's Day (substitute day)
            2017-04-14 Good Friday
            2017-04-17 Easter Monday
            2017-05-01 Early May bank holiday
            2017-05-29 Spring bank holiday
            2017-08-28 Summer bank holiday
            2017-12-25 Christmas Day
            2017-12-26 Boxing Day
            2018-01-01 New Year's Day
            2018-03-30 Good Friday
            2018-04-02 Easter Monday
            2018-05-07 Early May bank holiday
            2018-05-28 Spring bank holiday
            2018-08-27 Summer bank holiday
            2018-12-25 Christmas Day
            2018-12-26 Boxing Day
            2019-01-01 New Year's Day
            2019-04-19 Good Friday
            2019-04-22 Easter Monday
            2019-05-06 Early May bank holiday
            2019-05-27 Spring bank holiday
            2019-08-26 Summer bank holiday
            2019-12-25 Christmas Day
            2019-12-26 Boxing Day
            2020-01-01 New Year's Day
            2020-04-10 Good Friday
            2020-04-13 Easter Monday
            2020-05-08 Early May bank holiday (VE day)
            2020-05-25 Spring bank holiday
            2020-08-31 Summer bank holiday
            2020-12-25 Christmas Day
            2020-12-28 Boxing Day (substitute day)
            2021-01-01 New Year's Day
            2021-04-02 Good Friday
            2021-04-05 Easter Monday
            2021-05-03 Early May bank holiday
            2021-05-31 Spring bank holiday
            2021-08-30 Summer bank holiday
            2021-12-27 Christmas Day (substitute day)
            2021-12-28 Boxing Day (substitute day)
            2022-01-03 New Year's Day (substitute day)
            2022-04-15 Good Friday
            2022-04-18 Easter Monday
            2022-05-02 Early May bank holiday
            2022-06-02 Spring bank holiday
            2022-06-03 Platinum Jubilee bank holiday
            2022-08-29 Summer bank holiday
            2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II
            2022-12-26 Boxing Day
            2022-12-27 Christmas Day (substitute day)
            2023-01-02 New Year's Day (substitute day)
            2023-04-07 Good Friday
            2023-04-10 Easter Monday
            2023-05-01 Early May bank holiday
            2023-05-08 Bank holiday for the coronation of King Charles III
            2023-05-29 Spring bank holiday
            2023-08-28 Summer bank holiday
            2023-12-25 Christmas Day
            2023-12-26 Boxing Day
            2024-01-01 New Year's Day
            2024-03-29 Good Friday
            2024-04-01 Easter Monday
            2024-05-06 Early May bank holiday
            2024-05-27 Spring bank holiday
            2024-08-26 Summer bank holiday
            2024-12-25 Christmas Day
            2024-12-26 Boxing Day
            2025-01-01 New Year's Day
            2025-04-18 Good Friday
            2025-04-21 Easter Monday
            2025-05-05 Early May bank holiday
            2025-05-26 Spring bank holiday
            2025-08-25 Summer bank holiday
            2025-12-25 Christmas Day
            2025-12-26 Boxing Day
            2026-01-01 New Year's Day
            2026-04-03 Good Friday
            2026-04-06 Easter Monday
            2026-05-04 Early May bank holiday
            2026-05-25 Spring bank holiday
            2026-08-31 Summer bank holiday
            2026-12-25 Christmas Day
            2026-12-28 Boxing Day (substitute day)
            """;

    /** Easter Sunday 2000 to 2035, from published tables, to check the computus independently. */
    private static final String EASTER_SUNDAYS = """
            2000-04-23 2001-04-15 2002-03-31 2003-04-20 2004-04-11 2005-03-27
            2006-04-16 2007-04-08 2008-03-23 2009-04-12 2010-04-04 2011-04-24
            2012-04-08 2013-03-31 2014-04-20 2015-04-05 2016-03-27 2017-04-16
            2018-04-01 2019-04-21 2020-04-12 2021-04-04 2022-04-17 2023-04-09
            2024-03-31 2025-04-20 2026-04-05 2027-03-28 2028-04-16 2029-04-01
            2030-04-21 2031-04-13 2032-03-28 2033-04-17 2034-04-09 2035-03-25
            """;

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    private static Map<Integer, Set<LocalDate>> officialByYear() {
        return OFFICIAL.lines()
                .map(line -> LocalDate.parse(line.substring(0, 10)))
                .collect(Collectors.groupingBy(LocalDate::getYear, TreeMap::new,
                        Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void officialListCoversEveryYearFrom2012To2026() {
        Set<Integer> years = officialByYear().keySet();
        for (int year = 2012; year <= 2026; year++) {
            assertTrue(years.contains(year), "official list has " + year);
        }
    }

    @Test
    void holidayRulesGiveExactlyTheOfficialList() {
        officialByYear().forEach((year, expected) ->
                assertEquals(expected, EnglandAndWalesHolidays.inYear(year).keySet(), "bank holidays of " + year));
    }

    @Test
    void weekdaysThatAreNotWorkingDaysAreExactlyTheOfficialList() {
        officialByYear().forEach((year, expected) -> {
            Set<LocalDate> closedWeekdays = new TreeSet<>();
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (weekend) {
                    assertFalse(calendar.isWorkingDay(d), d + " is a weekend day");
                } else if (!calendar.isWorkingDay(d)) {
                    closedWeekdays.add(d);
                }
            }
            assertEquals(expected, closedWeekdays, "weekdays off in " + year);
        });
    }

    @Test
    void regularDatesMovedByProclamationAreWorkingDays() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2002, 5, 27)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2012, 5, 28)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2020, 5, 4)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2022, 5, 30)));
    }

    @Test
    void everyYearHasItsHolidaysOnWeekdays() {
        for (int year = calendar.firstYear(); year <= calendar.lastYear(); year++) {
            Map<LocalDate, String> holidays = EnglandAndWalesHolidays.inYear(year);
            assertTrue(holidays.size() >= 8, year + " has at least 8 bank holidays: " + holidays);
            holidays.keySet().forEach(d -> {
                assertFalse(EnglandAndWalesHolidays.isWeekend(d), d + " is a weekday");
                assertFalse(calendar.isWorkingDay(d), d + " is not a working day");
            });
        }
    }

    @Test
    void computusMatchesPublishedEasterDates() {
        for (String text : EASTER_SUNDAYS.split("\\s+")) {
            if (!text.isEmpty()) {
                LocalDate easter = LocalDate.parse(text);
                assertEquals(easter, EnglandAndWalesHolidays.easterSunday(easter.getYear()));
            }
        }
    }
}
