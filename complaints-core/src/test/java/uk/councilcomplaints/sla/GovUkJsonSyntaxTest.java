package uk.councilcomplaints.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The official list of bank holidays is read as JSON however a writer lays it out (white space between any
 * two tokens, escapes in strings, numbers and literals anywhere), and a malformed one is refused naming what
 * is wrong and where (the offset).
 */
class GovUkJsonSyntaxTest {

    private static WorkingCalendar read(String json) {
        return WorkingCalendar.fromGovUkJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRefused(String json, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(json));
        assertEquals("bank holidays JSON: " + why, e.getMessage());
    }

    @Test
    void whiteSpaceBetweenAnyTwoTokensAndEscapesInStringsAreRead() {
        // 2024: a made-up proclamation on Wednesday 10 July, and the Christmas days
        String json = """
                {
                \t"england-and-wales" :\r
                  { "division" : "england-and-wales" ,
                    "events" : [
                      { "title" : "Say \\"bunting\\", \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9t\\u00C9" , "date" : "2024-07-10" ,
                        "bunting" : true , "weight" : -1.5e+3 , "notes" : null , "tags" : [ ] , "extra" : { } } ,
                      {"title":"Christmas Day","date":"2024-12-25","bunting":false,"n":[1 ,2 , 3 ]} ,
                      { "date" : "2024-12-26" }
                    ]
                  } ,
                  "scotland" : { "events" : [ ] }
                }
                """;
        WorkingCalendar calendar = read(json);
        assertFalse(calendar.isWorkingDay(LocalDate.of(2024, 7, 10)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2024, 12, 26)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2024, 5, 6)), "2024 as listed: no early May holiday");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2024, 7, 11)));
    }

    @Test
    void aDateMustBeAJsonString() {
        assertRefused("{\"england-and-wales\": {\"events\": [{\"date\": 2024-07-10}]}}",
                "england-and-wales.events[0].date must be a string");
        assertRefused("{\"england-and-wales\": {\"events\": [{\"date\": null}]}}",
                "england-and-wales.events[0].date must be a string");
    }

    @Test
    void malformedJsonIsRefusedNamingTheOffset() {
        assertRefused("{\"england-and-wales\": {}, 7: 1}", "expected a member name at offset 26");
        assertRefused("{\"england-and-wales\": ,}", "expected a value at offset 22");
        assertRefused("{\"england-and-wales\": 1{}}", "expected '}' at offset 23");
        assertRefused("{\"england-and-wales\": [1 2]}", "expected ']' at offset 25");
        assertRefused("{\"england-and-wales\": 1", "expected '}' at offset 23");
        assertRefused("", "unexpected end of the document at offset 0");
    }

    @Test
    void aStringCutShortIsRefusedSayingHow() {
        assertRefused("{\"england-and-wales\": \"abc", "unterminated string at offset 26");
        assertRefused("{\"england-and-wales\": \"abc\\", "unterminated string at offset 27");
        assertRefused("{\"england-and-wales\": \"\\u0041", "unterminated string at offset 29");
        assertRefused("{\"england-and-wales\": \"\\u004", "incomplete \\u escape at offset 25");
        assertRefused("{\"england-and-wales\": \"\\u00g1\"}", "invalid \\u escape at offset 25");
    }
}
