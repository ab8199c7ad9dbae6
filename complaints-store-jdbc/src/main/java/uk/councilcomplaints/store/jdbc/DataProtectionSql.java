package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.DataSubject;

/**
 * The queries of data protection, each within one council: the complaints whose personal data names a data
 * subject, and the closed complaints whose personal data is still held (the retention candidates, through the
 * index on the latest event's time); and erasing the reasons of a complaint's events with its personal data.
 * Reasons are rows of {@code event_reasons}, apart from the events, so erasing them updates that table only:
 * {@code complaint_events} is only ever inserted into, and the audit trail cannot be rewritten through the store.
 */
final class DataProtectionSql {

    private DataProtectionSql() {
    }

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

    /** Folds A to Z to lower case as {@link DataSubject#fold} does, in H2 and PostgreSQL alike. */
    private static String folded(String column) {
        return "TRANSLATE(" + column + ", '" + UPPER + "', '" + LOWER + "')";
    }

    private static final String BY_EMAIL = "SELECT complaint_id FROM complainants WHERE council_id = ? AND "
            + folded("email") + " = ?";

    private static final String BY_NAME = "SELECT complaint_id FROM complainants WHERE council_id = ? AND "
            + folded("complainant_name") + " = ?";

    private static final String CLOSED_STATUSES = Stream.of(Status.values()).filter(s -> !s.open())
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private static final String CLOSED_WITH_PERSONAL_DATA = Sql.SELECT_COMPLAINT
            + " WHERE council_id = ? AND last_occurred_at < ? AND personal_data_erased = FALSE AND status IN ("
            + CLOSED_STATUSES + ")";

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

    static List<ComplaintId> complaintsOf(Connection connection, String council, DataSubject subject)
            throws SQLException {
        String sql = subject.field() == DataSubject.Field.EMAIL ? BY_EMAIL : BY_NAME;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, council);
            ps.setString(2, DataSubject.fold(subject.value()));
            List<ComplaintId> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(new ComplaintId(Values.getUuid(rs, "complaint_id")));
                }
            }
            return List.copyOf(ids);
        }
    }

    static List<Complaint> closedWithPersonalData(Connection connection, String council, Instant lastEventBefore)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(CLOSED_WITH_PERSONAL_DATA)) {
            ps.setString(1, council);
            Values.setInstant(ps, 2, lastEventBefore);
            List<Complaint> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(ComplaintColumns.read(rs));
                }
            }
            return List.copyOf(found);
        }
    }
}
