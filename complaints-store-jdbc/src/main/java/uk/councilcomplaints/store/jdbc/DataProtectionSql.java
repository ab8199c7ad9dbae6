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
import uk.councilcomplaints.store.DataSubject;
import uk.councilcomplaints.store.SubjectKeys;

/**
 * The SQL of data protection: the column each {@link DataSubject.Key} is kept in (subject access is a
 * {@code find} on it), filling the keys of personal data stored before they were kept, and erasing the reasons
 * of a complaint's events with its personal data.
 * Reasons are rows of {@code event_reasons}, apart from the events, so erasing them updates that table only:
 * {@code complaint_events} is only ever inserted into, and the audit trail cannot be rewritten through the store.
 */
final class DataProtectionSql {

    private DataProtectionSql() {
    }

    private static final String WITHOUT_KEYS = "SELECT council_id, complaint_id, complainant_name, email"
            + " FROM complainants WHERE name_key IS NULL";

    private static final String SET_KEYS = "UPDATE complainants SET name_key = ?, plain_name_key = ?, email_key = ?"
            + " WHERE council_id = ? AND complaint_id = ?";

    /** Personal data rows given their keys by one batch of {@link #fillSubjectKeys}. */
    private static final int KEYS_PER_BATCH = 1000;

    private static final String ERASE_REASONS = "UPDATE event_reasons SET reason = ?"
            + " WHERE council_id = ? AND complaint_id = ? AND version <= ?";

    /**
     * For each commit that erases personal data, the reasons of its complaint's events before it become
     * {@link ComplaintEvent#ERASED_REASON}; in the append's transaction, after its events are written.
     */
    static void eraseReasons(Connection connection, String council, List<Commit> commits) throws SQLException {
        if (commits.stream().noneMatch(Commit::erasePersonalData)) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(ERASE_REASONS)) {
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

    /** The column of {@code complainants} holding {@code key}. */
    static String keyColumn(DataSubject.Key key) {
        return switch (key) {
            case NAME -> "name_key";
            case PLAIN_NAME -> "plain_name_key";
            case EMAIL -> "email_key";
        };
    }

    /**
     * Gives every personal data row without its {@link SubjectKeys} (stored before schema version 4) its keys;
     * returns how many rows it filled.
     */
    static int fillSubjectKeys(Connection connection) throws SQLException {
        int filled = 0;
        try (PreparedStatement select = connection.prepareStatement(WITHOUT_KEYS);
                PreparedStatement update = connection.prepareStatement(SET_KEYS);
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
