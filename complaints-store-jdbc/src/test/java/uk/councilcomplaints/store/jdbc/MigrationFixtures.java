package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.workflow.Complaints;

/**
 * What the migration tests share: stored histories to migrate, a way back to schema version 1.1, and the
 * statements and counts they send by hand.
 */
final class MigrationFixtures {

    /** How many random steps {@link #play} takes. */
    static final int EVENTS_PLAYED = 60;

    private static final List<String> STATEMENTS = List.of("DROP TABLE event_feed", "DROP TABLE feed_counters",
            "DROP TABLE feed_consumers",
            "DROP TABLE running_clocks",
            "ALTER TABLE complaint_events ADD COLUMN reason VARCHAR(4000)",
            "UPDATE complaint_events SET reason = (SELECT r.reason FROM event_reasons r"
                    + " WHERE r.council_id = complaint_events.council_id"
                    + " AND r.complaint_id = complaint_events.complaint_id AND r.version = complaint_events.version)",
            "DROP TABLE event_reasons", "DROP TABLE report_projection",
            "DROP INDEX complainants_name_key", "DROP INDEX complainants_plain_name_key",
            "DROP INDEX complainants_email_key", "ALTER TABLE complainants DROP COLUMN name_key",
            "ALTER TABLE complainants DROP COLUMN plain_name_key", "ALTER TABLE complainants DROP COLUMN email_key",
            "DELETE FROM " + ComplaintsSchema.HISTORY_TABLE + " WHERE version NOT IN ('1', '1.1')");

    private MigrationFixtures() {
    }

    /** Plays the same random histories into {@code store}; returns the clock they were recorded on. */
    static SettableClock play(JdbcComplaintStore store) {
        SettableClock clock = new SettableClock(RandomHistories.START);
        Random random = new Random(7);
        List<Integer> steps = IntStream.range(0, EVENTS_PLAYED).mapToObj(i -> random.nextInt(Integer.MAX_VALUE - 1))
                .toList();
        new RandomHistories(Complaints.builder(store).clock(clock).build(), clock).play(steps, true);
        return clock;
    }

    /** Every complaint's events, by complaint. */
    static Map<ComplaintId, List<ComplaintEvent>> histories(JdbcComplaintStore store) {
        try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
            return all.collect(Collectors.toMap(ComplaintHistory::id, ComplaintHistory::events));
        }
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
