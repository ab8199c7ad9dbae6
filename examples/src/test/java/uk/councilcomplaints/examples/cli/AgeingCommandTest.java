package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.examples.briefing.BriefingNoteDataSet;
import uk.councilcomplaints.report.AgeingReport;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/** {@code complaints ageing} over the briefing note's data set: now from the clock rows, a past day by folding. */
class AgeingCommandTest {

    private static InMemoryComplaintStore store;
    /** Just after the data set's last recorded event: the clock rows hold the cases as they stand then. */
    private static Instant now;

    @BeforeAll
    static void load() {
        store = new InMemoryComplaintStore();
        BriefingNoteDataSet.loadInto(store);
        try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
            now = all.flatMap(h -> h.events().stream()).map(ComplaintEvent::recordedAt).max(Instant::compareTo)
                    .orElseThrow().plusSeconds(60);
        }
    }

    @Test
    void nowCountsEveryOpenCaseByAgeAsTheFoldOfTheHistoriesDoes() {
        Cli.Result run = Cli.run(new SettableClock(now), options -> OpenStore.of(store), "ageing", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = ReportCommandTest.lines(run.out());
        assertEquals("group,days_0_5,days_6_10,days_11_20,days_21_40,days_41_plus,total", lines.get(0));
        AgeingReport expected = Reports.over(store).ageing(LondonDays.dayOf(now), AgeingReport.By.SERVICE_AREA, 10,
                KnownAt.latest());
        assertTrue(expected.total().total() > 0);
        AgeingReport.Row total = expected.total();
        assertTrue(lines.contains("Total," + String.join(",", total.counts().stream().map(String::valueOf).toList())
                + "," + total.total()), run.out());
        assertTrue(lines.contains("reference,received,group,working_days"), "then the oldest cases: " + run.out());
        AgeingReport.Aged oldest = expected.oldest().get(0);
        assertTrue(run.out().contains(oldest.reference() + ","), run.out());
    }

    @Test
    void aPastDayIsCountedFromTheHistoriesByOfficer() {
        Cli.Result run = Cli.run(store, "ageing", "--as-of", "2021-12-31", "--by", "officer", "--oldest", "0");
        assertEquals(0, run.exitCode(), run.err());
        AgeingReport expected = Reports.over(store).ageing(LocalDate.of(2021, 12, 31), AgeingReport.By.OFFICER, 0,
                KnownAt.latest());
        assertTrue(run.out().startsWith("At the end of 2021-12-31: " + expected.total().total() + " open cases"),
                run.out());
        assertTrue(run.out().contains(AgeingReport.UNALLOCATED) || expected.rows().stream()
                .noneMatch(r -> r.label().equals(AgeingReport.UNALLOCATED)), run.out());
        assertTrue(!run.out().contains("oldest open cases"), "--oldest 0 lists none");
    }

    @Test
    void anUnknownGroupingIsRefusedNamingTheOption() {
        Cli.Result run = Cli.run(store, "ageing", "--by", "team");
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("--by") && run.err().contains("team"), run.err());
    }
}
