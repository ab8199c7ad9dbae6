package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Complaints;

/**
 * {@link JdbcComplaintStore#vacuumAnalyze()}: after it, in a database of its own on PostgreSQL, every page of the
 * report projection written by an import is all-visible and the planner counts its rows. On H2 it analyses.
 */
class VacuumAnalyzeTest {

    @Test
    void afterAnImportEveryPageOfTheProjectionIsAllVisibleAndCounted() throws SQLException {
        try (HikariDataSource pool = TestDatabases.newPostgresDatabase(1)) {
            ComplaintsSchema.migrate(pool);
            JdbcComplaintStore store = JdbcComplaintStore.builder(pool).council(TestDatabases.freshCouncil())
                    .noSettleWindow().build();
            Complaints desk = Complaints.builder(store).clock(SettableClock.at("2022-04-04T08:00:00Z")).build();
            for (int i = 0; i < 200; i++) {
                Fixtures.allocated(desk, Procedure.CORPORATE, ServiceArea.CORPORATE, "officer." + i % 7);
            }
            long rows = number(pool, "SELECT COUNT(*) FROM report_projection");

            store.vacuumAnalyze();

            assertTrue(number(pool, "SELECT relpages FROM pg_class WHERE relname = 'report_projection'") > 0);
            assertEquals(number(pool, "SELECT relpages FROM pg_class WHERE relname = 'report_projection'"),
                    number(pool, "SELECT relallvisible FROM pg_class WHERE relname = 'report_projection'"));
            assertEquals(rows, number(pool,
                    "SELECT reltuples::bigint FROM pg_class WHERE relname = 'report_projection'"));
        }
    }

    @Test
    void onH2ItAnalyses() {
        DataSource h2 = TestDatabases.newH2Memory();
        ComplaintsSchema.migrate(h2);
        JdbcComplaintStore.builder(h2).council(TestDatabases.freshCouncil()).build().vacuumAnalyze();
    }

    private static long number(DataSource db, String query) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
