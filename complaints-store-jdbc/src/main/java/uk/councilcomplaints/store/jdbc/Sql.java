package uk.councilcomplaints.store.jdbc;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** The store's SQL: constants built from the column lists, every value a bound parameter. */
final class Sql {

    private Sql() {
    }

    private static final String STATE = String.join(", ", ComplaintColumns.NAMES);
    private static final String EVENT = String.join(", ", EventColumns.ROW);

    static final String SELECT_COMPLAINT = "SELECT id, version, " + STATE + " FROM complaints";

    static final String LOAD = SELECT_COMPLAINT + " WHERE council_id = ? AND id = ?";

    static final String INSERT_COMPLAINT = "INSERT INTO complaints (council_id, id, version, " + STATE + ") VALUES ("
            + marks(3 + ComplaintColumns.NAMES.size()) + ")";

    static final String UPDATE_COMPLAINT = "UPDATE complaints SET version = ?, "
            + ComplaintColumns.MUTABLE.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
            + " WHERE council_id = ? AND id = ? AND version = ?";

    static final String VERSION = "SELECT version FROM complaints WHERE council_id = ? AND id = ?";

    static final String WITH_REFERENCE = "SELECT id FROM complaints WHERE council_id = ? AND reference = ?";

    static final String INSERT_EVENT = "INSERT INTO complaint_events (council_id, " + EVENT + ") VALUES ("
            + marks(1 + EventColumns.ROW.size()) + ")";

    static final String INSERT_REASON = "INSERT INTO event_reasons (council_id, complaint_id, version, reason)"
            + " VALUES (?, ?, ?, ?)";

    private static final String SELECT_EVENT = "SELECT " + EventColumns.SELECTED + EventColumns.WITH_REASONS;

    static final String HISTORY = SELECT_EVENT + " WHERE e.council_id = ? AND e.complaint_id = ? ORDER BY e.version";

    static final String EVENT_AT = SELECT_EVENT + " WHERE e.council_id = ? AND e.complaint_id = ? AND e.version = ?";

    static final String HISTORIES = SELECT_EVENT + " WHERE e.council_id = ? ORDER BY e.complaint_id, e.version";

    /** The histories of the complaints a sub-select (its first parameter the council) names, after the council. */
    static String historiesOf(String complaintIds) {
        return SELECT_EVENT + " WHERE e.council_id = ? AND e.complaint_id IN (" + complaintIds
                + ") ORDER BY e.complaint_id, e.version";
    }

    static final String PERSONAL_DATA = "SELECT complainant_name, email, phone, address, summary FROM complainants"
            + " WHERE council_id = ? AND complaint_id = ?";

    static final String DELETE_PERSONAL_DATA = "DELETE FROM complainants WHERE council_id = ? AND complaint_id = ?";

    static final String INSERT_PERSONAL_DATA = "INSERT INTO complainants"
            + " (council_id, complaint_id, complainant_name, email, phone, address, summary, name_key, plain_name_key,"
            + " email_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** {@code n} parameter marks separated by commas. */
    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
