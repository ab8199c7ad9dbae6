package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's PostgreSQL connections keep personal data out of the driver's error messages; no password
 * in a URL is printed; a pool whose schema check fails is closed.
 */
class JdbcStoresTest {

    private static final String EMAIL = "ann.jones@example.org";

    @Test
    void aFailedBatchDoesNotQuoteItsValues() throws SQLException {
        StoreOptions options = StoreOptions.of(StoreOptions.Kind.JDBC, TestPostgres.newDatabaseUrl(), false);
        try (HikariDataSource pool = new HikariDataSource(JdbcStores.poolConfig(options));
                Connection c = pool.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE people (email VARCHAR(254) NOT NULL CHECK (email NOT LIKE '%example.org'))");
            }
            SQLException e = assertThrows(SQLException.class, () -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO people (email) VALUES (?)")) {
                    ps.setString(1, EMAIL);
                    ps.addBatch();
                    ps.executeBatch();
                }
            });

            String messages = messages(e);
            assertTrue(messages.contains("people"), messages);
            assertFalse(messages.contains(EMAIL), messages);
        }
    }

    @TempDir
    Path dir;

    @Test
    void passwordsInUrlsAreMasked() {
        assertEquals("jdbc:postgresql://db.example.org/complaints?user=cc&password=***&ssl=true",
                JdbcStores.masked("jdbc:postgresql://db.example.org/complaints?user=cc&password=s3cret&ssl=true"));
        assertEquals("jdbc:postgresql://db/complaints?PassWord=***",
                JdbcStores.masked("jdbc:postgresql://db/complaints?PassWord=s3cret"));
        assertEquals("jdbc:h2:file:./data/complaints;USER=sa;PASSWORD=***;CIPHER=AES",
                JdbcStores.masked("jdbc:h2:file:./data/complaints;USER=sa;PASSWORD=s3cret;CIPHER=AES"));
        assertEquals("jdbc:postgresql://cc:***@db:5432/complaints",
                JdbcStores.masked("jdbc:postgresql://cc:s3cret@db:5432/complaints"));
        assertEquals("jdbc:postgresql://db:5432/complaints?user=cc",
                JdbcStores.masked("jdbc:postgresql://db:5432/complaints?user=cc"), "nothing else changes");
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsNamedWithoutItsPassword() {
        for (String url : List.of("jdbc:nosuchdriver:x;Password=s3cret",
                "jdbc:postgresql://localhost:1/complaints?user=cc&PASSWORD=s3cret&connectTimeout=1")) {
            for (String command : List.of("report", "migrate")) {
                List<String> args = command.equals("report") ? List.of("report", "by-type", "--db", url)
                        : List.of("migrate", "--db", url);
                Cli.Result run = Cli.run(args.toArray(String[]::new));
                assertEquals(1, run.exitCode(), run.err());
                assertTrue(run.err().contains(url.substring(0, url.indexOf("ssword=") + 7)), run.err());
                assertFalse(run.err().contains("s3cret"), run.err());
            }
        }
    }

    @Test
    void aPoolWhoseSchemaCheckFailsIsClosed() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("complaints").toAbsolutePath() + ";PASSWORD=s3cret";
        java.sql.DriverManager.getConnection(url).close(); // an H2 file without complaints tables
        StoreOptions options = StoreOptions.of(StoreOptions.Kind.JDBC, url, false).validatingSchema();
        AtomicReference<HikariDataSource> made = new AtomicReference<>();
        CliException e = assertThrows(CliException.class, () -> JdbcStores.open(options, config -> {
            made.set(new HikariDataSource(config));
            return made.get();
        }));
        assertTrue(e.getMessage().contains("complaints migrate"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(made.get().isClosed(), "the pool was closed");
    }

    /** Every message of the exception, its causes and the driver's chained exceptions. */
    private static String messages(SQLException e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
            all.append(next).append('\n');
        }
        return all.toString();
    }
}
