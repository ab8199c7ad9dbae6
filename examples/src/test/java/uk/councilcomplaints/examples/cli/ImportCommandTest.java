package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneOffset;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/** {@code complaints import FILE.csv}: the summary, the rejects file, and a second run that adds nothing. */
class ImportCommandTest {

    @Test
    void importsThenFindsEverythingAlreadyPresent(@TempDir Path dir) throws IOException {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        importsThenFindsEverythingAlreadyPresent(dir, args -> Cli.run(store, args), store::size);
    }

    @Test
    void importsIntoAnH2FileThenFindsEverythingAlreadyPresent(@TempDir Path dir) throws IOException {
        String db = "jdbc:h2:file:" + dir.resolve("complaints").toAbsolutePath();
        importsThenFindsEverythingAlreadyPresent(dir,
                args -> Cli.run(Clock.fixed(Cli.APRIL_2022, ZoneOffset.UTC), StoreFactory.standard(), withDb(args, db)),
                () -> count(db));
    }

    private static String[] withDb(String[] args, String db) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", db));
        return all.toArray(String[]::new);
    }

    /** How many complaints the database holds, read with plain JDBC. */
    private static int count(String db) {
        try (Connection c = DriverManager.getConnection(db);
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM complaints")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A file with good rows, a bad row, a possible duplicate and a repeated row, imported twice by {@code cli}; {@code stored}
     * counts the complaints stored.
     */
    private static void importsThenFindsEverythingAlreadyPresent(Path dir, Function<String[], Cli.Result> cli,
            IntSupplier stored) throws IOException {
        Path file = dir.resolve("tracker.csv");
        Files.writeString(file, String.join("\r\n",
                "reference,received_on,service_area,type,complainant_name,complainant_email,summary,triaged_on,"
                        + "allocated_on,officer",
                "T-1,2022-01-10,Adults,Statutory Adults,Ann Example,ann@example.org,Care reduced,2022-01-11,,",
                "T-2,11/01/2022,Corporate,Corporate,Bob Sample,,Bins,,2022-01-12,b.officer",
                "T-3,2022-01-12,Corporate,Nonsense,Cy,,x,,,",
                "T-4,2022-01-13,Adults,Statutory Adults,Ann Example,ann@example.org,Care reduced again,,,",
                "T-2,11/01/2022,Corporate,Corporate,Bob Sample,,Bins,,2022-01-12,b.officer") + "\r\n");
        Cli.Result first = cli.apply(new String[] {"import", file.toString()});
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(List.of("imported 3, already present 1, rejected 1, possible duplicates 1",
                "rejected rows and their reasons: " + dir.resolve("tracker.rejected.csv"),
                "possible duplicates and the rows they resemble: " + dir.resolve("tracker.duplicates.csv")),
                first.out().lines().toList());
        assertEquals(List.of("row,reference,resembles_row,resembles_reference,why,reference,received_on,service_area,"
                + "type,complainant_name,complainant_email,summary,triaged_on,allocated_on,officer",
                "5,T-4,2,T-1,same email,T-4,2022-01-13,Adults,Statutory Adults,Ann Example,ann@example.org,"
                + "Care reduced again,,,"), Files.readAllLines(dir.resolve("tracker.duplicates.csv")));
        assertTrue(first.err().contains("tracker.csv: 5 rows in "), first.err());
        assertTrue(first.err().contains(" rows/s"), first.err());
        assertEquals(3, stored.getAsInt());
        List<String> rejects = Files.readAllLines(dir.resolve("tracker.rejected.csv"));
        assertEquals(2, rejects.size());
        assertTrue(rejects.get(1).startsWith("4,\"type: 'Nonsense' is not one of"), rejects.get(1));

        Cli.Result second = cli.apply(new String[] {"import", file.toString()});
        assertEquals(List.of("imported 0, already present 4, rejected 1, possible duplicates 0",
                "rejected rows and their reasons: " + dir.resolve("tracker.rejected.csv")),
                second.out().lines().toList(), "no duplicate repeated for rows imported before");
        assertTrue(second.err().contains("no possible duplicate: removed " + dir.resolve("tracker.duplicates.csv")
                + ", left by an earlier import"), second.err());
        assertFalse(Files.exists(dir.resolve("tracker.duplicates.csv")));
        assertEquals(3, stored.getAsInt());
    }

    @Test
    void withVacuumOnPostgreSqlTheTablesAreVacuumedAndAnalysedAfterTheImport(@TempDir Path dir) throws IOException {
        String db = TestPostgres.newMigratedDatabaseUrl();
        Path file = dir.resolve("one.csv");
        Files.writeString(file, "reference,received_on,service_area,type,complainant_name,summary\n"
                + "T-1,2022-01-10,Adults,Statutory Adults,Ann,Care\n");
        Cli.Result run = Cli.run("import", "--vacuum", "--db", db, file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("imported 1, already present 0, rejected 0, possible duplicates 0",
                "vacuuming and analysing the tables (VACUUM (ANALYZE)) ...", "done"), run.out().lines().toList());
        try (Connection c = DriverManager.getConnection(db);
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM pg_stat_user_tables"
                        + " WHERE last_vacuum IS NOT NULL AND last_analyze IS NOT NULL AND relname IN ('complaints',"
                        + " 'complaint_events', 'report_projection', 'running_clocks', 'event_feed')")) {
            rs.next();
            assertEquals(5, rs.getInt(1), "each table vacuumed and analysed");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReadmeSampleImportsAsTheReadmeShows(@TempDir Path dir) throws IOException {
        Path sample = Files.copy(Path.of("sample", "legacy-tracker.csv"), dir.resolve("legacy-tracker.csv"));
        Cli.Result run = Cli.run("import", "--store", "memory", sample.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("imported 7, already present 1, rejected 4, possible duplicates 1",
                "rejected rows and their reasons: " + dir.resolve("legacy-tracker.rejected.csv"),
                "possible duplicates and the rows they resemble: " + dir.resolve("legacy-tracker.duplicates.csv")),
                run.out().lines().toList());
        assertTrue(Files.readAllLines(dir.resolve("legacy-tracker.duplicates.csv")).get(1)
                .startsWith("7,VOC-0417,2,VOC-0412,same email,"));
    }

    @Test
    void withTheMemoryStoreItIsACheckRun(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("one.csv");
        Files.writeString(file, "reference,received_on,service_area,type,complainant_name,summary\n"
                + "T-1,2022-01-10,Adults,Statutory Adults,Ann,Care\n");
        Cli.Result run = Cli.run("import", "--store", "memory", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("imported 1, already present 0, rejected 0, possible duplicates 0", run.out().strip());
    }
}
