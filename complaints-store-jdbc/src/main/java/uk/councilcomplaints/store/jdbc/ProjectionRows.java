package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.store.ProjectionRow;

/**
 * The rows of {@code report_projection}: written with each append, closed when the complaint's next events
 * come, and rebuilt from the events for complaints that lack their first row (stored before the table
 * existed, or appended to before it was filled). A rebuild locks those complaints' rows in {@code complaints}
 * first, so appends to them on any node wait for it, or it for them. The statements are
 * {@link ProjectionTable}'s.
 */
final class ProjectionRows {

    private ProjectionRows() {
    }

    /** Adds {@code row} of {@code council} to {@code insert}'s batch. */
    static void add(RowWriter insert, String council, ProjectionRow row) throws SQLException {
        insert.setString(council);
        insert.setUuid(row.complaintId().value());
        insert.setLong(row.version());
        insert.setInstant(row.occurredAt());
        insert.setInstant(row.recordedAt());
        insert.setInstant(row.nextOccurredAt().orElse(null));
        insert.setInstant(row.nextRecordedAt().orElse(null));
        insert.setEnum(row.status());
        insert.setEnum(row.bucket());
        insert.setEnum(row.classification());
        insert.setEnum(row.procedure());
        insert.setInt(row.stage().number());
        insert.setString(row.serviceArea().code());
        insert.setString(row.serviceArea().name());
        insert.setString(row.officer().orElse(null));
        insert.setString(row.team().orElse(null));
        insert.setDate(row.receivedDay());
        insert.endRow();
    }

    /**
     * Builds the rows of every complaint (of {@code council}, or of every council) that lacks its first row,
     * from its events, first deleting any rows it has; returns how many rows were written.
     */
    static int rebuild(Connection connection, Optional<String> council) throws SQLException {
        return rebuild(connection, council, true, () -> { });
    }

    /** As {@link #rebuild(Connection, Optional)}, telling {@code complaintBuilt} of each complaint whose rows it adds. */
    static int rebuild(Connection connection, Optional<String> council, boolean recordKeeping, Runnable complaintBuilt)
            throws SQLException {
        // first the locks, so that the events read below are every event those complaints will have until commit
        try (PreparedStatement lock = connection.prepareStatement(
                ProjectionTable.lockWithoutFirstRow(council.isPresent()))) {
            if (council.isPresent()) {
                lock.setString(1, council.get());
            }
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    // each row read is locked
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(
                ProjectionTable.deletePartial(council.isPresent()))) {
            if (council.isPresent()) {
                delete.setString(1, council.get());
            }
            delete.executeUpdate();
        }
        int written = 0;
        int flushed = 0;
        try (PreparedStatement select = connection.prepareStatement(
                ProjectionTable.eventsWithoutRows(council.isPresent(), recordKeeping));
                RowWriter insert = StatementRows.prepare(connection, ProjectionTable.INSERT)) {
            if (council.isPresent()) {
                select.setString(1, council.get());
            }
            select.setFetchSize(500);
            try (ResultSet rs = select.executeQuery()) {
                String owner = null;
                List<ComplaintEvent> events = new ArrayList<>();
                while (rs.next()) {
                    String rowCouncil = rs.getString("council_id");
                    ComplaintEvent event = EventColumns.readWithoutReason(rs, recordKeeping);
                    if (!events.isEmpty() && (!rowCouncil.equals(owner)
                            || !event.complaintId().equals(events.get(0).complaintId()))) {
                        written += addHistory(insert, owner, events);
                        complaintBuilt.run();
                        if (written - flushed >= 1000) {
                            insert.executeBatch();
                            flushed = written;
                        }
                    }
                    owner = rowCouncil;
                    events.add(event);
                }
                if (!events.isEmpty()) {
                    written += addHistory(insert, owner, events);
                    complaintBuilt.run();
                }
            }
            if (written > flushed) {
                insert.executeBatch();
            }
        }
        return written;
    }

    /** Adds the rows of one history to the batch and empties {@code events}; returns how many. */
    private static int addHistory(RowWriter insert, String council, List<ComplaintEvent> events)
            throws SQLException {
        List<ProjectionRow> rows = ProjectionRow.ofHistory(events);
        for (ProjectionRow row : rows) {
            add(insert, council, row);
        }
        events.clear();
        return rows.size();
    }
}
