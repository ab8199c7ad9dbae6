package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.examples.briefing.BriefingNoteDataSet;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.sla.ClockState;
import uk.councilcomplaints.sla.SlaStatus;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Complaints;

/** {@code complaints sla}: the clocks breached or at risk, over the briefing note's data set. */
class SlaCommandTest {

    private static InMemoryComplaintStore store;

    @BeforeAll
    static void load() {
        store = new InMemoryComplaintStore();
        BriefingNoteDataSet.loadInto(store);
    }

    @Test
    void listsEveryBreachedOrAtRiskClockAsOfTheEndOfTheDay() {
        Cli.Result run = Cli.run(store, "sla", "--as-of", "2022-02-28", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = ReportCommandTest.lines(run.out());
        assertEquals("reference,type,clock,state,received,due,working_days_over,working_days_left,officer,status",
                lines.get(0));

        Instant endOf28February = LondonDays.endOf(LocalDate.of(2022, 2, 28)).minusNanos(1000);
        List<SlaStatus> expected = Complaints.builder(store).build().breachedOrAtRisk(endOf28February, KnownAt.latest());
        long clocks = expected.stream().flatMap(s -> s.clocks().stream())
                .filter(c -> c.state() == ClockState.BREACHED || c.state() == ClockState.AT_RISK).count();
        assertTrue(clocks > 0);
        assertEquals(clocks, lines.size() - 1, "one line per clock");

        // a children's stage 1 case from the backlog, with the service since February: 10 working days
        // from 7 September 2021 fell due on 21 September, 111 working days before 28 February 2022
        assertTrue(lines.contains("LEGACY-0109,Statutory Children Stage 1,response,breached,2021-09-07,2021-09-21,"
                + "111,0,r.khan,With service"), run.out());
        int firstAtRisk = indexOf(lines, ",at risk,");
        assertTrue(firstAtRisk < 0 || lines.subList(firstAtRisk, lines.size()).stream()
                .noneMatch(l -> l.contains(",breached,")), "breached first");
    }

    @Test
    void csvHasTheWorkingDaysAsNumbersAndTheStatusInWords() {
        Cli.Result run = Cli.run(store, "sla", "--as-of", "2022-02-28", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = ReportCommandTest.lines(run.out());
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Cli.cells(line);
            int over = Integer.parseInt(cells.get(6));
            int left = Integer.parseInt(cells.get(7));
            assertTrue(over >= 0 && left >= 0 && (over == 0 || left == 0), line);
            // breached: nothing left (a triage clock may be hours over, 0 working days); at risk: nothing over
            assertEquals(0, cells.get(3).equals("breached") ? left : over, line);
            assertTrue(cells.get(9).matches("[A-Z][a-z ]+"), "a status in words: " + line);
        }
    }

    @Test
    void withoutAsOfTheClocksAreTakenNowByTheInjectedClock() {
        SettableClock clock = new SettableClock(Instant.parse("2022-02-28T12:00:00Z"));
        Cli.Result run = Cli.run(clock, options -> OpenStore.of(store), "sla");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Now (2022-02-28 12:00): "), run.out());
        assertTrue(run.out().contains("LEGACY-0109 "), run.out());
    }

    @Test
    void beforeAnythingWasReceivedNothingIsListed() {
        Cli.Result run = Cli.run(store, "sla", "--as-of", "2021-08-01");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("At the end of 2021-08-01: 0 clocks breached, 0 at risk",
                ReportCommandTest.lines(run.out()).get(0));
        assertEquals(2, ReportCommandTest.lines(run.out()).size(), "the title and the heading only");
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
