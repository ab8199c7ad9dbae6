package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.store.CountQuery;
import uk.councilcomplaints.store.ProjectionRow;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.workflow.Complaints;

/**
 * A database whose schema history ends at version 1 (complaints stored before the report projection)
 * migrates to version 2 with a projection row for every stored event, counting as the histories do; and
 * {@link JdbcComplaintStore#rebuildProjection()} restores a council's lost rows.
 */
class ProjectionMigrationTest {

    private static final int EVENTS_PLAYED = 60;

    @Test
    void aVersion1DatabaseMigratesWithRowsForItsStoredComplaints() throws SQLException {
        DataSource db = TestDatabases.newH2Memory();
        ComplaintsSchema.migrate(db);
        JdbcComplaintStore store = ContractStores.fresh(db);
        SettableClock clock = play(store);
        long events = events(store);
        assertTrue(events >= EVENTS_PLAYED / 2, "played only " + events + " events");
        // back to version 1: the projection and its history entries gone, the complaints kept
        execute(db, "DROP TABLE report_projection",
                "DELETE FROM " + ComplaintsSchema.HISTORY_TABLE + " WHERE version IN ('2', '2.1', '2.2')");
        assertEquals(2, count(db, "SELECT COUNT(*) FROM " + ComplaintsSchema.HISTORY_TABLE));

        ComplaintsSchema.migrate(db);

        assertEquals(ComplaintsSchema.SCRIPTS.size(), count(db, "SELECT COUNT(*) FROM "
                + ComplaintsSchema.HISTORY_TABLE));
        assertEquals(events, count(db, "SELECT COUNT(*) FROM report_projection"));
        assertCountsAsTheHistories(store, clock);
    }

    @Test
    void rebuildingRestoresTheRowsOfComplaintsThatLostThem() throws SQLException {
        DataSource db = TestDatabases.newH2Memory();
        ComplaintsSchema.migrate(db);
        JdbcComplaintStore store = ContractStores.fresh(db);
        JdbcComplaintStore other = ContractStores.fresh(db);
        SettableClock clock = play(store);
        play(other);
        long events = events(store);
        // every row of this council lost; the other council keeps its own
        execute(db, "DELETE FROM report_projection WHERE council_id = '" + store.council() + "'");
        long otherRows = count(db, "SELECT COUNT(*) FROM report_projection");
        assertEquals(events, store.rebuildProjection());
        assertEquals(0, store.rebuildProjection(), "a second rebuild finds nothing to do");
        assertEquals(events + otherRows, count(db, "SELECT COUNT(*) FROM report_projection"));
        assertCountsAsTheHistories(store, clock);
        assertCountsAsTheHistories(other, clock);
    }

    private static SettableClock play(JdbcComplaintStore store) {
        SettableClock clock = new SettableClock(RandomHistories.START);
        Random random = new Random(7);
        List<Integer> steps = IntStream.range(0, EVENTS_PLAYED).mapToObj(i -> random.nextInt(Integer.MAX_VALUE - 1))
                .toList();
        new RandomHistories(Complaints.builder(store).clock(clock).build(), clock).play(steps, true);
        return clock;
    }

    private static long events(JdbcComplaintStore store) {
        try (Stream<ComplaintHistory> all = store.histories()) {
            return all.mapToLong(h -> h.events().size()).sum();
        }
    }

    /** Every grouping, as of every day, known now: the store's counts are the fold of its histories. */
    private static void assertCountsAsTheHistories(JdbcComplaintStore store, SettableClock clock) {
        List<ComplaintHistory> histories;
        try (Stream<ComplaintHistory> all = store.histories()) {
            histories = all.collect(Collectors.toList());
        }
        assertTrue(histories.stream().allMatch(h -> ProjectionRow.ofHistory(h.events()).size() == h.events().size()));
        LocalDate first = LondonDays.dayOf(RandomHistories.START).minusDays(1);
        List<LocalDate> days = first.datesUntil(LondonDays.dayOf(clock.instant()).plusDays(2)).toList();
        for (CountQuery.Dimension d : CountQuery.Dimension.values()) {
            CountQuery q = CountQuery.of(new CountQuery.All(Optional.empty()), java.util.Set.of(d), days,
                    Optional.empty());
            assertEquals(q.count(histories.stream()), store.count(q), q.toString());
        }
    }

    private static void execute(DataSource db, String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static long count(DataSource db, String query) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
