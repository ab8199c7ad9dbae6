package uk.councilcomplaints.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GovUkBankHolidaysTest {

    /**
     * The gov.uk format, with the 2022 and 2023 England and Wales dates as published, Scotland's and
     * Northern Ireland's own days (which must not count), and 2026 changed as a future proclamation might
     * change it: the spring bank holiday moved from 25 May to 1 June, and an extra day on 14 September.
     */
    private static final String JSON = """
            \uFEFF{"england-and-wales":{"division":"england-and-wales","events":[
              {"title":"New Year\\u2019s Day","date":"2022-01-03","notes":"Substitute day","bunting":true},
              {"title":"Good Friday","date":"2022-04-15","notes":"","bunting":false},
              {"title":"Easter Monday","date":"2022-04-18","notes":"","bunting":true},
              {"title":"Early May bank holiday","date":"2022-05-02","notes":"","bunting":true},
              {"title":"Spring bank holiday","date":"2022-06-02","notes":"","bunting":true},
              {"title":"Platinum Jubilee bank holiday","date":"2022-06-03","notes":"","bunting":true},
              {"title":"Summer bank holiday","date":"2022-08-29","notes":"","bunting":true},
              {"title":"Bank Holiday for the State Funeral of Queen Elizabeth II","date":"2022-09-19","notes":"","bunting":false},
              {"title":"Boxing Day","date":"2022-12-26","notes":"","bunting":true},
              {"title":"Christmas Day","date":"2022-12-27","notes":"Substitute day","bunting":true},
              {"title":"New Year’s Day","date":"2026-01-01","notes":"","bunting":true},
              {"title":"Good Friday","date":"2026-04-03","notes":"","bunting":false},
              {"title":"Easter Monday","date":"2026-04-06","notes":"","bunting":true},
              {"title":"Early May bank holiday","date":"2026-05-04","notes":"","bunting":true},
              {"title":"Spring bank holiday","date":"2026-06-01","notes":"Moved by proclamation","bunting":true},
              {"title":"Summer bank holiday","date":"2026-08-31","notes":"","bunting":true},
              {"title":"Extra bank holiday","date":"2026-09-14","notes":"By proclamation","bunting":true},
              {"title":"Christmas Day","date":"2026-12-25","notes":"","bunting":true},
              {"title":"Boxing Day","date":"2026-12-28","notes":"Substitute day","bunting":true}]},
             "scotland":{"division":"scotland","events":[
              {"title":"St Andrew\\u2019s Day","date":"2022-11-30","notes":"","bunting":true}]},
             "northern-ireland":{"division":"northern-ireland","events":[
              {"title":"St Patrick\\u2019s Day","date":"2022-03-17","notes":"","bunting":true}]}}
            """;

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    @Test
    void theOfficialListAddsAProclamationTheLibraryDoesNotKnow() {
        WorkingCalendar official = WorkingCalendar.fromGovUkJson(stream(JSON));
        WorkingCalendar computed = WorkingCalendar.englandAndWales();
        assertTrue(computed.isWorkingDay(date(2026, 9, 14)));
        assertFalse(official.isWorkingDay(date(2026, 9, 14)));
        assertEquals(date(2026, 9, 15), official.plusWorkingDays(date(2026, 9, 11), 1));
    }

    @Test
    void theOfficialListMovesAHolidayForTheYearsItCovers() {
        WorkingCalendar official = WorkingCalendar.fromGovUkJson(stream(JSON));
        assertTrue(official.isWorkingDay(date(2026, 5, 25)), "the regular spring holiday, moved away");
        assertFalse(official.isWorkingDay(date(2026, 6, 1)));
        assertFalse(WorkingCalendar.englandAndWales().isWorkingDay(date(2026, 5, 25)));
    }

    @Test
    void otherDivisionsAndYearsTheListDoesNotCoverAreUnchanged() {
        WorkingCalendar official = WorkingCalendar.fromGovUkJson(stream(JSON));
        WorkingCalendar computed = WorkingCalendar.englandAndWales();
        assertTrue(official.isWorkingDay(date(2022, 11, 30)), "St Andrew's Day is Scotland's");
        assertTrue(official.isWorkingDay(date(2022, 3, 17)), "St Patrick's Day is Northern Ireland's");
        for (LocalDate d = date(2022, 1, 1); d.getYear() == 2022; d = d.plusDays(1)) {
            assertEquals(computed.isWorkingDay(d), official.isWorkingDay(d), "2022 as published: " + d);
        }
        assertFalse(official.isWorkingDay(date(2023, 5, 8)), "2023 is not in the list: the computed days stay");
        assertFalse(official.isWorkingDay(date(2027, 3, 26)), "Good Friday 2027, computed");
    }

    @Test
    void closureDaysAndTheOfficialListCombine() {
        WorkingCalendar council = WorkingCalendar.builder().addClosureDay(date(2026, 12, 29))
                .addGovUkBankHolidays(stream(JSON)).build();
        assertEquals(date(2026, 12, 30), council.plusWorkingDays(date(2026, 12, 24), 1));
    }

    @Test
    void malformedDocumentsAreRejectedSayingWhatIsWrong() {
        assertInvalid("{\"england-and-wales\": {\"events\": [", "unexpected end");
        assertInvalid("[1, 2]", "object of divisions");
        assertInvalid("{\"scotland\": {\"events\": []}}", "no \"england-and-wales\" division");
        assertInvalid("{\"england-and-wales\": {\"events\": {}}}", "england-and-wales.events must be an array");
        assertInvalid("{\"england-and-wales\": {\"events\": []}}", "england-and-wales.events is empty");
        assertInvalid("{\"england-and-wales\": {\"events\": [{\"date\": \"2022-01-03\"}, {\"title\": \"x\"}]}}",
                "england-and-wales.events[1].date must be a string");
        assertInvalid("{\"england-and-wales\": {\"events\": [{\"date\": \"2022-13-01\"}]}}",
                "england-and-wales.events[0].date \"2022-13-01\" is not a date");
        assertInvalid("{\"england-and-wales\": {\"events\": [{\"date\": \"2022-01-03\"}]}} x", "after the document");
        assertInvalid("{\"england-and-wales\" {}}", "expected ':'");
    }

    @Test
    void datesOutsideTheSupportedYearsAreRejectedAndNothingIsAdded() {
        WorkingCalendar.Builder builder = WorkingCalendar.builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.addGovUkBankHolidays(
                stream("{\"england-and-wales\": {\"events\": [{\"date\": \"2024-07-01\"}, {\"date\": \"2200-01-01\"}]}}")));
        assertTrue(e.getMessage().contains("2200-01-01") && e.getMessage().contains("1990-01-01..2199-12-31"),
                e.getMessage());
        assertTrue(builder.build().isWorkingDay(date(2024, 7, 1)), "nothing from a rejected list is added");
    }

    private static void assertInvalid(String json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkingCalendar.fromGovUkJson(stream(json)));
        assertTrue(e.getMessage().startsWith("bank holidays JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
