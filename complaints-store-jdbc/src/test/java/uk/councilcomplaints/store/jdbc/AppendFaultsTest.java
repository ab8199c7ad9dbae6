package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.councilcomplaints.ComplaintsException;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.BatchFailedException;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Batch;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * A failure at any point of an append (a statement refused, the connection lost before a statement or a commit
 * reaches the server, or lost after it ran) leaves no partial complaint: every table of the council is as
 * before, or, when the commit went through before the connection was lost, holds the whole change. The store
 * throws a clear exception with the driver's as its cause, and the same operation then succeeds. Each kind of
 * append (a new contact with a generated reference, a command, an erasure, a batch) is failed at every step it
 * takes, on H2 and PostgreSQL.
 */
class AppendFaultsTest {

    /** Tables of the council, read as sorted rows of text, the reference sequence apart (it may have moved on). */
    private static final List<String> TABLES = List.of("complaints", "complaint_events", "complainants",
            "report_projection", "running_clocks");

    /** One kind of append on a prepared scene; returns the complaints it touched. */
    private record Operation(String name, Function<Scene, List<ComplaintId>> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A council with three complaints, one of them with personal data erased, over a faulty data source. */
    private static final class Scene {
        final FaultyDataSource faulty;
        final JdbcComplaintStore store;
        final SettableClock clock = SettableClock.at("2022-02-07T09:00:00Z");
        final Complaints complaints;
        final Complaint target;
        final Complaint other;

        Scene(DataSource database) {
            faulty = new FaultyDataSource(database);
            store = JdbcComplaintStore.builder(faulty).council(TestDatabases.freshCouncil())
                    .schema(SchemaMode.NONE).noSettleWindow().build();
            complaints = Complaints.builder(store).clock(clock).build();
            target = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
            other = Fixtures.receive(complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS);
            Complaint erased = Fixtures.receive(complaints, Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS);
            complaints.execute(erased.id(), new Command.ErasePersonalData(), Audit.by("dpo").because("asked"));
            clock.advance(Duration.ofHours(1));
        }
    }

    static final List<Operation> OPERATIONS = List.of(
            new Operation("receive with a generated reference", s -> List.of(Fixtures.receive(s.complaints,
                    Procedure.CORPORATE, ServiceArea.CORPORATE).id())),
            new Operation("receive with the council's reference", s -> List.of(s.complaints.receive(
                    Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE, s.clock.instant())
                            .withReference("OWN/1"), Fixtures.OFFICER).id())),
            new Operation("acknowledge", s -> List.of(s.complaints.execute(s.target.id(), new Command.Acknowledge(),
                    Fixtures.OFFICER).id())),
            new Operation("erase personal data", s -> List.of(s.complaints.execute(s.target.id(),
                    new Command.ErasePersonalData(), Audit.by("dpo").because("retention")).id())),
            new Operation("a batch", s -> {
                Batch batch = s.complaints.batch();
                ComplaintId a = batch.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE,
                        s.clock.instant()).withReference("B-1"), Fixtures.OFFICER).id();
                batch.execute(a, Command.Triage.asReceived(), Fixtures.OFFICER);
                ComplaintId b = batch.receive(Fixtures.contact(Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS,
                        s.clock.instant()), Fixtures.OFFICER).id();
                batch.execute(s.target.id(), new Command.Acknowledge(), Fixtures.OFFICER);
                batch.execute(s.target.id(), new Command.SendToService(), Fixtures.OFFICER);
                batch.execute(s.other.id(), new Command.ErasePersonalData(), Audit.by("dpo").because("asked"));
                batch.commit();
                return List.of(a, b, s.target.id(), s.other.id());
            }));

    static Stream<Arguments> cases() {
        return Databases.both().flatMap(db -> OPERATIONS.stream().map(op -> Arguments.of(db, op)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void aFailureAtAnyStepLeavesNoPartialComplaint(Databases db, Operation op) throws SQLException {
        Scene healthy = new Scene(db.dataSource());
        healthy.faulty.failAt(Integer.MAX_VALUE, FaultyDataSource.Fault.STATEMENT_FAILS);
        op.run().apply(healthy);
        int steps = healthy.faulty.steps();
        assertTrue(steps >= 2, op + " takes " + steps + " steps");
        int committedAfterLoss = 0;
        for (int step = 1; step <= steps; step++) {
            for (FaultyDataSource.Fault fault : FaultyDataSource.Fault.values()) {
                if (failAt(db.dataSource(), op, step, fault)) {
                    committedAfterLoss++;
                }
            }
        }
        assertTrue(committedAfterLoss >= 1, "a commit lost after it went through was tried");
    }

    /** Fails {@code op} at {@code step}; whether the change was committed all the same (a lost acknowledgement). */
    private static boolean failAt(DataSource database, Operation op, int step, FaultyDataSource.Fault fault)
            throws SQLException {
        Scene scene = new Scene(database);
        String council = scene.store.council();
        TreeMap<String, List<String>> before = tables(database, council);
        long sequence = sequence(database, council);
        scene.faulty.failAt(step, fault);
        String what = op + ", " + fault + " at step " + step;
        List<ComplaintId> touched = new ArrayList<>();
        try {
            touched.addAll(op.run().apply(scene));
            fail(what + " (" + scene.faulty.failedStep().orElse("no step failed") + ") did not fail");
        } catch (ComplaintsException e) {
            clearlyReported(e, fault, what);
        }
        String failed = what + " (" + scene.faulty.failedStep().orElseThrow() + ")";
        scene.faulty.clear();
        TreeMap<String, List<String>> after = tables(database, council);
        long sequenceAfter = sequence(database, council);
        assertTrue(sequenceAfter == sequence || sequenceAfter == sequence + 1, failed + ": the reference sequence");
        boolean committed = !after.equals(before);
        if (committed) {
            // only a lost acknowledgement of a commit that reached the server may leave a change, and all of it
            assertEquals(FaultyDataSource.Fault.CONNECTION_DROPS_AFTER, fault, failed + " left a change");
            assertEquals(FaultyDataSource.COMMIT, scene.faulty.failedStep().orElse(FaultyDataSource.COMMIT),
                    failed + " left a change");
            wholeAndConsistent(scene, failed);
            return true;
        }
        // the healthy connection that follows does the same operation
        List<ComplaintId> done = op.run().apply(scene);
        TreeMap<String, List<String>> redone = tables(database, council);
        for (String table : TABLES) {
            assertTrue(redone.get(table).containsAll(before.get(table).stream()
                    .filter(row -> done.stream().noneMatch(id -> row.contains(id.value().toString()))).toList()),
                    failed + ": other complaints' rows in " + table + " unchanged");
        }
        wholeAndConsistent(scene, failed);
        return false;
    }

    private static void clearlyReported(ComplaintsException e, FaultyDataSource.Fault fault, String what) {
        Throwable cause = e instanceof BatchFailedException ? e.getCause() : e;
        JdbcStoreException store = assertInstanceOf(JdbcStoreException.class, cause, what);
        assertTrue(store.getMessage().startsWith("Could not "), what + ": " + store.getMessage());
        SQLException driver = assertInstanceOf(SQLException.class, store.getCause(), what);
        String expected = fault == FaultyDataSource.Fault.STATEMENT_FAILS ? "XX000" : FaultyDataSource.CONNECTION_FAILURE;
        assertEquals(expected, driver.getSQLState(), what);
        assertTrue(store.getMessage().contains("SQLState " + expected), what + ": " + store.getMessage());
    }

    /** Every complaint of the council is whole: its state the fold of its events, one projection row per event. */
    private static void wholeAndConsistent(Scene scene, String what) throws SQLException {
        DataSource db = scene.faulty;
        try (Connection c = db.getConnection();
                PreparedStatement ids = c.prepareStatement("SELECT id FROM complaints WHERE council_id = ?")) {
            ids.setString(1, scene.store.council());
            try (ResultSet rs = ids.executeQuery()) {
                while (rs.next()) {
                    ComplaintId id = new ComplaintId((java.util.UUID) rs.getObject(1));
                    Complaint loaded = scene.store.load(id).orElseThrow();
                    assertEquals(new ComplaintHistory(scene.store.history(id)).current(), loaded, what);
                    assertEquals(!loaded.personalDataErased(), scene.store.personalData(id).isPresent(), what);
                    assertEquals(loaded.version(), count(db, scene.store.council(), "report_projection", id), what);
                    assertEquals(loaded.version(), count(db, scene.store.council(), "complaint_events", id), what);
                }
            }
        }
    }

    private static long count(DataSource db, String council, String table, ComplaintId id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM " + table + " WHERE council_id = ? AND complaint_id = ?")) {
            ps.setString(1, council);
            ps.setObject(2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long sequence(DataSource db, String council) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(sum(last_number), 0) FROM reference_sequences WHERE council_id = ?")) {
            ps.setString(1, council);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every row of the council in each table, as text, sorted. */
    static TreeMap<String, List<String>> tables(DataSource db, String council) throws SQLException {
        TreeMap<String, List<String>> tables = new TreeMap<>();
        try (Connection c = db.getConnection()) {
            for (String table : TABLES) {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE council_id = ?")) {
                    ps.setString(1, council);
                    try (ResultSet rs = ps.executeQuery()) {
                        ResultSetMetaData md = rs.getMetaData();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder();
                            for (int i = 1; i <= md.getColumnCount(); i++) {
                                Object value = rs.getObject(i);
                                row.append(md.getColumnLabel(i)).append('=')
                                        .append(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes)
                                                : String.valueOf(value)).append(' ');
                            }
                            rows.add(row.toString());
                        }
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        }
        return tables;
    }
}
