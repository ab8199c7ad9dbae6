package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** SQL the migration tests send by hand: taking a database back to version 1.1, statements, counts. */
final class MigrationSql {

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

    private MigrationSql() {
    }

    /**
     * Takes a migrated database back to schema version 1.1, its data kept: reasons in the events table, no report
     * projection, no subject access keys, and the history of the later scripts gone.
     */
    static void backToVersion11(DataSource db) throws SQLException {
        execute(db, STATEMENTS.toArray(String[]::new));
    }

    static void execute(DataSource db, String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** The number the query's first column gives. */
    static long count(DataSource db, String query) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
