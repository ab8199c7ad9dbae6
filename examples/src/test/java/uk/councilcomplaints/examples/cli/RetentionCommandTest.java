package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.examples.briefing.BriefingNoteDataSet;
import uk.councilcomplaints.model.Classification;
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
        assertEquals(lines("Would anonymise", expected), ReportCommandTest.lines(dry.out()));
        assertEquals(expected, expected(store), "a dry run changes nothing");

        Cli.Result run = Cli.run(store, args("retention", "--as-of", "2022-03-31", "--yes"));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(lines("Anonymised", expected), ReportCommandTest.lines(run.out()), "--yes asks nothing");
        for (Complaint c : expected) {
            assertTrue(store.personalData(c.id()).isEmpty());
            List<uk.councilcomplaints.event.ComplaintEvent> history = store.history(c.id());
            assertEquals("complaints retention", history.get(history.size() - 1).actor());
        }
        assertEquals(List.of(), expected(store));
        Cli.Result again = Cli.run(store, args("retention", "--as-of", "2022-03-31"));
        assertTrue(again.out().startsWith("Anonymised 0 cases"), again.out());
    }

    /**
     * What retention prints for {@code cases}: a line per procedure, named as --period names it, for its complaints,
     * and for its service requests and not council complaints when it has any.
     */
    private static List<String> lines(String done, List<Complaint> cases) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(done + " " + cases.size() + " cases whose retention period ended by 2022-03-31");
        String[] periods = {"P60D", "P1Y", "P1M", "P6Y"}; // housing is not given a period: the default
        for (Procedure p : Procedure.values()) {
            for (Classification kind : Classification.values()) {
                long n = cases.stream().filter(c -> c.procedure() == p && c.classification() == kind).count();
                if (n > 0 || kind == Classification.COMPLAINT) {
                    lines.add(String.format("  %-22s %6d  %-22s  (kept %s after closure)",
                            p.name().toLowerCase(java.util.Locale.ROOT), n, kind == Classification.COMPLAINT
                                    ? "complaints" : kind == Classification.SERVICE_REQUEST ? "service requests"
                                            : "not council complaints", periods[p.ordinal()]));
                }
            }
        }
        return lines;
    }

    @Test
    void serviceRequestsAreCountedAsServiceRequestsNotUnderCorporate() {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        BriefingNoteDataSet.loadInto(store);
        List<Complaint> expected = expected(store);
        long requests = expected.stream().filter(c -> c.classification() == Classification.SERVICE_REQUEST).count();
        long corporateComplaints = expected.stream().filter(c -> c.procedure() == Procedure.CORPORATE
                && c.classification() == Classification.COMPLAINT).count();
        assertTrue(requests > 0, "the short periods expire some service requests");
        List<String> out = ReportCommandTest.lines(Cli.run(store, args("retention", "--as-of", "2022-03-31",
                "--dry-run")).out());
        assertTrue(out.contains(String.format("  %-22s %6d  %-22s  (kept P1M after closure)", "corporate",
                corporateComplaints, "complaints")), String.join("\n", out));
        assertTrue(out.stream().anyMatch(l -> l.contains(" service requests ")), String.join("\n", out));
    }

    @Test
    void asksFirstAndGoesAheadOnlyOnYes() {
        for (String answer : List.of("n", "", "yes please", "no")) {
            InMemoryComplaintStore store = new InMemoryComplaintStore();
            BriefingNoteDataSet.loadInto(store);
            List<Complaint> expected = expected(store);
            List<String> asked = new java.util.ArrayList<>();
            Cli.Result declined = Cli.run(console(prompt -> {
                asked.add(prompt);
                return answer;
            }), new SettableClock(Cli.APRIL_2022), options -> OpenStore.of(store), args("retention", "--as-of",
                    "2022-03-31"));
            assertEquals(1, declined.exitCode(), answer);
            assertEquals(List.of("Erase the personal data of these " + expected.size() + " cases? This cannot be "
                    + "undone. [y/N] "), asked);
            assertEquals(lines("Will anonymise", expected), ReportCommandTest.lines(declined.out()));
            assertEquals("complaints retention: not confirmed: nothing was anonymised", declined.err().strip());
            assertEquals(expected, expected(store), "nothing anonymised on '" + answer + "'");
        }
        for (String answer : List.of("y", "YES", " Yes ")) {
            InMemoryComplaintStore store = new InMemoryComplaintStore();
            BriefingNoteDataSet.loadInto(store);
            List<Complaint> expected = expected(store);
            Cli.Result confirmed = Cli.run(console(prompt -> answer), new SettableClock(Cli.APRIL_2022),
                    options -> OpenStore.of(store), args("retention", "--as-of", "2022-03-31"));
            assertEquals(0, confirmed.exitCode(), confirmed.err());
            List<String> both = new java.util.ArrayList<>(lines("Will anonymise", expected));
            both.addAll(lines("Anonymised", expected));
            assertEquals(both, ReportCommandTest.lines(confirmed.out()));
            assertEquals(List.of(), expected(store));
        }
    }

    @Test
    void withoutAConsoleAndWithoutYesItRefusesAndChangesNothing() {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        BriefingNoteDataSet.loadInto(store);
        List<Complaint> expected = expected(store);
        Cli.Result run = Cli.run(store, args("retention", "--as-of", "2022-03-31"));
        assertEquals(1, run.exitCode());
        assertEquals(lines("Will anonymise", expected), ReportCommandTest.lines(run.out()));
        assertEquals("complaints retention: not anonymising " + expected.size() + " cases without a confirmation, "
                + "and no console is attached to ask on: pass --yes (nothing was changed)", run.err().strip());
        assertEquals(expected, expected(store));
    }

    @Test
    void retentionAndRebuildClocksNeverCreateADatabase() {
        String db = "jdbc:h2:file:" + dir.resolve("absent").toAbsolutePath();
        for (String command : List.of("retention", "rebuild-clocks")) {
            Cli.Result run = Cli.run(new SettableClock(Cli.APRIL_2022), StoreFactory.standard(), command, "--db", db);
            assertEquals(1, run.exitCode(), command);
            assertEquals("complaints " + command + ": no complaints database at "
                    + dir.resolve("absent.mv.db").toAbsolutePath() + "; run 'complaints import' or pass --db",
                    run.err().strip());
        }
        assertFalse(java.nio.file.Files.exists(dir.resolve("absent.mv.db")));
    }

    private CliEnvironment console(CliEnvironment.Terminal terminal) {
        return new CliEnvironment(name -> null, dir, dir.resolve("home"), java.util.Optional.of(terminal));
    }

    @Test
    void byDefaultSixYearsAfterClosureAndTodayNothingInTheDataSetHasExpired() {
        Cli.Result run = Cli.run("retention", "--store", "memory", "--with-briefing-data");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("Anonymised 0 cases whose retention period ended by 2022-04-01",
                "  adult_social_care           0  complaints              (kept P6Y after closure)",
                "  childrens_social_care       0  complaints              (kept P6Y after closure)",
                "  corporate                   0  complaints              (kept P6Y after closure)",
                "  housing                     0  complaints              (kept P6Y after closure)"),
                ReportCommandTest.lines(run.out()));
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
                args("retention", "--db", db, "--as-of", "2022-03-31", "--yes"));
        assertEquals(memory.out().replace("Would anonymise", "Anonymised"), run.out());
        Cli.Result again = Cli.run(clock, StoreFactory.standard(),
                args("retention", "--db", db, "--as-of", "2022-03-31"));
        assertTrue(again.out().startsWith("Anonymised 0 cases"), again.out());
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
