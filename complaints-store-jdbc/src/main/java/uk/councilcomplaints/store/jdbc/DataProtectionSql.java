package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.SubjectKeys;

/**
 * Data protection's writes: filling the keys of personal data stored before they were kept, and erasing the
 * reasons of a complaint's events with its personal data. The statements are {@link ComplainantsTable}'s and
 * {@link EventsTable#ERASE_REASONS}.
 * Reasons are rows of {@code event_reasons}, apart from the events, so erasing them updates that table only:
 * {@code complaint_events} is only ever inserted into, and the audit trail cannot be rewritten through the store.
 */
final class DataProtectionSql {

    private DataProtectionSql() {
    }

    /** Personal data rows given their keys by one batch of {@link #fillSubjectKeys}. */
    private static final int KEYS_PER_BATCH = 1000;

    /**
     * For each commit that erases personal data, the reasons of its complaint's events before it become
     * {@link ComplaintEvent#ERASED_REASON}; in the append's transaction, after its events are written.
     */
    static void eraseReasons(Connection connection, String council, List<Commit> commits) throws SQLException {
        if (commits.stream().noneMatch(Commit::erasePersonalData)) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(EventsTable.ERASE_REASONS)) {
            for (Commit commit : commits) {
                if (commit.erasePersonalData()) {
                    ps.setString(1, ComplaintEvent.ERASED_REASON);
                    ps.setString(2, council);
                    Values.setUuid(ps, 3, commit.id().value());
                    ps.setLong(4, commit.expectedVersion());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * Gives every personal data row without its {@link SubjectKeys} (stored before schema version 4) its keys;
     * returns how many rows it filled.
     */
    static int fillSubjectKeys(Connection connection) throws SQLException {
        int filled = 0;
        try (PreparedStatement select = connection.prepareStatement(ComplainantsTable.WITHOUT_KEYS);
                PreparedStatement update = connection.prepareStatement(ComplainantsTable.SET_KEYS);
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Complainant named = new Complainant(rs.getString("complainant_name"),
                        Optional.ofNullable(rs.getString("email")), Optional.empty(), Optional.empty());
                SubjectKeys keys = SubjectKeys.of(named);
                update.setString(1, keys.name());
                update.setString(2, keys.plainName());
                Values.setString(update, 3, keys.email().orElse(null));
                update.setString(4, rs.getString("council_id"));
                Values.setUuid(update, 5, Values.getUuid(rs, "complaint_id"));
                update.addBatch();
                if (++filled % KEYS_PER_BATCH == 0) {
                    update.executeBatch();
                }
            }
            if (filled % KEYS_PER_BATCH != 0) {
                update.executeBatch();
            }
        }
        return filled;
    }
}
