package uk.councilcomplaints.store.jdbc;

import java.util.List;

/**
 * The SQL of {@code report_projection}: inserting a row ({@link ProjectionRows#add}), closing a complaint's last
 * row when its next events come, and the rebuild's statements ({@link ProjectionRows#rebuild}), which lock rows
 * of {@code complaints} and read {@code complaint_events} too. The counts of a report and the complaints a
 * history filter wants are built by {@link ProjectionSql}, whose text depends on the query's shape.
 */
final class ProjectionTable {

    private ProjectionTable() {
    }

    static final String INSERT = "INSERT INTO report_projection (council_id, complaint_id, version, occurred_at,"
            + " recorded_at, next_occurred_at, next_recorded_at, status, bucket, classification, procedure_code, stage,"
            + " service_area_code, service_area_name, officer, team, received_day) VALUES (" + Values.marks(17) + ")";

    static final String CLOSE = "UPDATE report_projection SET next_occurred_at = ?, next_recorded_at = ?"
            + " WHERE council_id = ? AND complaint_id = ? AND version = ?";

    private static final String WITHOUT_FIRST_ROW = " NOT EXISTS (SELECT 1 FROM report_projection p"
            + " WHERE p.council_id = e.council_id AND p.complaint_id = e.complaint_id AND p.version = 1)";

    /**
     * Locks the complaints a rebuild builds rows for, as an append's version update does: an append to one of
     * them waits for the rebuild to commit, and the rebuild waits for an append in flight.
     */
    private static final String LOCK_WITHOUT_FIRST_ROW = "SELECT e.id FROM complaints e WHERE NOT EXISTS (SELECT 1"
            + " FROM report_projection p WHERE p.council_id = e.council_id AND p.complaint_id = e.id AND p.version = 1)";

    private static final String DELETE_PARTIAL = "DELETE FROM report_projection WHERE NOT EXISTS (SELECT 1"
            + " FROM report_projection p WHERE p.council_id = report_projection.council_id"
            + " AND p.complaint_id = report_projection.complaint_id AND p.version = 1)";

    private static String eventsWithoutRows(List<String> columns) {
        return "SELECT e.council_id, " + String.join(", ", columns.stream().map(c -> "e." + c).toList())
                + " FROM complaint_events e WHERE" + WITHOUT_FIRST_ROW;
    }

    private static final String ORDER = " ORDER BY e.council_id, e.complaint_id, e.version";

    /** Locks the complaints without their first row, of one council (its parameter) or of every council. */
    static String lockWithoutFirstRow(boolean oneCouncil) {
        return LOCK_WITHOUT_FIRST_ROW + (oneCouncil ? " AND e.council_id = ?" : "") + " FOR UPDATE";
    }

    /** Deletes the rows of complaints without their first row, of one council (its parameter) or of every council. */
    static String deletePartial(boolean oneCouncil) {
        return DELETE_PARTIAL + (oneCouncil ? " AND council_id = ?" : "");
    }

    /**
     * The events ({@link EventColumns#ROW} after the council, or its columns before schema version 7 without
     * {@code recordKeeping}) of the complaints without their first row, of one council (its parameter) or of every
     * council, ordered by council, complaint and version.
     */
    static String eventsWithoutRows(boolean oneCouncil, boolean recordKeeping) {
        return eventsWithoutRows(recordKeeping ? EventColumns.ROW : EventColumns.ROW_BEFORE_V7) + (oneCouncil ? " AND e.council_id = ?" : "") + ORDER;
    }
}
