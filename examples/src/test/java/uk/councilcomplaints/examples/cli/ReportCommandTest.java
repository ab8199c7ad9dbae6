package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.examples.briefing.BriefingNoteDataSet;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/** {@code complaints report ...} over the briefing note's data set. */
class ReportCommandTest {

    private static final String HEADER =
            "group,total,unallocated,with_complaints_team,with_service,complete,closed_other";
    private static InMemoryComplaintStore store;

    @BeforeAll
    static void load() {
        store = new InMemoryComplaintStore();
        BriefingNoteDataSet.loadInto(store);
    }

    @Test
    void theNotes14JanuaryTableFromOptions() {
        Cli.Result run = Cli.run(store, "report", "by-service", "--cohort-open-on", "2021-12-01", "--as-of",
                "2022-01-14", "--open-only", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(HEADER,
                "Adults,3,0,0,3,0,0",
                "Children's,20,0,20,0,0,0",
                "Corporate,3,0,3,0,0,0",
                "Other,0,0,0,0,0,0",
                "Total,26,0,23,3,0,0"), lines(run.out()));
    }

    @Test
    void theNotesByTypeTableFromARangeOfDaysInUkDates() {
        Cli.Result run = Cli.run(store, "report", "by-type", "--from", "30/11/2021", "--to", "28/02/2022", "--as-of",
                "28/02/2022", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(HEADER,
                "Statutory Adults,85,0,1,25,50,9",
                "Statutory Children Stage 1,79,0,2,39,26,12",
                "Corporate Stage 1,99,0,1,29,46,23",
                "Service requests / not a council complaint,116,0,0,0,0,116",
                "Total,379,0,4,93,122,160"), lines(run.out()));
    }

    @Test
    void knownAtPrintsTheTableAsTheRecordsStoodThen() {
        String[] december = {"report", "by-service", "--cohort-open-on", "2021-12-01", "--as-of", "2021-11-30",
            "--format", "csv"};
        Cli.Result then = Cli.run(store, with(december, "--known-at", "2021-12-01T12:00"));
        Cli.Result beforeCleansing = Cli.run(store, with(december, "--known-at", "2021-12-08T09:59:59Z"));
        Cli.Result now = Cli.run(store, with(december, "--cohort-known-at", "2021-12-01T12:00:00Z"));
        assertEquals("Total,282,114,168,0,0,0", last(then.out()), then.err());
        assertEquals(then.out(), beforeCleansing.out(), "nothing changed until the cleansing was recorded");
        assertEquals("Total,282,73,168,0,41,0", last(now.out()), now.err());
    }

    @Test
    void withoutAPopulationEveryCaseReceivedByTheDayCounts() {
        Cli.Result run = Cli.run(store, "report", "by-type", "--as-of", "2022-02-28", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Total," + (282 + 379) + ",", last(run.out()).substring(0, 10));
    }

    @Test
    void asOfDefaultsToTodayByTheInjectedClock() {
        SettableClock clock = new SettableClock(Instant.parse("2022-01-14T15:00:00Z"));
        String[] args = {"report", "by-service", "--cohort-open-on", "2021-12-01", "--open-only", "--format", "csv"};
        Cli.Result implicit = Cli.run(clock, options -> OpenStore.of(store), args);
        assertEquals(0, implicit.exitCode(), implicit.err());
        assertEquals("Total,26,0,23,3,0,0", last(implicit.out()));
        clock.set(Instant.parse("2022-03-02T15:00:00Z"));
        assertEquals("Total,10,0,0,10,0,0",
                last(Cli.run(clock, options -> OpenStore.of(store), args).out()));
    }

    @Test
    void textAndMarkdownHaveATitleSayingWhatWasCounted() {
        Cli.Result text = Cli.run(store, "report", "by-service", "--cohort-open-on", "2021-12-01", "--as-of",
                "2022-03-02", "--open-only");
        assertTrue(text.out().startsWith("Open at the start of 2021-12-01, still open, by service, as of 2022-03-02\n"
                + "Service     Total"), text.out());
        Cli.Result md = Cli.run(store, "report", "by-type", "--as-of", "2022-03-02", "--format", "md");
        assertTrue(md.out().startsWith("**All contacts, by type, as of 2022-03-02**\n\n| Type | Total |"), md.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "burn-down --cohort-open-on 2021-12-01 --cohort-known-at 2021-12-01T12:00 "
                + "--days 2021-11-30,2022-01-14,2022-03-02;"
                + "as_of,total,unallocated,with_complaints_team,with_service,complete,closed_other;2022-03-02,282,",
        "workload --as-of 2022-02-28;" + HEADER + ";Total,",
        "sla-performance --from 2021-11-30 --to 2022-02-28 --as-of 2022-02-28;"
                + "group,started,acknowledged_on_time,acknowledged_late,done,done_on_time,done_late,open_overdue,"
                + "extended,median_working_days;Statutory Adults,",
        "statutory-annual --year-ending 2022-03-31;figure,count;adults_received,",
        "non-complaints --from 2021-11-30 --to 2022-02-28 --as-of 2022-02-28;"
                + "from,to,as_of,contacts,service_requests,not_council_complaints,non_complaints,share_percent;"
                + "2021-11-30,2022-02-28,2022-02-28,379,70,46,116,30.6"})
    void everyReportInEveryFormat(String command, String csvHeader, String csvLineStart) {
        String[] args = with(new String[] {"report"}, command.split(" "));
        Cli.Result csv = Cli.run(store, with(args, "--format", "csv"));
        assertEquals(0, csv.exitCode(), csv.err());
        List<String> lines = lines(csv.out());
        assertEquals(csvHeader, lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(csvLineStart)), csv.out());

        Cli.Result text = Cli.run(store, args);
        Cli.Result md = Cli.run(store, with(args, "--format", "md"));
        assertEquals(0, text.exitCode(), text.err());
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(lines(text.out()).size() >= 3, text.out());
        assertTrue(md.out().startsWith("**") && md.out().contains("|---:|"), md.out());
    }

    @Test
    void withBriefingDataLoadsTheNotesDataSetIntoAMemoryRun() {
        Cli.Result empty = Cli.run("report", "by-type", "--store", "memory", "--as-of", "2022-02-28", "--format",
                "csv");
        assertEquals(List.of(HEADER, "Total,0,0,0,0,0,0"), lines(empty.out()));
        Cli.Result loaded = Cli.run("report", "non-complaints", "--store", "memory", "--with-briefing-data", "--from",
                "2021-11-30", "--to", "2022-02-28", "--as-of", "2022-02-28", "--format", "csv");
        assertEquals(0, loaded.exitCode(), loaded.err());
        assertTrue(loaded.out().contains(",379,70,46,116,30.6"), loaded.out());
    }

    @Test
    void knownAtBeforeTheFirstRecordedEventSaysWhenTheEventsWereRecorded() {
        Cli.Result before = Cli.run(store, "report", "by-type", "--as-of", "2022-02-28", "--known-at",
                "2020-01-01T00:00:00Z", "--format", "csv");
        assertEquals(0, before.exitCode(), before.err());
        assertEquals("Total,0,0,0,0,0,0", last(before.out()));
        assertTrue(before.err().startsWith("Note: --known-at 2020-01-01T00:00:00Z is before the first event was "
                + "recorded (" + firstRecorded() + "; the last was recorded "), before.err());
        assertTrue(before.err().contains("rows imported from a spreadsheet were recorded when they were imported"),
                before.err());
        assertEquals(1, before.err().strip().lines().count(), before.err());

        Cli.Result after = Cli.run(store, "report", "by-type", "--as-of", "2022-02-28", "--known-at",
                firstRecorded().toString(), "--format", "csv");
        assertEquals("", after.err());
    }

    private static Instant firstRecorded() {
        return store.histories(uk.councilcomplaints.store.HistoryFilter.all())
                .map(h -> h.events().get(0).recordedAt()).min(Instant::compareTo).orElseThrow();
    }

    @Test
    void aTitleSaysAsKnownAtOnce() {
        Cli.Result run = Cli.run(store, "report", "by-service", "--cohort-open-on", "2021-12-01", "--as-of",
                "2021-11-30", "--known-at", "2021-12-01T12:00:00Z");
        assertEquals("Open at the start of 2021-12-01, by service, as of 2021-11-30, as known at 2021-12-01T12:00:00Z",
                lines(run.out()).get(0));
        Cli.Result cohort = Cli.run(store, "report", "by-service", "--cohort-open-on", "2021-12-01",
                "--cohort-known-at", "2021-12-01T12:00:00Z", "--as-of", "2022-01-14", "--known-at",
                "2022-01-20T12:00:00Z");
        assertEquals("Open at the start of 2021-12-01, as known at 2021-12-01T12:00:00Z, by service, as of 2022-01-14, "
                + "as known at 2022-01-20T12:00:00Z", lines(cohort.out()).get(0), "two different instants");
    }

    @Test
    void theBurnDownsTitleSaysWhatItFollows() {
        Cli.Result run = Cli.run(store, "report", "burn-down", "--cohort-open-on", "2021-12-01", "--days",
                "2021-11-30,2022-01-14,2022-03-02");
        assertEquals("Burn-down: the cases open at the start of 2021-12-01, where they stood at the end of 2021-11-30, "
                + "2022-01-14, 2022-03-02", lines(run.out()).get(0));
        Cli.Result known = Cli.run(store, "report", "burn-down", "--cohort-open-on", "2021-12-01", "--days",
                "2021-11-30,2022-01-14", "--known-at", "2022-01-20T12:00:00Z");
        assertEquals("Burn-down: the cases open at the start of 2021-12-01, where they stood at the end of 2021-11-30, "
                + "2022-01-14, as known at 2022-01-20T12:00:00Z", lines(known.out()).get(0));
    }

    @Test
    void aShareOfNoContactsIsNotApplicableNotZero() {
        String[] none = {"report", "non-complaints", "--from", "2019-01-01", "--to", "2019-01-31", "--as-of",
            "2019-02-28"};
        assertEquals("2019-01-01,2019-01-31,2019-02-28,0,0,0,0,n/a", last(Cli.run(store, with(none, "--format",
                "csv")).out()));
        List<String> text = lines(Cli.run(store, none).out());
        assertTrue(text.get(2).endsWith("  n/a") && text.get(1).length() == text.get(2).length(), text.toString());
        assertTrue(Cli.run(store, with(none, "--format", "md")).out().contains("| 0 | n/a |"));
        assertTrue(last(Cli.run(store, "report", "non-complaints", "--from", "2021-11-30", "--to", "2022-02-28",
                "--as-of", "2022-02-28", "--format", "csv").out()).endsWith(",116,30.6"), "a share of some contacts");
    }

    @Test
    void aReportOnTheMemoryStoreSaysItStartedEmpty() {
        Cli.Result empty = Cli.run("report", "by-type", "--store", "memory", "--as-of", "2022-02-28");
        assertEquals(0, empty.exitCode(), empty.err());
        assertEquals("Note: --store memory starts empty on every run and keeps nothing from an earlier one; add "
                + "--with-briefing-data for the briefing note's data set, or use a database (--db).",
                empty.err().strip());
        Cli.Result loaded = Cli.run("report", "by-type", "--store", "memory", "--with-briefing-data", "--as-of",
                "2022-02-28");
        assertTrue(!loaded.err().contains("starts empty"), loaded.err());
    }

    @Test
    void statutoryYearDefaultsToTheLatest31March() {
        assertEquals(LocalDate.of(2022, 3, 31),
                ReportCommand.StatutoryAnnual.latestYearEnd(LocalDate.of(2022, 3, 31)));
        assertEquals(LocalDate.of(2021, 3, 31),
                ReportCommand.StatutoryAnnual.latestYearEnd(LocalDate.of(2022, 3, 30)));
        assertEquals(LocalDate.of(2022, 3, 31),
                ReportCommand.StatutoryAnnual.latestYearEnd(LocalDate.of(2022, 4, 1)));
    }

    static List<String> lines(String out) {
        return Arrays.asList(out.split("\r?\n"));
    }

    private static String last(String out) {
        List<String> lines = lines(out);
        return lines.get(lines.size() - 1);
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }
}
