package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Complaints;

/**
 * {@link JdbcComplaintStore#incompleteComplaints}: nothing on rows the store wrote; each kind of damage a torn
 * transaction leaves, named with its complaint.
 */
class IncompleteComplaintsTest {

    @ParameterizedTest
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void findsEachComplaintWhoseRowsDisagreeAndNothingElse(Databases database) throws SQLException {
        JdbcComplaintStore store = database.store();
        Complaints desk = Complaints.builder(store).build();
        Complaint whole = Fixtures.allocated(desk, Procedure.CORPORATE, ServiceArea.CORPORATE, "a.patel");
        Complaint noReportRows = Fixtures.allocated(desk, Procedure.CORPORATE, ServiceArea.CORPORATE, "a.patel");
        Complaint noPersonalData = Fixtures.receive(desk, Procedure.CORPORATE, ServiceArea.OTHER);
        Complaint ahead = Fixtures.receive(desk, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS);
        assertEquals(List.of(), store.incompleteComplaints(), "rows the store wrote");

        DataSource ds = database.dataSource();
        update(ds, "DELETE FROM report_projection WHERE council_id = ? AND complaint_id = ? AND version > 1",
                store.council(), noReportRows);
        update(ds, "DELETE FROM complainants WHERE council_id = ? AND complaint_id = ?", store.council(),
                noPersonalData);
        update(ds, "UPDATE complaints SET version = version + 1 WHERE council_id = ? AND id = ?", store.council(),
                ahead);

        List<String> expected = new ArrayList<>(List.of(
                noReportRows.reference() + ": 1 report rows for " + noReportRows.version() + " events",
                noPersonalData.reference() + ": no personal data, yet not erased",
                ahead.reference() + ": 1 events for version 2"));
        expected.sort(null);
        assertEquals(expected, store.incompleteComplaints());
        assertEquals(List.of(), ContractStores.fresh(ds).incompleteComplaints(), "another council's rows are not read");
        assertFalse(store.incompleteComplaints().toString().contains(whole.reference()));
    }

    /** Rows whose complaint is gone: only a torn file has them, as the foreign keys keep them out otherwise. */
    @Test
    void findsRowsLeftWithoutTheirComplaint(@TempDir Path dir) throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "sa", "");
        try {
            JdbcComplaintStore store = JdbcComplaintStore.create(pool);
            Complaint gone = Fixtures.receive(Complaints.builder(store).build(), Procedure.CORPORATE,
                    ServiceArea.CORPORATE);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SET REFERENTIAL_INTEGRITY FALSE");
                s.execute("DELETE FROM complaints");
                s.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
            String id = gone.id().value().toString();
            assertEquals(List.of("complaint " + id + ": rows in complaint_events but no complaint",
                    "complaint " + id + ": rows in report_projection but no complaint",
                    "complaint " + id + ": rows in complainants but no complaint"), store.incompleteComplaints());
        } finally {
            pool.dispose();
        }
    }

    private static void update(DataSource ds, String sql, String council, Complaint complaint) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, council);
            Values.setUuid(ps, 2, complaint.id().value());
            assertTrue(ps.executeUpdate() > 0, sql);
        }
    }
}
