package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.sla.SlaPolicy;
import uk.councilcomplaints.sla.WorkingCalendar;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Commits of clocks only (what {@code WorkQueues.rebuildClocks()} stores) from two nodes of one PostgreSQL at once:
 * two batches over the same complaints in opposite orders, each held after locking its first complaint until the
 * other has locked its own or waits for one, both finish and leave the rows of the last; and a commit of clocks only
 * racing an append in flight waits for it, then fails its version check, so the append's event and clock rows stay.
 */
class ConcurrentClockCommitsTest {

    private static final int COMPLAINTS = 12;
    /** Another policy (a wider at-risk margin), so another basis: the rows a rebuild under it writes. */
    private static final SlaEvaluator OTHER = SlaEvaluator.of(SlaPolicy.builder().atRiskWorkingDays(4).build(),
            WorkingCalendar.englandAndWales());

    @Test
    void twoBatchesOfClocksOnlyInOppositeOrdersBothFinish() throws Exception {
        HikariDataSource poolA = TestDatabases.newPostgresDatabase(3);
        HikariDataSource poolB = TestDatabases.newPool(poolA, 3);
        try (poolA; poolB) {
            ComplaintsSchema.migrate(poolA);
            String council = TestDatabases.freshCouncil();
            JdbcComplaintStore setUp = JdbcComplaintStore.builder(poolA).council(council).noSettleWindow().build();
            Complaints desk = Complaints.builder(setUp).clock(SettableClock.at("2022-04-04T08:00:00Z")).build();
            for (int i = 0; i < COMPLAINTS; i++) {
                Fixtures.allocated(desk, Procedure.CORPORATE, ServiceArea.CORPORATE, "officer." + i);
            }
            List<Commit> rebuilt = new ArrayList<>();
            long rows = 0;
            try (Stream<ComplaintHistory> all = setUp.histories(HistoryFilter.all())) {
                for (ComplaintHistory h : (Iterable<ComplaintHistory>) all::iterator) {
                    Commit c = Commit.clocksOf(h.current(), OTHER.clockRows(h));
                    rebuilt.add(c);
                    rows += c.clocks().clocks().size();
                }
            }
            List<Commit> reversed = new ArrayList<>(rebuilt);
            Collections.reverse(reversed);

            CountDownLatch aLocked = new CountDownLatch(1);
            CountDownLatch bLocked = new CountDownLatch(1);
            // A, once it holds its first row, goes on when B holds its own first row or waits for A's
            DataSource a = onFirstLock(poolA, () -> { }, () -> {
                aLocked.countDown();
                while (bLocked.getCount() > 0 && !waitingForALock(poolA)) {
                    Thread.onSpinWait();
                }
            });
            DataSource b = onFirstLock(poolB, () -> aLocked.await(60, TimeUnit.SECONDS), bLocked::countDown);
            JdbcComplaintStore nodeA = JdbcComplaintStore.builder(a).council(council).schema(SchemaMode.NONE)
                    .noSettleWindow().build();
            JdbcComplaintStore nodeB = JdbcComplaintStore.builder(b).council(council).schema(SchemaMode.NONE)
                    .noSettleWindow().build();

            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> nodeA.appendAll(rebuilt));
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> nodeB.appendAll(reversed));
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);

            assertEquals(rows, count(poolA, "SELECT COUNT(*) FROM running_clocks WHERE council_id = ?", council));
            assertEquals(rows, count(poolA, "SELECT COUNT(*) FROM running_clocks WHERE council_id = ? AND basis = "
                    + OTHER.basis(), council), "every row is a rebuilt one");
        }
    }

    @Test
    void aCommitOfClocksOnlyRacingAnAppendLeavesTheAppendAndItsClocks() throws Exception {
        HikariDataSource poolA = TestDatabases.newPostgresDatabase(3);
        HikariDataSource poolB = TestDatabases.newPool(poolA, 2);
        try (poolA; poolB) {
            ComplaintsSchema.migrate(poolA);
            String council = TestDatabases.freshCouncil();
            SettableClock clock = SettableClock.at("2022-04-04T08:00:00Z");
            JdbcComplaintStore nodeA = JdbcComplaintStore.builder(poolA).council(council).noSettleWindow().build();
            Complaints deskA = Complaints.builder(nodeA).clock(clock).build();
            Complaint stored = Fixtures.allocated(deskA, Procedure.CORPORATE, ServiceArea.CORPORATE, "a.patel");
            ComplaintHistory before = new ComplaintHistory(nodeA.history(stored.id()));
            Commit rebuild = Commit.clocksOf(before.current(), OTHER.clockRows(before));

            CountDownLatch committing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            JdbcComplaintStore nodeB = JdbcComplaintStore.builder(heldAtCommit(poolB, committing, release))
                    .council(council).schema(SchemaMode.NONE).noSettleWindow().build();
            clock.advance(Duration.ofHours(1));
            Complaints deskB = Complaints.builder(nodeB).clock(clock).build();
            CompletableFuture<Complaint> append = CompletableFuture.supplyAsync(
                    () -> deskB.execute(stored.id(), new Command.Acknowledge(), Fixtures.OFFICER));
            committing.await(60, TimeUnit.SECONDS);

            CompletableFuture<Void> clocksOnly = CompletableFuture.runAsync(() -> nodeA.append(rebuild));
            while (!clocksOnly.isDone() && !waitingForALock(poolA)) {
                Thread.onSpinWait();
            }
            release.countDown();
            Complaint acknowledged = append.get(60, TimeUnit.SECONDS);
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> clocksOnly.get(60, TimeUnit.SECONDS));
            assertInstanceOf(VersionConflictException.class, failed.getCause(), "the append came first");

            ComplaintHistory after = new ComplaintHistory(nodeA.history(stored.id()));
            assertEquals(acknowledged.version(), after.current().version(), "the append is kept");
            long expected = deskA.sla().clockRows(after).clocks().size();
            assertEquals(expected, count(poolA, "SELECT COUNT(*) FROM running_clocks WHERE council_id = ?", council));
            assertEquals(expected, count(poolA, "SELECT COUNT(*) FROM running_clocks WHERE council_id = ? AND basis = "
                    + deskA.sla().basis(), council), "the append's rows, none of the stale commit's");
        }
    }

    /** Runs a step that may wait, or throw. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Connections of {@code db} whose first lock of a complaint's row (the version check of a commit of clocks
     * only) runs {@code before} first and {@code after} once it holds the row.
     */
    private static DataSource onFirstLock(DataSource db, Step before, Step after) {
        AtomicBoolean first = new AtomicBoolean(true);
        return wrap(db, (connection, m, a) -> {
            Object result = invoke(connection, m, a);
            if (!m.getName().equals("prepareStatement") || !ComplaintsTable.LOCK_VERSION.equals(a[0])) {
                return result;
            }
            PreparedStatement ps = (PreparedStatement) result;
            return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (p, pm, pa) -> {
                        boolean hooked = pm.getName().equals("executeQuery") && first.getAndSet(false);
                        if (hooked) {
                            before.run();
                        }
                        Object r = invoke(ps, pm, pa);
                        if (hooked) {
                            after.run();
                        }
                        return r;
                    });
        });
    }

    /**
     * Connections of {@code db} whose commit, once they have updated a complaint, signals {@code committing} and
     * waits for {@code release}: an append in flight, its rows written and locked.
     */
    private static DataSource heldAtCommit(DataSource db, CountDownLatch committing, CountDownLatch release) {
        return wrap(db, new ConnectionHandler() {
            private final AtomicBoolean updated = new AtomicBoolean();

            @Override
            public Object invoke(Connection connection, Method m, Object[] a) throws Throwable {
                if (m.getName().equals("prepareStatement") && a[0] instanceof String sql
                        && sql.startsWith("UPDATE complaints")) {
                    updated.set(true);
                }
                if (m.getName().equals("commit") && updated.getAndSet(false)) {
                    committing.countDown();
                    release.await(60, TimeUnit.SECONDS);
                }
                return ConcurrentClockCommitsTest.invoke(connection, m, a);
            }
        });
    }

    /** What a wrapped connection does with each call. */
    @FunctionalInterface
    private interface ConnectionHandler {
        Object invoke(Connection connection, Method m, Object[] a) throws Throwable;
    }

    private static DataSource wrap(DataSource db, ConnectionHandler handler) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(db, method, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> handler.invoke(connection, m, a));
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Whether a session of {@code db}'s database waits for a lock (whichever statement: a test must not hang). */
    private static boolean waitingForALock(DataSource db) throws SQLException {
        return count(db, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = ?", "Lock") > 0;
    }

    private static long count(DataSource db, String sql, String value) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
