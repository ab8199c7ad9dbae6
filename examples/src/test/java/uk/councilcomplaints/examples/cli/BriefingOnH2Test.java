package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code complaints briefing} on the default kind of database, an H2 file: the same figures as in memory, and a
 * second run on the same file prints the reports without building the story again.
 */
class BriefingOnH2Test {

    @TempDir
    Path dir;

    @Test
    void theFileDatabaseKeepsTheStoryAndGivesTheSameTablesAsMemory() {
        keepsTheStoryAndGivesTheSameTablesAsMemory("jdbc:h2:file:" + dir.resolve("complaints").toAbsolutePath());
    }

    /** Two briefings on the empty database {@code db}: the first builds the story, the second reads it. */
    static void keepsTheStoryAndGivesTheSameTablesAsMemory(String db) {
        Clock clock = Clock.fixed(Cli.APRIL_2022, ZoneOffset.UTC);
        Cli.Result memory = Cli.run("briefing", "--store", "memory", "--format", "csv");
        Cli.Result first = Cli.run(clock, StoreFactory.standard(), "briefing", "--db", db, "--format", "csv");
        assertEquals(0, first.exitCode(), first.err());
        Map<String, List<List<String>>> tables = Cli.csvSections(first.out());
        assertEquals(Cli.csvSections(memory.out()), tables, "the same tables on " + db + " as in memory");
        assertEquals(List.of("Total", "379", "0", "4", "93", "122", "160"),
                last(tables.get("Contacts received 30 November 2021 to 28 February 2022, by type")));

        Cli.Result second = Cli.run(clock, StoreFactory.standard(), "briefing", "--db", db, "--format", "csv");
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.err().contains("already"), second.err());
        assertEquals(tables, Cli.csvSections(second.out()), "the second run reads what the first stored");
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsOneLine() {
        Cli.Result run = Cli.run(Clock.systemUTC(), StoreFactory.standard(), "report", "by-type", "--db",
                "jdbc:nosuchdriver:x");
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("jdbc:nosuchdriver:x"), run.err());
    }

    private static List<String> last(List<List<String>> rows) {
        return rows.get(rows.size() - 1);
    }
}
