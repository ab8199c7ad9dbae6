package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Complaints;

/**
 * On an H2 file the store's writes go one at a time and are saved as they commit (see {@code WriteGate}); nothing
 * changes on H2 in memory or PostgreSQL. What a kill does to an H2 file is in the command line's
 * {@code KilledImportTest} and {@code KilledImportHarness}.
 */
class WriteGateTest {

    @Test
    void aStoreOnAnH2FileTurnsOffH2sBackgroundWriter(@TempDir Path dir) throws SQLException {
        JdbcConnectionPool pool = pool(dir.resolve("db"));
        try {
            assertEquals("500", writeDelay(pool), "H2's default, before the store");
            JdbcComplaintStore.create(pool);
            assertEquals("0", writeDelay(pool));
        } finally {
            pool.dispose();
        }
    }

    /**
     * A copy of the file taken the moment a command returns already holds it. Without the gate's save H2 writes
     * the file up to half a second later (its default) or, with its background writer off, only when enough has
     * changed or it closes: a process killed then loses a command it confirmed.
     */
    @Test
    void aCommandIsInTheFileWhenItReturns(@TempDir Path dir) throws Exception {
        JdbcConnectionPool pool = pool(dir.resolve("db"));
        try {
            Complaints desk = Complaints.builder(JdbcComplaintStore.create(pool)).build();
            Complaint received = Fixtures.receive(desk, Procedure.CORPORATE, ServiceArea.CORPORATE);
            Files.createDirectories(dir.resolve("copy"));
            Files.copy(dir.resolve("db.mv.db"), dir.resolve("copy").resolve("db.mv.db"));
            try (Connection copy = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("copy").resolve("db")
                    .toAbsolutePath() + ";ACCESS_MODE_DATA=r", "sa", "");
                    Statement s = copy.createStatement();
                    ResultSet rs = s.executeQuery("SELECT reference FROM complaints")) {
                assertTrue(rs.next(), "the copy holds the complaint");
                assertEquals(received.reference(), rs.getString(1));
            }
        } finally {
            pool.dispose();
        }
    }

    @Test
    void twoStoresOnOneFileWriteOneAtATime(@TempDir Path dir) throws Exception {
        JdbcConnectionPool nodeA = pool(dir.resolve("db"));
        JdbcConnectionPool nodeB = pool(dir.resolve("db"));
        try {
            WriteGate a = WriteGate.of(nodeA, Dialect.H2);
            WriteGate b = WriteGate.of(nodeB, Dialect.H2);
            assertTrue(a.guards());
            assertFalse(b.busy());
            assertTrue(a.through(b::busy), "b waits while a writes");
            assertFalse(b.busy());
        } finally {
            nodeA.dispose();
            nodeB.dispose();
        }
    }

    @Test
    void nothingToGuardInMemoryOrOnPostgresql() {
        assertSame(WriteGate.NONE, WriteGate.of(TestDatabases.h2Memory(), Dialect.H2));
        assertSame(WriteGate.NONE, WriteGate.of(TestDatabases.postgres(true), Dialect.POSTGRESQL));
    }

    private static JdbcConnectionPool pool(Path file) {
        return JdbcConnectionPool.create("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
    }

    private static String writeDelay(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            return rs.next() ? rs.getString(1) : "(none)";
        }
    }
}
