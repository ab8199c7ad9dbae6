package uk.councilcomplaints.store.jdbc;

import java.util.stream.Collectors;

/**
 * The SQL of {@code complaint_events} ({@link EventColumns}) and {@code event_reasons}: inserting events and
 * their reasons, reading histories (each event with its reason), and erasing the reasons with a complaint's
 * personal data ({@link DataProtectionSql} runs it). {@code complaint_events} is only ever inserted into. The
 * report projection's rebuild reads events with {@link ProjectionTable}'s statements.
 */
final class EventsTable {

    private EventsTable() {
    }

    private static final String EVENT = String.join(", ", EventColumns.ROW);

    static final String INSERT = "INSERT INTO complaint_events (council_id, " + EVENT + ") VALUES ("
            + Values.marks(1 + EventColumns.ROW.size()) + ")";

    /** The {@code event_reasons} row of an event ({@link EventColumns#addReason}). */
    static final String INSERT_REASON = "INSERT INTO event_reasons (council_id, complaint_id, version, reason)"
            + " VALUES (?, ?, ?, ?)";

    /**
     * The select list {@link EventColumns#readRow} reads: every column of {@link EventColumns#ROW} of the event
     * {@code e}, and its reason.
     */
    static final String SELECTED = EventColumns.ROW.stream().map(c -> "e." + c).collect(Collectors.joining(", "))
            + ", r.reason";

    /** The events {@code e}, each with its reason {@code r} if it has one; a query's conditions name {@code e}. */
    static final String WITH_REASONS = " FROM complaint_events e LEFT JOIN event_reasons r ON r.council_id = e.council_id"
            + " AND r.complaint_id = e.complaint_id AND r.version = e.version";

    private static final String SELECT_EVENT = "SELECT " + SELECTED + WITH_REASONS;

    static final String HISTORY = SELECT_EVENT + " WHERE e.council_id = ? AND e.complaint_id = ? ORDER BY e.version";

    static final String EVENT_AT = SELECT_EVENT + " WHERE e.council_id = ? AND e.complaint_id = ? AND e.version = ?";

    static final String HISTORIES = SELECT_EVENT + " WHERE e.council_id = ? ORDER BY e.complaint_id, e.version";

    /** The histories of the complaints a sub-select (its first parameter the council) names, after the council. */
    static String historiesOf(String complaintIds) {
        return SELECT_EVENT + " WHERE e.council_id = ? AND e.complaint_id IN (" + complaintIds
                + ") ORDER BY e.complaint_id, e.version";
    }

    /**
     * The reasons of a complaint's events up to a version replaced (by {@link
     * uk.councilcomplaints.event.ComplaintEvent#ERASED_REASON}): an update of {@code event_reasons} only, so the
     * audit trail in {@code complaint_events} cannot be rewritten through the store.
     */
    static final String ERASE_REASONS = "UPDATE event_reasons SET reason = ?"
            + " WHERE council_id = ? AND complaint_id = ? AND version <= ?";
}
