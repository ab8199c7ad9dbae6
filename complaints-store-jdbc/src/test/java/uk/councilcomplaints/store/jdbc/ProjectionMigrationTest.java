package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.councilcomplaints.store.jdbc.MigrationFixtures.EVENTS_PLAYED;
import static uk.councilcomplaints.store.jdbc.MigrationFixtures.count;
import static uk.councilcomplaints.store.jdbc.MigrationFixtures.execute;
import static uk.councilcomplaints.store.jdbc.MigrationFixtures.histories;
import static uk.councilcomplaints.store.jdbc.MigrationFixtures.play;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.CountQuery;
import uk.councilcomplaints.store.DataSubject;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.ProjectionRow;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Complaints;

/**
 * A database whose schema history ends at version 1 (complaints stored before the report projection, reasons
 * in the events table) migrates to the latest version with a projection row for every stored event, counting
 * as the histories do, and every event's reason kept, and erased by a later erasure; and
 * {@link JdbcComplaintStore#rebuildProjection()} restores a council's lost rows.
 */
class ProjectionMigrationTest {


    @Test
    void aVersion1DatabaseMigratesWithRowsForItsStoredComplaintsAndTheirReasons() throws SQLException {
        DataSource db = TestDatabases.newH2Memory();
        ComplaintsSchema.migrate(db);
        JdbcComplaintStore store = ContractStores.fresh(db);
        SettableClock clock = play(store);
        long events = events(store);
        assertTrue(events >= EVENTS_PLAYED / 2, "played only " + events + " events");
        Map<ComplaintId, List<ComplaintEvent>> before = histories(store);
        long reasons = before.values().stream().flatMap(List::stream).filter(e -> e.reason().isPresent()).count();
        assertTrue(reasons > 0, "played no event with a reason");
        // back to version 1: reasons in the events table, the projection and later history entries gone
        MigrationFixtures.backToVersion11(db);
        assertEquals(2, count(db, "SELECT COUNT(*) FROM " + ComplaintsSchema.HISTORY_TABLE));
        assertEquals(reasons, count(db, "SELECT COUNT(*) FROM complaint_events WHERE reason IS NOT NULL"));

        ComplaintsSchema.migrate(db);

        assertEquals(ComplaintsSchema.SCRIPTS.size(), count(db, "SELECT COUNT(*) FROM "
                + ComplaintsSchema.HISTORY_TABLE));
        assertEquals(events, count(db, "SELECT COUNT(*) FROM report_projection"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM complainants WHERE name_key IS NULL"),
                "every complainant stored before version 4 has its subject access keys");
        String name;
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT complainant_name FROM complainants")) {
            assertTrue(rs.next(), "complainants were stored before the migration");
            name = rs.getString(1);
        }
        assertFalse(store.find(ComplaintQuery.builder().subject(DataSubject.named(name.toUpperCase(Locale.ROOT)))
                .build()).items().isEmpty(), "found by the keys the migration computed");
        assertCountsAsTheHistories(store, clock);
        assertEquals(before, histories(store), "every event, its reason included, reads back after the migration");

        // a later erasure erases the reasons written before the migration
        ComplaintId erased = before.entrySet().stream()
                .filter(h -> h.getValue().stream().anyMatch(e -> e.reason().isPresent()
                        && !e.reason().get().equals(ComplaintEvent.ERASED_REASON)))
                .filter(h -> !store.load(h.getKey()).orElseThrow().personalDataErased())
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Complaints.builder(store).clock(clock).build().anonymise(erased, Audit.by("dpo").because("subject asked"));
        List<ComplaintEvent> earlier = before.get(erased);
        assertEquals(earlier.stream().map(ComplaintEvent::withReasonErased).toList(),
                store.history(erased).subList(0, earlier.size()));
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

    /** The backfill after version 2 tells each council it committed, and every so many complaints. */
    @Test
    void theBackfillReportsItsProgressPerCouncilAndEveryNComplaints() throws SQLException {
        DataSource db = TestDatabases.newH2Memory();
        ComplaintsSchema.migrate(db);
        JdbcComplaintStore one = ContractStores.fresh(db);
        JdbcComplaintStore two = ContractStores.fresh(db);
        play(one);
        play(two);
        long complaints = count(db, "SELECT COUNT(*) FROM complaints");
        long events = events(one) + events(two);
        execute(db, "DELETE FROM report_projection");

        List<String> progress = new java.util.ArrayList<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            ComplaintsSchema.buildProjection(c, 5, progress::add);
        }

        assertEquals(events, count(db, "SELECT COUNT(*) FROM report_projection"));
        List<String> councils = progress.stream().filter(line -> line.contains("committed")).toList();
        assertEquals(2, councils.size(), progress.toString());
        assertTrue(councils.get(0).contains("(1 of 2 councils)"), councils.get(0));
        assertTrue(councils.get(1).contains("(2 of 2 councils)"), councils.get(1));
        long every5 = progress.stream().filter(line -> line.endsWith("complaints built so far")).count();
        assertEquals(complaints / 5, every5, progress.toString());
        assertTrue(progress.get(0).contains(complaints + " stored complaints in 2 councils"), progress.get(0));
    }

    private static long events(JdbcComplaintStore store) {
        try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
            return all.mapToLong(h -> h.events().size()).sum();
        }
    }

    /** Every grouping, as of every day, known now: the store's counts are the fold of its histories. */
    private static void assertCountsAsTheHistories(JdbcComplaintStore store, SettableClock clock) {
        List<ComplaintHistory> histories;
        try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
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
}
