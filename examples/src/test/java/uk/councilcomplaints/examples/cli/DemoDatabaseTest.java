package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.examples.briefing.BriefingNoteDataSet;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * The briefing's demo stays in a database of its own ({@code ./complaints-data/demo}) and never goes into one that
 * holds other complaints unasked; its HTML goes next to it.
 */
class DemoDatabaseTest {

    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        return Cli.run(Cli.environment(dir), new SettableClock(Cli.APRIL_2022), StoreFactory.standard(), args);
    }

    @Test
    void briefingWithNoOptionsBuildsTheDemoInItsOwnDatabaseAndASecondRunOnlyPrints() {
        Cli.Result first = run("briefing");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().startsWith("Using the demo database " + dir.resolve("complaints-data/demo")
                + " (an H2 file of its own; --db names another)\n"), first.err());
        assertTrue(first.err().contains("Loading the briefing note's data set"), first.err());
        assertTrue(Files.exists(dir.resolve("complaints-data/demo.mv.db")));
        assertFalse(Files.exists(dir.resolve("complaints-data/complaints.mv.db")), "not the default database");
        assertTrue(first.out().contains("At the beginning of December, as reported on 1 December 2021"));

        Cli.Result second = run("briefing");
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.err().contains("already in the store"), second.err());
        assertFalse(second.err().contains("Loading"), second.err());
        assertEquals(first.out(), second.out());
    }

    @Test
    void htmlGoesNextToTheDemoDatabaseOrWhereHtmlSays() {
        Cli.Result next = run("briefing", "--format", "html");
        assertEquals(0, next.exitCode(), next.err());
        Path beside = dir.resolve("complaints-data/briefing.html");
        assertEquals("Wrote " + beside, next.out().strip());
        assertTrue(Files.exists(beside));
        assertFalse(Files.exists(dir.resolve("briefing.html")), "not the working folder");

        Cli.Result named = run("briefing", "--html", "paper/committee.html");
        assertEquals(0, named.exitCode(), named.err());
        assertEquals("Wrote " + dir.resolve("paper/committee.html"), named.out().strip());

        Cli.Result clash = run("briefing", "--html", "x.html", "--format", "csv");
        assertEquals(2, clash.exitCode());
        assertTrue(clash.err().contains("--html FILE writes HTML"), clash.err());
        assertEquals(2, run("briefing", "--html", "x.html", "--out", "d").exitCode());
    }

    @Test
    void aDatabaseHoldingOtherComplaintsIsRefusedUnlessIntoExisting() {
        String db = "jdbc:h2:file:" + dir.resolve("council");
        try (OpenStore open = JdbcStores.open(StoreOptions.of(StoreOptions.Kind.JDBC, db, false))) {
            Complaints.builder(open.store()).clock(new SettableClock(Instant.parse("2022-03-01T10:00:00Z"))).build()
                    .receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE, Channel.EMAIL,
                            Instant.parse("2022-03-01T10:00:00Z"), Complainant.named("Jo Bloggs"), "Bins missed")
                            .withReference("OWN-1"), Audit.by("triage"));
        }
        String refusal = "not loading the briefing note's data set into the database " + db + ": it holds other "
                + "complaints (leave out --db to use the demo database, or pass --into-existing to load it there all "
                + "the same)";
        Cli.Result briefing = run("briefing", "--db", db);
        assertEquals(1, briefing.exitCode(), briefing.err());
        assertEquals("complaints briefing: " + refusal, briefing.err().strip());
        assertEquals("", briefing.out());
        Cli.Result report = run("report", "by-type", "--db", db, "--with-briefing-data");
        assertEquals(1, report.exitCode(), report.err());
        assertEquals("complaints report by-type: " + refusal, report.err().strip());
        assertEquals(1, complaints(db), "nothing loaded");

        Cli.Result into = run("briefing", "--db", db, "--into-existing", "--format", "csv");
        assertEquals(0, into.exitCode(), into.err());
        assertEquals(1 + 282 + 379 + BriefingNoteDataSet.CONTACTS_IN_MARCH, complaints(db));
    }

    @Test
    void withBriefingDataWithoutDbUsesTheDemoDatabaseToo() {
        Cli.Result run = run("report", "by-type", "--with-briefing-data", "--from", "2021-11-30", "--to",
                "2022-02-28", "--as-of", "2022-02-28", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Total,379,0,4,93,122,160"), run.out());
        assertTrue(Files.exists(dir.resolve("complaints-data/demo.mv.db")));
        assertFalse(Files.exists(dir.resolve("complaints-data/complaints.mv.db")));
        assertEquals(0, run("report", "by-type", "--db", "jdbc:h2:file:" + dir.resolve("complaints-data/demo"))
                .exitCode(), "the demo database is an ordinary one");
    }

    private static int complaints(String db) {
        try (OpenStore open = JdbcStores.open(StoreOptions.of(StoreOptions.Kind.JDBC, db, false))) {
            return open.store().find(ComplaintQuery.builder().limit(ComplaintQuery.MAX_LIMIT).build()).items().size();
        }
    }
}
