package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Batch;
import uk.councilcomplaints.workflow.Complaints;

/**
 * A first large batch into a new PostgreSQL database leaves planner statistics that count its rows, so the
 * foreign-key checks of the next batch look rows up by key instead of scanning whole tables.
 */
class PlannerStatisticsTest {

    @Test
    void aLargeFirstBatchLeavesStatisticsThatCountItsRows() throws SQLException {
        try (HikariDataSource database = TestDatabases.newPostgresDatabase(2)) {
            SettableClock clock = new SettableClock(Instant.parse("2024-03-04T10:00:00Z"));
            JdbcComplaintStore store = JdbcComplaintStore.builder(database).clock(clock).build();
            assertTrue(rowsInStatistics(database).values().stream().allMatch(n -> n <= 0),
                    "a new database's statistics are empty: " + rowsInStatistics(database));
            Batch batch = Complaints.builder(store).clock(clock).build().batch();
            for (int i = 0; i < PlannerStatistics.BULK_COMMITS; i++) {
                batch.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE, clock.instant()),
                        Fixtures.OFFICER);
            }

            batch.commit();

            Map<String, Long> rows = rowsInStatistics(database);
            assertEquals(PlannerStatistics.TABLES, rows.keySet().stream().toList());
            rows.forEach((table, n) -> assertTrue(n >= PlannerStatistics.BULK_COMMITS, table + ": " + n));
        }
    }

    private static Map<String, Long> rowsInStatistics(HikariDataSource database) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = database.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)")) {
            for (String table : PlannerStatistics.TABLES) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rows.put(table, rs.getLong(1));
                }
            }
        }
        return rows;
    }
}
