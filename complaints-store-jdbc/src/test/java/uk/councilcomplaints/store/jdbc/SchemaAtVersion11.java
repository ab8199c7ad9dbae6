package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Takes a migrated database back to schema version 1.1, its data kept: reasons in the events table, no report
 * projection, no subject access keys, and the history of the later scripts gone. For migration tests.
 */
final class SchemaAtVersion11 {

    private static final List<String> STATEMENTS = List.of(
            "ALTER TABLE complaint_events ADD COLUMN reason VARCHAR(4000)",
            "UPDATE complaint_events SET reason = (SELECT r.reason FROM event_reasons r"
                    + " WHERE r.council_id = complaint_events.council_id"
                    + " AND r.complaint_id = complaint_events.complaint_id AND r.version = complaint_events.version)",
            "DROP TABLE event_reasons", "DROP TABLE report_projection",
            "DROP INDEX complainants_name_key", "DROP INDEX complainants_plain_name_key",
            "DROP INDEX complainants_email_key", "ALTER TABLE complainants DROP COLUMN name_key",
            "ALTER TABLE complainants DROP COLUMN plain_name_key", "ALTER TABLE complainants DROP COLUMN email_key",
            "DELETE FROM " + ComplaintsSchema.HISTORY_TABLE + " WHERE version NOT IN ('1', '1.1')");

    private SchemaAtVersion11() {
    }

    static void restore(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : STATEMENTS) {
                s.execute(statement);
            }
        }
    }
}
