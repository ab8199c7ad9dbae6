package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@link JdbcComplaintStore#incompleteComplaints}: a council's complaints whose rows disagree with each
 * other, and rows whose complaint is missing. The store's own transactions never leave either; a file that kept
 * part of a transaction after a kill does (docs/reliability.md, Faults).
 */
final class ConsistencyCheck {

    /** A complaint's version against its events and report rows, and its personal data unless erased. */
    static final String COMPLAINTS = "SELECT c.reference, c.version,"
            + " (SELECT COUNT(*) FROM complaint_events e WHERE e.council_id = c.council_id AND e.complaint_id = c.id),"
            + " (SELECT COUNT(*) FROM report_projection p WHERE p.council_id = c.council_id"
            + " AND p.complaint_id = c.id),"
            + " c.personal_data_erased OR EXISTS (SELECT 1 FROM complainants d WHERE d.council_id = c.council_id"
            + " AND d.complaint_id = c.id)"
            + " FROM complaints c WHERE c.council_id = ? ORDER BY c.reference";

    /** The complaint ids that rows of {@code table} name and {@code complaints} lacks. */
    private static String orphans(String table) {
        return "SELECT DISTINCT t.complaint_id FROM " + table + " t WHERE t.council_id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM complaints c WHERE c.council_id = t.council_id AND c.id = t.complaint_id)"
                + " ORDER BY t.complaint_id";
    }

    private static final List<String> ROW_TABLES = List.of("complaint_events", "report_projection", "complainants");

    private ConsistencyCheck() {
    }

    /** What a file torn with rows still locked by its dead transaction shows instead (reads of them time out). */
    static final String LOCKED = "rows locked by a transaction that neither committed nor rolled back: the process"
            + " was killed while the database saved it";

    /**
     * One line for each complaint whose rows disagree and each complaint id with rows but no complaint; or
     * {@link #LOCKED} alone.
     */
    static List<String> run(Connection connection, String council) throws SQLException {
        try {
            return check(connection, council);
        } catch (SQLException e) {
            if (Jdbc.isLockNotAvailable(e)) {
                return List.of(LOCKED);
            }
            throw e;
        }
    }

    private static List<String> check(Connection connection, String council) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(COMPLAINTS)) {
            ps.setString(1, council);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long version = rs.getLong(2);
                    long events = rs.getLong(3);
                    long reportRows = rs.getLong(4);
                    List<String> wrong = new ArrayList<>();
                    if (events != version) {
                        wrong.add(events + " events for version " + version);
                    }
                    if (reportRows != events) {
                        wrong.add(reportRows + " report rows for " + events + " events");
                    }
                    if (!rs.getBoolean(5)) {
                        wrong.add("no personal data, yet not erased");
                    }
                    if (!wrong.isEmpty()) {
                        found.add(rs.getString(1) + ": " + String.join("; ", wrong));
                    }
                }
            }
        }
        for (String table : ROW_TABLES) {
            try (PreparedStatement ps = connection.prepareStatement(orphans(table))) {
                ps.setString(1, council);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add("complaint " + rs.getObject(1) + ": rows in " + table + " but no complaint");
                    }
                }
            }
        }
        return List.copyOf(found);
    }
}
