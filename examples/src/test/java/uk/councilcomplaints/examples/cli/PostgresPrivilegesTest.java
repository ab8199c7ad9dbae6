package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.SettableClock;

/**
 * The privileges a PostgreSQL user needs, as the docs state them: the read commands run as a user with SELECT on the
 * complaints tables only; the writing commands, as one with SELECT, INSERT, UPDATE and DELETE on them (DELETE: a
 * closed case's running clocks, an erased complainant); migrate, as the tables' owner (it creates them).
 * The user and password come from complaints.properties and COMPLAINTS_DB_PASSWORD.
 */
class PostgresPrivilegesTest {

    @TempDir
    Path dir;

    @Test
    void readCommandsRunWithSelectOnlyAndImportWithDataChangesOnly() throws Exception {
        String url = TestPostgres.newMigratedDatabaseUrl();
        String bare = url.replaceAll("[?&]user=[^&]*", "");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE reader LOGIN PASSWORD 'r3ader'");
            s.execute("GRANT USAGE ON SCHEMA public TO reader");
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader");
            s.execute("CREATE ROLE clerk LOGIN PASSWORD 'cl3rk'");
            s.execute("GRANT USAGE ON SCHEMA public TO clerk");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO clerk");
        }
        Files.writeString(dir.resolve("complaints.properties"), "db=" + bare + "\nuser=clerk\n");
        Path csv = Files.writeString(dir.resolve("tracker.csv"), "reference,received_on,service_area,type,"
                + "complainant_name,summary\nVOC-1,14/01/2022,Corporate,Corporate,Jo Bloggs,Bins missed\n");
        Cli.Result imported = run("cl3rk", "import", csv.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("imported 1"), () -> imported.out() + rejected());

        Files.writeString(dir.resolve("complaints.properties"), "db=" + bare + "\nuser=reader\n");
        for (String[] read : new String[][] {{"report", "by-type", "--as-of", "2022-02-28", "--format", "csv"},
            {"sla", "--as-of", "2022-02-28"}, {"subject-access", "--name", "Jo Bloggs"},
            {"retention", "--dry-run"}, {"ageing"}}) {
            Cli.Result run = run("r3ader", read);
            assertEquals(0, run.exitCode(), String.join(" ", read) + ": " + run.err());
        }
        Cli.Result report = run("r3ader", "report", "by-type", "--as-of", "2022-02-28", "--format", "csv");
        assertTrue(report.out().contains("Total,1,"), report.out());
        Path more = Files.writeString(dir.resolve("more.csv"), "reference,received_on,service_area,type,"
                + "complainant_name,summary\nVOC-2,14/01/2022,Corporate,Corporate,Sam Smith,Potholes\n");
        Cli.Result write = run("r3ader", "import", more.toString());
        assertTrue(write.exitCode() != 0 || write.out().contains("imported 0"), write.out() + write.err());
    }

    private String rejected() {
        try {
            return Files.readString(dir.resolve("tracker.rejected.csv"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private Cli.Result run(String password, String... args) {
        return Cli.run(new CliEnvironment(Map.of("COMPLAINTS_DB_PASSWORD", password)::get, dir, dir.resolve("home"),
                Optional.empty()), new SettableClock(Cli.APRIL_2022), StoreFactory.standard(), args);
    }

}
