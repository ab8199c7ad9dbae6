package uk.councilcomplaints.store.jdbc;

import java.util.List;

/**
 * The SQL of {@code running_clocks}, the work queues' rows ({@link ClockColumns}): replacing a complaint's rows
 * (delete, then insert), and the columns a queue reads. A queue's SELECT is built by {@link ClockStatement},
 * whose text depends on the query's filters.
 */
final class RunningClocksTable {

    private RunningClocksTable() {
    }

    /** The columns after the council, in the order {@link ClockColumns#add} writes them. */
    static final List<String> COLUMNS = List.of("complaint_id", "stage", "kind", "due", "due_date", "at_risk_from",
            "paused_since", "working_days_left", "extension_working_days", "date_agreed", "reference", "status",
            "procedure_code", "service_area_code", "service_area_name", "officer", "team", "received_at", "basis");

    static final String INSERT = "INSERT INTO running_clocks (council_id, " + String.join(", ", COLUMNS)
            + ") VALUES (" + Values.marks(1 + COLUMNS.size()) + ")";

    /** Deletes a complaint's rows. */
    static final String DELETE = "DELETE FROM running_clocks WHERE council_id = ? AND complaint_id = ?";

    /** Every row's columns ({@link ClockColumns#read}); a query adds its conditions. */
    static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM running_clocks";
}
