package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import uk.councilcomplaints.feed.FeedEvent;

/**
 * The SQL of the event feed ({@code event_feed}, {@code feed_counters}): taking a batch's positions, recording them,
 * and reading events after a position.
 */
final class FeedTable {

    private FeedTable() {
    }

    /** H2: adds the batch's size to the council's counter, or starts it, and reads the new last position. */
    static final String H2_TAKE = "SELECT last_position FROM FINAL TABLE (MERGE INTO feed_counters t"
            + " USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS BIGINT))) s (council_id, taken)"
            + " ON t.council_id = s.council_id"
            + " WHEN MATCHED THEN UPDATE SET last_position = t.last_position + s.taken"
            + " WHEN NOT MATCHED THEN INSERT (council_id, last_position) VALUES (s.council_id, s.taken))";

    /** PostgreSQL: the same as an upsert returning the new last position. */
    static final String POSTGRESQL_TAKE = "INSERT INTO feed_counters (council_id, last_position) VALUES (?, ?)"
            + " ON CONFLICT (council_id) DO UPDATE SET last_position = feed_counters.last_position"
            + " + EXCLUDED.last_position RETURNING last_position";

    /** One event's position. */
    static final String INSERT = "INSERT INTO event_feed (council_id, feed_position, complaint_id, version)"
            + " VALUES (?, ?, ?, ?)";

    /** The events after a position (council, position, limit), in position order, without their reasons. */
    static final String AFTER = "SELECT f.feed_position, " + EventColumns.ROW.stream().map(c -> "e." + c)
            .collect(Collectors.joining(", ")) + " FROM event_feed f JOIN complaint_events e"
            + " ON e.council_id = f.council_id AND e.complaint_id = f.complaint_id AND e.version = f.version"
            + " WHERE f.council_id = ? AND f.feed_position > ? ORDER BY f.feed_position LIMIT ?";

    /** Adds a consumer's row at position 0 unless it is there (council, name); both databases. */
    static final String ADD_CONSUMER = "INSERT INTO feed_consumers (council_id, consumer_name, last_position, updated_at)"
            + " SELECT ?, ?, 0, CURRENT_TIMESTAMP WHERE NOT EXISTS (SELECT 1 FROM feed_consumers"
            + " WHERE council_id = ? AND consumer_name = ?)";

    /** A consumer's position, its row locked until the transaction ends, failing at once if another holds it. */
    static final String LOCK_CONSUMER = "SELECT last_position FROM feed_consumers WHERE council_id = ?"
            + " AND consumer_name = ? FOR UPDATE NOWAIT";

    /** A consumer's position, without a lock. */
    static final String CONSUMER_POSITION = "SELECT last_position FROM feed_consumers WHERE council_id = ?"
            + " AND consumer_name = ?";

    /** Moves a consumer on (position, council, name). */
    static final String MOVE_CONSUMER = "UPDATE feed_consumers SET last_position = ?, updated_at = CURRENT_TIMESTAMP"
            + " WHERE council_id = ? AND consumer_name = ?";

    /** The events of {@code council}'s feed after {@code position}, at most {@code limit}, without their reasons. */
    static List<FeedEvent> after(Connection connection, String council, long position, int limit) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(AFTER)) {
            ps.setString(1, council);
            ps.setLong(2, position);
            ps.setInt(3, limit);
            ps.setFetchSize(Math.min(limit, 1000));
            List<FeedEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new FeedEvent(rs.getLong("feed_position"), EventColumns.readWithoutReason(rs, true)));
                }
            }
            return List.copyOf(events);
        }
    }
}
