package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.examples.briefing.BriefingNoteDataSet;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.protection.RetentionPolicy;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Complaints;

/** {@code complaints retention}: anonymises what expired, per procedure, once; over the briefing note's data set. */
class RetentionCommandTest {

    @TempDir
    Path dir;

    private static final LocalDate DAY = LocalDate.of(2022, 3, 31);
    private static final String[] SHORT = {"--period", "corporate=P1M", "--period", "adult_social_care=P60D",
        "--period", "CHILDRENS_SOCIAL_CARE=P1Y"};

    /** The complaints of the data set whose personal data expired on {@link #DAY} under the short periods. */
    private static List<Complaint> expected(InMemoryComplaintStore store) {
        RetentionPolicy policy = RetentionPolicy.defaults().with(Procedure.CORPORATE, java.time.Period.ofMonths(1))
                .with(Procedure.ADULT_SOCIAL_CARE, java.time.Period.ofDays(60))
                .with(Procedure.CHILDRENS_SOCIAL_CARE, java.time.Period.ofYears(1));
        return Complaints.builder(store).retentionPolicy(policy).build().dataProtection().expired(DAY);
    }

    private static String[] args(String... first) {
        String[] all = new String[first.length + SHORT.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(SHORT, 0, all, first.length, SHORT.length);
        return all;
    }

    private static long count(List<Complaint> complaints, Procedure p) {
        return complaints.stream().filter(c -> c.procedure() == p).count();
    }

    @Test
    void anonymisesWhatExpiredPerProcedureOnceAndADryRunChangesNothing() {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        BriefingNoteDataSet.loadInto(store);
        List<Complaint> expected = expected(store);
        assertTrue(count(expected, Procedure.CORPORATE) > 0 && count(expected, Procedure.ADULT_SOCIAL_CARE) > 0,
                "the short periods expire some of each");

        Cli.Result dry = Cli.run(store, args("retention", "--as-of", "31/03/2022", "--dry-run"));
        assertEquals(0, dry.exitCode(), dry.err());
        List<String> lines = ReportCommandTest.lines(dry.out());
        assertEquals("Would anonymise " + expected.size() + " complaints whose retention period ended by 2022-03-31",
                lines.get(0));
        assertEquals(String.format("  %-20s %6d  (kept P60D after closure)", "Statutory Adults",
                count(expected, Procedure.ADULT_SOCIAL_CARE)), lines.get(1));
        assertEquals(String.format("  %-20s %6d  (kept P1Y after closure)", "Statutory Children",
                count(expected, Procedure.CHILDRENS_SOCIAL_CARE)), lines.get(2));
        assertEquals(String.format("  %-20s %6d  (kept P1M after closure)", "Corporate",
                count(expected, Procedure.CORPORATE)), lines.get(3));
        assertEquals(expected, expected(store), "a dry run changes nothing");

        Cli.Result run = Cli.run(store, args("retention", "--as-of", "2022-03-31"));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Anonymised " + expected.size() + " complaints whose retention period ended by 2022-03-31",
                ReportCommandTest.lines(run.out()).get(0));
        for (Complaint c : expected) {
            assertTrue(store.personalData(c.id()).isEmpty());
            List<uk.councilcomplaints.event.ComplaintEvent> history = store.history(c.id());
            assertEquals("complaints retention", history.get(history.size() - 1).actor());
        }
        assertEquals(List.of(), expected(store));
        Cli.Result again = Cli.run(store, args("retention", "--as-of", "2022-03-31"));
        assertTrue(again.out().startsWith("Anonymised 0 complaints"), again.out());
    }

    @Test
    void byDefaultSixYearsAfterClosureAndTodayNothingInTheDataSetHasExpired() {
        Cli.Result run = Cli.run("retention", "--store", "memory", "--with-briefing-data");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("Anonymised 0 complaints whose retention period ended by 2022-04-01",
                "  Statutory Adults          0  (kept P6Y after closure)",
                "  Statutory Children        0  (kept P6Y after closure)",
                "  Corporate                 0  (kept P6Y after closure)"), ReportCommandTest.lines(run.out()));
    }

    @Test
    void onAnH2DatabaseAsInMemory() {
        String db = "jdbc:h2:file:" + dir.resolve("complaints").toAbsolutePath();
        SettableClock clock = new SettableClock(Cli.APRIL_2022);
        Cli.Result dry = Cli.run(clock, StoreFactory.standard(), args("retention", "--db", db,
                "--with-briefing-data", "--as-of", "2022-03-31", "--dry-run"));
        assertEquals(0, dry.exitCode(), dry.err());
        Cli.Result memory = Cli.run(args("retention", "--store", "memory", "--with-briefing-data", "--as-of",
                "2022-03-31", "--dry-run"));
        assertEquals(memory.out(), dry.out());
        Cli.Result run = Cli.run(clock, StoreFactory.standard(),
                args("retention", "--db", db, "--as-of", "2022-03-31"));
        assertEquals(memory.out().replace("Would anonymise", "Anonymised"), run.out());
        Cli.Result again = Cli.run(clock, StoreFactory.standard(),
                args("retention", "--db", db, "--as-of", "2022-03-31"));
        assertTrue(again.out().startsWith("Anonymised 0 complaints"), again.out());
    }

    @Test
    void badInputIsOneLineAndChangesNothing() {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        BriefingNoteDataSet.loadInto(store);
        for (String[] bad : List.of(new String[] {"retention", "--as-of", "2022-04-02"},
                new String[] {"retention", "--period", "corporate=P0D"},
                new String[] {"retention", "--period", "corporate=six years"},
                new String[] {"retention", "--period", "parking=P1Y"},
                new String[] {"retention", "--as-of", "2022-02-30"},
                new String[] {"retention", "--actor", " ", "--period", "corporate=P1D"})) {
            Cli.Result run = Cli.run(store, bad);
            assertTrue(run.exitCode() == 1 || run.exitCode() == 2, String.join(" ", bad) + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertEquals("", run.out(), String.join(" ", bad));
        }
        assertEquals(2, Cli.run(store, "retention", "--as-of", "2022-04-02").exitCode());
        assertTrue(Cli.run(store, "retention", "--as-of", "2022-04-02").err()
                .contains("'--as-of': 2022-04-02 is after today (2022-04-01)"));
        assertTrue(Cli.run(store, "retention", "--period", "corporate=P0D").err()
                .contains("retention period of CORPORATE must be positive, was P0D"));
        assertTrue(Cli.run(store, "retention", "--actor", " ", "--period", "corporate=P1D").err()
                .contains("actor"));
        assertTrue(store.histories(HistoryFilter.all()).noneMatch(h -> h.current().personalDataErased()), "nothing erased");
    }
}
