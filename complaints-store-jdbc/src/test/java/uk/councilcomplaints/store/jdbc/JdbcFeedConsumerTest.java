package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.feed.FeedEvent;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * A feed consumer on H2 and PostgreSQL: its own writes are stored with its position or not at all, a failed
 * handler leaves the position so the events come again, two instances of one name never handle events at once,
 * and consumers of other names and councils keep their own positions.
 */
class JdbcFeedConsumerTest {

    private static DataSource database(String db) {
        return db.equals("h2") ? TestDatabases.h2Memory() : TestDatabases.postgres(true);
    }

    private record Fixture(DataSource ds, JdbcComplaintStore store, Complaints complaints) {
    }

    private static Fixture fixture(String db, int complaintsToReceive) throws SQLException {
        DataSource ds = database(db);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS letters_sent (council_id VARCHAR(64) NOT NULL,"
                    + " complaint_id UUID NOT NULL, version BIGINT NOT NULL,"
                    + " PRIMARY KEY (council_id, complaint_id, version))");
        }
        JdbcComplaintStore store = ContractStores.fresh(ds);
        Complaints complaints = Complaints.builder(store).clock(SettableClock.at("2022-05-03T09:00:00Z")).build();
        for (int i = 0; i < complaintsToReceive; i++) {
            Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
            complaints.execute(c.id(), Command.Triage.asReceived(), Fixtures.OFFICER);
        }
        return new Fixture(ds, store, complaints);
    }

    private static void recordLetters(List<FeedEvent> events, Connection tx, String council) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "INSERT INTO letters_sent (council_id, complaint_id, version) VALUES (?, ?, ?)")) {
            for (FeedEvent e : events) {
                ps.setString(1, council);
                ps.setObject(2, e.event().complaintId().value());
                ps.setLong(3, e.event().version());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static long letters(Fixture f) throws SQLException {
        try (Connection c = f.ds().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM letters_sent WHERE council_id = ?")) {
            ps.setString(1, f.store().council());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void itsOwnWritesAreStoredWithItsPositionOrNotAtAll(String db) throws Exception {
        Fixture f = fixture(db, 3); // six events
        JdbcFeedConsumer letters = JdbcFeedConsumer.of(f.ds(), f.store(), "letters", 4);
        FeedConsumerException failed = assertThrows(FeedConsumerException.class, () -> letters.poll((events, tx) -> {
            recordLetters(events, tx, f.store().council());
            throw new IllegalStateException("Notify is down");
        }));
        assertEquals("Notify is down", failed.getCause().getMessage());
        assertEquals(0, letters.position(), "the position did not move");
        assertEquals(0, letters(f), "the letters written before the failure went with it");

        assertEquals(4, letters.poll((events, tx) -> recordLetters(events, tx, f.store().council())));
        assertEquals(4, letters.position());
        assertEquals(2, letters.poll((events, tx) -> recordLetters(events, tx, f.store().council())));
        assertEquals(0, letters.poll((events, tx) -> recordLetters(events, tx, f.store().council())), "up to date");
        assertEquals(6, letters(f), "each event's letter once");

        JdbcFeedConsumer warehouse = JdbcFeedConsumer.of(f.ds(), f.store(), "warehouse", 100);
        assertEquals(6, warehouse.poll((events, tx) -> { }), "another name starts at the beginning");
        Fixture other = fixture(db, 1);
        assertEquals(2, JdbcFeedConsumer.of(other.ds(), other.store(), "letters", 100).poll((events, tx) -> { }),
                "another council's consumer of the same name sees its own feed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void twoInstancesOfOneNameNeverHandleEventsAtOnce(String db) throws Exception {
        Fixture f = fixture(db, 2);
        JdbcFeedConsumer first = JdbcFeedConsumer.of(f.ds(), f.store(), "crm", 100);
        JdbcFeedConsumer second = JdbcFeedConsumer.of(f.ds(), f.store(), "crm", 100);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Long> handledByFirst = new ArrayList<>();
        CompletableFuture<Integer> polling = CompletableFuture.supplyAsync(() -> first.poll((events, tx) -> {
            events.forEach(e -> handledByFirst.add(e.position()));
            inside.countDown();
            release.await(30, TimeUnit.SECONDS);
        }));
        inside.await(30, TimeUnit.SECONDS);
        assertEquals(0, second.poll((events, tx) -> {
            throw new AssertionError("the second instance handled " + events.size() + " events at once");
        }), "the first holds the consumer");
        release.countDown();
        assertEquals(4, polling.get(30, TimeUnit.SECONDS));
        assertEquals(List.of(1L, 2L, 3L, 4L), handledByFirst);
        Complaint more = Fixtures.receive(f.complaints(), Procedure.CORPORATE, ServiceArea.CORPORATE);
        assertEquals(1, second.poll((events, tx) -> assertEquals(more.id(), events.get(0).event().complaintId())),
                "the second goes on from where the first left");
    }
}
