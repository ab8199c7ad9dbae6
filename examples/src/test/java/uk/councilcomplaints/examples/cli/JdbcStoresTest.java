package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The command line's PostgreSQL connections keep personal data out of the driver's error messages. */
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
