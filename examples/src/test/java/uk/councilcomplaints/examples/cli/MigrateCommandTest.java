package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code complaints migrate} creates or updates the tables and says what it applied; the read commands never
 * change the schema and fail, naming {@code complaints migrate}, until it is up to date; the write commands
 * migrate an embedded H2 database and validate PostgreSQL.
 */
class MigrateCommandTest {

    private static final List<List<String>> READ_COMMANDS = List.of(List.of("report", "by-type"), List.of("sla"),
            List.of("subject-access", "--email", "jo.bloggs@example.org"), List.of("retention", "--dry-run"));

    @TempDir
    Path dir;

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("complaints").toAbsolutePath();
    }

    @Test
    void readCommandsWhereThereIsNoDatabaseFailInOneLineAndCreateNothing() {
        String db = h2();
        for (List<String> command : READ_COMMANDS) {
            Cli.Result run = run(command, "--db", db);
            assertEquals(1, run.exitCode(), command + ": " + run.out() + run.err());
            assertEquals(name(command) + ": no complaints database at "
                    + dir.resolve("complaints.mv.db").toAbsolutePath() + "; run 'complaints import' or pass --db",
                    run.err().strip());
        }
        assertFalse(Files.exists(dir.resolve("complaints.mv.db")), "no read command created the database");
    }

    @Test
    void readCommandsOnADatabaseWithoutTablesFailNamingMigrateAndCreateNothing() throws SQLException {
        String db = h2();
        DriverManager.getConnection(db, "", "").close();
        for (List<String> command : READ_COMMANDS) {
            Cli.Result run = run(command, "--db", db);
            assertEquals(1, run.exitCode(), command + ": " + run.out() + run.err());
            assertEquals(name(command) + ": no complaints tables in the database " + db
                    + "; run 'complaints migrate' with the same connection settings, or pass --db", run.err().strip());
        }
        assertEquals(0, tables(db), "no read command created a table");
    }

    @Test
    void readCommandsOnAPostgresqlDatabaseWithoutTablesNameMigrate() {
        String db = TestPostgres.newDatabaseUrl();
        Cli.Result run = run(List.of("report", "by-type"), "--db", db);
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("complaints report by-type: no complaints tables in the database " + db
                + "; run 'complaints migrate' with the same connection settings, or pass --db", run.err().strip());
    }

    @Test
    void migrateSaysWhatItAppliedThenThatTheSchemaIsUpToDate() {
        String db = h2();
        Cli.Result first = Cli.run("migrate", "--db", db);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().startsWith("Applied 16 schema scripts:"), first.out());
        assertTrue(first.out().contains("  db/migration/common/V1__complaints.sql\n"), first.out());
        assertTrue(first.out().contains("  db/migration/h2/V3_1__event_reason_length.sql\n"), first.out());
        assertTrue(first.out().contains("  db/migration/h2/V5_1__running_clocks_indexes.sql"), first.out());
        assertTrue(first.out().contains("  db/migration/common/V8__event_feed.sql"), first.out());
        assertTrue(first.out().contains("  db/migration/h2/V9__work_queue_indexes.sql"), first.out());
        assertTrue(first.out().contains("  db/migration/h2/V10__report_projection_membership.sql"), first.out());

        Cli.Result again = Cli.run("migrate", "--db", db);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("Schema up to date", again.out().strip());

        for (List<String> command : READ_COMMANDS) {
            Cli.Result run = run(command, "--db", db);
            assertEquals(0, run.exitCode(), command + ": " + run.err());
        }
    }

    @Test
    void aSchemaBehindIsRefusedByReadsUntilMigrated() throws SQLException {
        String db = h2();
        assertEquals(0, Cli.run("migrate", "--db", db).exitCode());
        try (Connection c = DriverManager.getConnection(db, "", ""); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM complaints_schema_history WHERE version = '3.1'");
        }
        Cli.Result report = run(List.of("report", "by-type"), "--db", db);
        assertEquals(1, report.exitCode());
        assertTrue(report.err().contains("V3_1__event_reason_length.sql"), report.err());
        assertTrue(report.err().contains("complaints migrate"), report.err());

        Cli.Result migrate = Cli.run("migrate", "--db", db);
        assertEquals("Applied 1 schema script:\n  db/migration/h2/V3_1__event_reason_length.sql", migrate.out().strip());
        assertEquals(0, run(List.of("report", "by-type"), "--db", db).exitCode());
    }

    @Test
    void writeCommandsMigrateAnEmbeddedH2DatabaseButNotPostgresql() {
        Cli.Result onH2 = Cli.run(Clock.systemUTC(), StoreFactory.standard(), "briefing", "--db", h2(),
                "--format", "csv");
        assertEquals(0, onH2.exitCode(), onH2.err());

        String postgres = TestPostgres.newDatabaseUrl();
        Cli.Result refused = Cli.run(Clock.systemUTC(), StoreFactory.standard(), "briefing", "--db", postgres);
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("complaints migrate"), refused.err());
        assertEquals(0, Cli.run("migrate", "--db", postgres).exitCode());
        Cli.Result after = Cli.run(Clock.systemUTC(), StoreFactory.standard(), "briefing", "--db", postgres,
                "--format", "csv");
        assertEquals(0, after.exitCode(), after.err());
    }

    /** The command's qualified name, as its errors start: complaints report by-type. */
    private static String name(List<String> command) {
        return "complaints " + command.get(0)
                + (command.size() > 1 && !command.get(1).startsWith("-") ? " " + command.get(1) : "");
    }

    private static Cli.Result run(List<String> command, String... options) {
        List<String> args = new java.util.ArrayList<>(command);
        args.addAll(List.of(options));
        return Cli.run(new uk.councilcomplaints.SettableClock(Cli.APRIL_2022), StoreFactory.standard(),
                args.toArray(String[]::new));
    }

    private static int tables(String db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db, "", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
