package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/** {@code complaints show REF} and {@code complaints find} over the five cases of {@link SmallCouncil}. */
class ShowFindCommandTest {

    private static InMemoryComplaintStore store;

    @BeforeAll
    static void load() {
        store = SmallCouncil.store();
    }

    private static Cli.Result run(String... args) {
        return Cli.run(new SettableClock(SmallCouncil.NOW), options -> OpenStore.of(store), args);
    }

    private static Cli.Result ok(String... args) {
        Cli.Result run = run(args);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    @Test
    void showPrintsTheFactsTheClocksAndTheHistoryWithBothTimes() {
        Cli.Result text = ok("show", "B-1");
        List<String> lines = ReportCommandTest.lines(text.out());
        assertEquals("Case B-1", lines.get(0));
        assertTrue(lines.contains("status                  Responded"), text.out());
        assertTrue(lines.contains("officer                 bob"), text.out());
        // the response: due 26 January, met on 1 February, 4 working days late
        assertTrue(lines.stream().anyMatch(l -> l.matches("Response +Stage 1 +Met late +2022-01-12 10:00 +2022-01-26"
                + " +0 +4 +2022-02-01 10:00")), text.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("5 +Responded +Responded +2022-02-01 10:00 +2022-02-01 10:00"
                + " +bob")), text.out());
        assertFalse(text.out().contains("Bo Baker"), "no personal data unless asked");
    }

    @Test
    void showInCsvHasOneTablePerPartAndTheReasonOfEachEvent() {
        Cli.Result csv = ok("show", "D-1", "--format", "csv");
        List<String> lines = ReportCommandTest.lines(csv.out());
        assertEquals("field,value", lines.get(0));
        assertTrue(lines.contains("status,Service request"), csv.out());
        assertTrue(lines.contains("version,event,status,occurred,recorded,by,why"), csv.out());
        assertTrue(lines.contains("2,Reclassified,Service request,2022-02-07 12:00,2022-02-07 12:00,triage,"
                + "a missed bin: a service request"), csv.out());
    }

    @Test
    void personalDataOnlyWithTheOption() {
        Cli.Result md = ok("show", "C-1", "--personal-data", "--format", "md");
        assertTrue(md.out().contains("**Personal data**"), md.out());
        assertTrue(md.out().contains("| name | Cam Cole |"), md.out());
        assertTrue(md.out().contains("| email | cam.cole@example.org |"), md.out());
        // the adults response fell due on 17 February: 8 working days over on 1 March
        assertTrue(md.out().contains("| Response | Stage 1 | Breached | 2022-01-20 10:00 | 2022-02-17 | 0 | 8 |  |"),
                md.out());
    }

    @Test
    void anUnknownReferenceIsAOneLineError() {
        Cli.Result run = run("show", "Z-404");
        assertEquals(1, run.exitCode());
        assertEquals("complaints show: no case has the reference 'Z-404'", run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void findFiltersByStatusProcedureServiceOfficerAndDays() {
        assertEquals(List.of("A-1", "B-1"), references(ok("find", "--status", "responded", "--format", "csv")));
        assertEquals(List.of("C-1"), references(ok("find", "--procedure", "adult_social_care", "--format", "csv")));
        assertEquals(List.of("A-1", "B-1", "E-1"), references(ok("find", "--service", "childrens", "--format",
                "csv")));
        assertEquals(List.of("A-1", "C-1"), references(ok("find", "--officer", "ann", "--format", "csv")));
        assertEquals(List.of("D-1", "E-1"), references(ok("find", "--received-from", "2022-02-01", "--format",
                "csv")));
        assertEquals(List.of("A-1", "B-1"), references(ok("find", "--received-to", "12/01/2022", "--format",
                "csv")));
        assertEquals(List.of("E-1"), references(ok("find", "--status", "acknowledged,allocated", "--service",
                "childrens", "--format", "csv")));
    }

    @Test
    void overdueKeepsTheCasesWithAClockBreachedNow() {
        // on 1 March only C's response (due 17 February) is past due
        assertEquals(List.of("C-1"), references(ok("find", "--overdue", "--format", "csv")));
    }

    @Test
    void pagesFollowEachOtherWithTheAfterToken() {
        Cli.Result first = ok("find", "--limit", "2");
        List<String> lines = ReportCommandTest.lines(first.out());
        assertEquals("2 cases", lines.get(0));
        assertTrue(lines.get(1).startsWith("Reference  Received    Type"), first.out());
        String more = lines.get(lines.size() - 1);
        assertTrue(more.startsWith("More: --after "), first.out());
        String token = more.substring("More: --after ".length());

        Cli.Result second = ok("find", "--limit", "2", "--after", token, "--format", "csv");
        assertEquals(List.of("C-1", "D-1"), references(second));
        assertTrue(second.err().startsWith("More: --after "), "csv keeps the token off the table: " + second.err());
        String token2 = second.err().strip().substring("More: --after ".length());
        Cli.Result last = ok("find", "--limit", "2", "--after", token2, "--format", "csv");
        assertEquals(List.of("E-1"), references(last));
        assertEquals("", last.err(), "no page after the last");
    }

    @Test
    void badPagingIsRefused() {
        assertNotEquals(0, run("find", "--limit", "0").exitCode());
        Cli.Result token = run("find", "--after", "not-a-token");
        assertEquals(1, token.exitCode());
        assertTrue(token.err().contains("--after: not a page token"), token.err());
    }

    /** The references of a {@code find --format csv}. */
    private static List<String> references(Cli.Result csv) {
        List<String> lines = ReportCommandTest.lines(csv.out());
        assertEquals("reference,received,type,service_area,status,officer,last_event", lines.get(0));
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isEmpty()).map(l -> l.split(",")[0]).toList();
    }
}
