package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * A store given a {@link TransactionJoin} works inside the application's transaction: its writes are committed or
 * rolled back with the application's own, and a write the store refuses leaves nothing of itself behind while the
 * application's transaction stays usable (on PostgreSQL too, where a failed statement would otherwise abort it).
 */
class JdbcTransactionJoinTest {

    private static final String NOTES = "CREATE TABLE IF NOT EXISTS join_test_notes (council_id VARCHAR(64) NOT NULL,"
            + " note VARCHAR(100) NOT NULL)";
    private static final List<String> STORE_TABLES = List.of("complaints", "complaint_events", "complainants",
            "report_projection", "running_clocks");

    /** The shared migrated database of {@code dialect}, with the application's own table. */
    private static DataSource database(Dialect dialect) throws SQLException {
        DataSource ds = dialect == Dialect.H2 ? TestDatabases.h2Memory() : TestDatabases.postgres(true);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(NOTES);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return ds;
    }

    /** A join that hands out {@code active}'s connection while it is set, for {@code ds} only. */
    private static TransactionJoin joining(DataSource ds, AtomicReference<Connection> active) {
        return dataSource -> dataSource == ds ? Optional.ofNullable(active.get()) : Optional.empty();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void joinedWritesAreCommittedOrRolledBackWithTheApplicationsTransaction(Dialect dialect) throws SQLException {
        DataSource ds = database(dialect);
        String council = TestDatabases.freshCouncil();
        AtomicReference<Connection> active = new AtomicReference<>();
        SettableClock clock = SettableClock.at("2024-03-04T10:00:00Z");
        Complaints joined = Complaints.builder(JdbcComplaintStore.builder(ds).council(council).clock(clock)
                .schema(SchemaMode.VALIDATE).transactionJoin(joining(ds, active)).build()).clock(clock).build();
        JdbcComplaintStore outside = JdbcComplaintStore.builder(ds).council(council).schema(SchemaMode.NONE).build();

        try (Connection tx = ds.getConnection()) {
            tx.setAutoCommit(false);
            active.set(tx);
            Complaint received = Fixtures.receive(joined, Procedure.CORPORATE, ServiceArea.CORPORATE);
            Complaint triaged = joined.execute(received.id(), Command.Triage.asReceived(), Fixtures.OFFICER);
            assertEquals(Status.TRIAGED, joined.get(received.id()).status(), "the transaction reads its own writes");
            assertEquals(2, triaged.version());
            assertEquals(Optional.empty(), outside.load(received.id()), "nothing committed yet");
            assertFalse(tx.isClosed(), "the store does not close the joined connection");
            assertFalse(tx.getAutoCommit(), "nor touch its autocommit");

            tx.rollback();
            assertEquals(Optional.empty(), outside.load(received.id()), "rolled back with the application's");
            assertEquals(Optional.empty(), joined.find(received.id()));

            Complaint kept = Fixtures.receive(joined, Procedure.CORPORATE, ServiceArea.CORPORATE);
            assertEquals(Optional.empty(), outside.load(kept.id()));
            tx.commit();
            assertEquals(Optional.of(kept), outside.load(kept.id()), "committed with the application's");
        } finally {
            active.set(null);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aWriteTheStoreRefusesLeavesNoRowsAndTheTransactionUsable(Dialect dialect) throws SQLException {
        DataSource ds = database(dialect);
        String council = TestDatabases.freshCouncil();
        AtomicReference<Connection> active = new AtomicReference<>();
        SettableClock clock = SettableClock.at("2024-03-04T10:00:00Z");
        SettableClock storeClock = SettableClock.at("2024-03-04T10:00:00Z");
        Complaints complaints = Complaints.builder(JdbcComplaintStore.builder(ds).council(council).clock(storeClock)
                .settleWindow(Duration.ofMinutes(1)).schema(SchemaMode.VALIDATE).transactionJoin(joining(ds, active))
                .build()).clock(clock).build();
        Complaint first = complaints.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE,
                clock.instant()).withReference("OWN-1"), Fixtures.OFFICER);

        try (Connection tx = ds.getConnection()) {
            tx.setAutoCommit(false);
            active.set(tx);
            note(tx, council, "before");
            Map<String, Integer> before = new HashMap<>();
            for (String table : STORE_TABLES) {
                before.put(table, count(tx, table, council));
            }
            // a duplicate key: a failed INSERT, which on PostgreSQL aborts the transaction unless rolled back to
            // the store's savepoint
            assertThrows(DuplicateReferenceException.class, () -> complaints.receive(Fixtures.contact(
                    Procedure.CORPORATE, ServiceArea.CORPORATE, clock.instant()).withReference("OWN-1"),
                    Fixtures.OFFICER));
            // too late: every row written, then refused by the settle window's check
            storeClock.advance(Duration.ofMinutes(5));
            assertThrows(CommitTooLateException.class,
                    () -> complaints.execute(first.id(), Command.Triage.asReceived(), Fixtures.OFFICER));
            assertThrows(CommitTooLateException.class,
                    () -> Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE));
            for (String table : STORE_TABLES) {
                assertEquals(before.get(table), count(tx, table, council),
                        table + ": only the first complaint's rows, seen from inside the transaction");
            }
            note(tx, council, "after");
            tx.commit();
        } finally {
            active.set(null);
        }
        try (Connection c = ds.getConnection()) {
            assertEquals(2, count(c, "join_test_notes", council), "the application's rows committed");
            assertEquals(1, count(c, "complaints", council));
        }
        assertEquals(first, complaints.get(first.id()), "the first complaint as it was");
        assertTrue(complaints.findByReference("OWN-1").isPresent());
    }

    private static void note(Connection tx, String council, String note) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO join_test_notes (council_id, note) VALUES (?, ?)")) {
            ps.setString(1, council);
            ps.setString(2, note);
            ps.executeUpdate();
        }
    }

    private static int count(Connection c, String table, String council) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE council_id = ?")) {
            ps.setString(1, council);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
