package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.examples.cli.legacy.LegacyCsvGenerator;

/**
 * {@code complaints check} on an H2 file: every case whole after an import; a case whose rows were torn (here cut
 * by hand, as a kill during H2's save leaves them) is named, the exit code is 1, and {@code import} refuses to add
 * to that database.
 */
class CheckCommandTest {

    @Test
    void namesTheIncompleteCasesAndImportRefusesToAddToThem(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("tracker.csv");
        LegacyCsvGenerator.write(csv, 50);
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        Cli.Result imported = Cli.run(Clock.systemUTC(), StoreFactory.standard(), "import", "--db", url,
                csv.toString());
        assertEquals(0, imported.exitCode(), imported.err());

        Cli.Result sound = Cli.run(Clock.systemUTC(), StoreFactory.standard(), "check", "--db", url);
        assertEquals(0, sound.exitCode(), sound.err());
        assertEquals("Every case's stored rows agree.", sound.out().strip());

        String torn = cutTheReportRowsOfOneCase(url);
        Cli.Result found = Cli.run(Clock.systemUTC(), StoreFactory.standard(), "check", "--db", url);
        assertEquals(1, found.exitCode(), found.out() + found.err());
        assertTrue(found.out().startsWith("The database is incomplete:\n  " + torn + ": 0 report rows for "),
                found.out());
        assertTrue(found.out().contains("Import the spreadsheet again into a new database"), found.out());

        Cli.Result again = Cli.run(Clock.systemUTC(), StoreFactory.standard(), "import", "--db", url, csv.toString());
        assertEquals(1, again.exitCode(), again.out());
        assertTrue(again.err().contains("the database is incomplete (" + torn + ": 0 report rows for "), again.err());
    }

    /** Deletes the report rows of the case with the first reference; returns its reference. */
    private static String cutTheReportRowsOfOneCase(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            String reference;
            try (var rs = s.executeQuery("SELECT MIN(reference) FROM complaints")) {
                rs.next();
                reference = rs.getString(1);
            }
            s.executeUpdate("DELETE FROM report_projection WHERE complaint_id = (SELECT id FROM complaints"
                    + " WHERE reference = '" + reference + "')");
            return reference;
        }
    }
}
