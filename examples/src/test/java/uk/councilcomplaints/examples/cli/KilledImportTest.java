package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.examples.cli.legacy.LegacyCsvGenerator;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.Cursor;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/**
 * An import killed with SIGKILL part-way, in a child JVM, and run again: every row ends up imported exactly once,
 * each case with its whole history (as an import in one go gives it), on PostgreSQL. The child
 * is killed when its progress line says it has read 5,000 of 8,000 rows (so two batches of 2,000 are stored).
 */
class KilledImportTest {

    private static final int ROWS = 8_000;
    /** The importer's progress line on the error stream: "FILE: 2,000 rows, 812 rows/s". */
    private static final Pattern PROGRESS = Pattern.compile(": ([0-9,]+) rows, ");
    /** Kill once this many rows were read: a few batches stored, most of the file still to come. */
    private static final int KILL_AFTER = 5_000;

    @ParameterizedTest
    // not H2 in a file: in two of four runs, H2 2.x read the events of a database killed mid-transaction as "row
    // not found in primary index" (a lock timeout), even after the second import had run (see README, Faults)
    @ValueSource(strings = {"postgresql"})
    void anImportKilledPartWayAndRunAgainImportsEveryRowExactlyOnce(String database, @TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("tracker.csv");
        LegacyCsvGenerator.write(csv, ROWS);
        String url = database.equals("h2") ? "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                : TestPostgres.newMigratedDatabaseUrl();

        int readWhenKilled = killPartWay(csv, url);
        assertTrue(readWhenKilled >= KILL_AFTER && readWhenKilled < ROWS, "killed after " + readWhenKilled);
        long storedWhenKilled;
        try (OpenStore open = open(url)) {
            // the complaints' rows, not their events (H2 2.x could not always read the events of a
            // file killed mid-transaction: "row not found in primary index")
            storedWhenKilled = count(open.store());
        }
        assertTrue(storedWhenKilled > 0 && storedWhenKilled < ROWS, "stored when killed: " + storedWhenKilled);

        Cli.Result again = Cli.run(Clock.systemUTC(), StoreFactory.standard(), "import", "--db", url, csv.toString());
        assertEquals(0, again.exitCode(), again.err());

        // the same file imported in one go, into memory
        InMemoryComplaintStore memory = new InMemoryComplaintStore();
        Cli.Result whole = Cli.run(Clock.systemUTC(), options -> OpenStore.of(memory), "import", csv.toString());
        assertEquals(0, whole.exitCode(), whole.err());
        Map<String, List<String>> expected = histories(memory);
        assertTrue(expected.size() > ROWS * 9 / 10, "the generated rows import: " + whole.out());
        try (OpenStore open = open(url)) {
            Map<String, List<String>> stored = histories(open.store());
            assertEquals(expected.size(), stored.size(), "every row once");
            assertEquals(expected, stored, "every case whole");
        }
        String counts = "imported " + (expected.size() - storedWhenKilled) + ", already present " + storedWhenKilled;
        assertTrue(again.out().contains(counts), counts + " expected: " + again.out());
    }

    /** Runs the import in a child JVM and kills it (SIGKILL) once it has read {@link #KILL_AFTER} rows. */
    private static int killPartWay(Path csv, String url) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ComplaintsCli.class.getName(), "import", "--db", url, csv.toString());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process child = builder.start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                seen.add(line);
                Matcher m = PROGRESS.matcher(line);
                if (m.find()) {
                    int rows = Integer.parseInt(m.group(1).replace(",", ""));
                    if (rows >= KILL_AFTER) {
                        child.destroyForcibly();
                        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends when killed");
                        assertEquals(137, child.exitValue(), "killed by SIGKILL");
                        return rows;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
        }
        child.waitFor(60, TimeUnit.SECONDS);
        throw new AssertionError("the import ended (exit " + child.exitValue() + ") before it could be killed: "
                + seen);
    }

    private static long count(ComplaintStore store) {
        long n = 0;
        Optional<Cursor> after = Optional.empty();
        do {
            ComplaintQuery.Builder query = ComplaintQuery.builder().limit(ComplaintQuery.MAX_LIMIT);
            after.ifPresent(query::after);
            Page<Complaint> page = store.find(query.build());
            n += page.items().size();
            after = page.next();
        } while (after.isPresent());
        return n;
    }

    private static OpenStore open(String url) {
        return JdbcStores.open(StoreOptions.of(StoreOptions.Kind.JDBC, url, false));
    }

    /** Each stored case's history by reference: every event's type, status and when it happened. */
    private static Map<String, List<String>> histories(ComplaintStore store) {
        try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
            return all.collect(Collectors.toMap(h -> h.current().reference(),
                    h -> h.events().stream().map(KilledImportTest::describe).toList(), (a, b) -> {
                        throw new AssertionError("a reference twice: " + a);
                    }, TreeMap::new));
        }
    }

    private static String describe(ComplaintEvent e) {
        return e.data().type() + " " + e.status() + " " + e.occurredAt();
    }
}
