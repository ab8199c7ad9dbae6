package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/** {@code report monthly-trend}, {@code sla-by-officer}, {@code sla-by-service} and {@code report ageing}: cells by hand. */
class NewReportsTest {

    private static InMemoryComplaintStore store;

    @BeforeAll
    static void load() {
        store = SmallCouncil.store();
    }

    private static Cli.Result run(String... args) {
        Cli.Result run = Cli.run(new SettableClock(SmallCouncil.NOW), options -> OpenStore.of(store), args);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    @Test
    void monthlyTrendReceivedClosedRespondedAndOnTimePerMonth() {
        Cli.Result csv = run("report", "monthly-trend", "--from", "2022-01-01", "--to", "2022-02-28", "--format",
                "csv");
        assertEquals(List.of("month,received,closed,responded,responded_on_time,on_time_percent",
                // January: A, B, C received; A responded on time (and so closed)
                "2022-01,3,1,1,1,100.0",
                // February: D, E received; B (late), D (service request) and E's stage 1 closed; B and E responded
                "2022-02,2,3,2,1,50.0",
                "Total,5,4,3,2,66.7"), ReportCommandTest.lines(csv.out()));
    }

    @Test
    void monthlyTrendByProcedureHasALinePerMonthAndProcedureWithAnything() {
        Cli.Result csv = run("report", "monthly-trend", "--from", "2022-01-01", "--to", "2022-02-28", "--by",
                "procedure", "--format", "csv");
        assertEquals(List.of("month,group,received,closed,responded,responded_on_time,on_time_percent",
                "2022-01,Statutory Adults,1,0,0,0,",
                "2022-01,Statutory Children,2,1,1,1,100.0",
                // procedures in their usual order, as in every other report
                "2022-02,Statutory Children,1,2,2,1,50.0",
                "2022-02,Corporate,1,1,0,0,",
                "Total,,5,4,3,2,66.7"), ReportCommandTest.lines(csv.out()));
        Cli.Result text = run("report", "monthly-trend", "--from", "2022-01-01", "--to", "2022-02-28", "--by",
                "procedure");
        assertTrue(text.out().startsWith("Month by month, 2022-01-01 to 2022-02-28, by procedure\n"
                + "Month    Procedure"), text.out());
    }

    @Test
    void monthlyTrendCountsOnlyThePeriod() {
        Cli.Result csv = run("report", "monthly-trend", "--from", "2022-01-15", "--to", "2022-01-31", "--format",
                "csv");
        // only C received after the 15th; A responded on the 17th
        assertEquals("2022-01,1,1,1,1,100.0", ReportCommandTest.lines(csv.out()).get(1));
    }

    @Test
    void slaByOfficerCountsEachStageForTheOfficerWhoResponded() {
        Cli.Result csv = run("report", "sla-by-officer", "--from", "2022-01-01", "--to", "2022-02-28", "--as-of",
                "2022-02-28", "--format", "csv");
        assertEquals(List.of("group,started,met_on_time,late,open_overdue,median_working_days",
                // A on time (5 days), C overdue since 17 February
                "ann,2,1,0,1,5.0",
                // B late (14 days), E's stage 1 on time (5 days)
                "bob,2,1,1,0,9.5",
                // E's stage 2, not yet due
                "cat,1,0,0,0,",
                "Total,5,2,1,1,5.0"), ReportCommandTest.lines(csv.out()));
    }

    @Test
    void slaByServiceArea() {
        Cli.Result csv = run("report", "sla-by-service", "--from", "2022-01-01", "--to", "2022-02-28", "--as-of",
                "2022-02-28", "--format", "csv");
        assertEquals(List.of("group,started,met_on_time,late,open_overdue,median_working_days",
                "Adults,1,0,0,1,",
                "Children's,4,2,1,0,5.0",
                "Total,5,2,1,1,5.0"), ReportCommandTest.lines(csv.out()));
    }

    @Test
    void beforeTheAdultsResponseFellDueItIsNotOverdue() {
        Cli.Result csv = run("report", "sla-by-service", "--from", "2022-01-01", "--to", "2022-01-31", "--as-of",
                "2022-02-16", "--format", "csv");
        assertEquals("Adults,1,0,0,0,", ReportCommandTest.lines(csv.out()).get(1));
    }

    @Test
    void knownAtLeavesOutWhatWasRecordedLater() {
        Cli.Result trend = run("report", "monthly-trend", "--from", "2022-01-01", "--to", "2022-02-28", "--known-at",
                "2022-01-31T23:00", "--format", "csv");
        // as the records stood at the end of January: nothing of February's yet
        assertEquals(List.of("2022-01,3,1,1,1,100.0", "2022-02,0,0,0,0,", "Total,3,1,1,1,100.0"),
                ReportCommandTest.lines(trend.out()).subList(1, 4));
        Cli.Result officers = run("report", "sla-by-officer", "--from", "2022-01-01", "--to", "2022-02-28",
                "--as-of", "2022-02-28", "--known-at", "2022-01-31T23:00", "--format", "csv");
        // B's response (1 February) not yet recorded: overdue since 26 January; no D, no E
        assertEquals(List.of("ann,2,1,0,1,5.0", "bob,1,0,0,1,", "Total,3,1,0,2,5.0"),
                ReportCommandTest.lines(officers.out()).subList(1, 4));
    }

    @Test
    void ageingIsAReportToo() {
        Cli.Result csv = run("report", "ageing", "--as-of", "2022-02-28", "--format", "csv");
        List<String> lines = ReportCommandTest.lines(csv.out());
        assertEquals("group,days_0_5,days_6_10,days_11_20,days_21_40,days_41_plus,total", lines.get(0));
        // C: 27 working days from 20 January; E: 10 from 14 February
        assertEquals(List.of("Adults,0,0,0,1,0,1", "Children's,0,1,0,0,0,1", "Total,0,1,0,1,0,2"),
                lines.subList(1, 4));
        assertEquals(Cli.run(new SettableClock(SmallCouncil.NOW), options -> OpenStore.of(store), "ageing",
                "--as-of", "2022-02-28", "--format", "csv").out(), csv.out(), "the same as complaints ageing");
    }

    @Test
    void anUnknownGroupingIsRefused() {
        Cli.Result run = Cli.run(new SettableClock(SmallCouncil.NOW), options -> OpenStore.of(store), "report",
                "monthly-trend", "--from", "2022-01-01", "--to", "2022-02-28", "--by", "officer");
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("--by: 'officer' is not procedure or service"), run.err());
    }
}
