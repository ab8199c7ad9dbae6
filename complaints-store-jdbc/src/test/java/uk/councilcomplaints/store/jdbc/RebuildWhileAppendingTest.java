package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * {@link JdbcComplaintStore#rebuildProjection()} on one node while another node appends to a complaint it
 * rebuilds (PostgreSQL): the append, held just before its commit, keeps the rebuild waiting; once it commits,
 * the rebuild reads its event too. Without the rebuild's lock it would read the events before the append,
 * leaving two last rows for the complaint (each counted as current).
 */
class RebuildWhileAppendingTest {

    @Test
    void aRebuildWaitsForAnAppendInFlightAndBuildsItsEventToo() throws Exception {
        HikariDataSource poolA = TestDatabases.newPostgresDatabase(2);
        HikariDataSource poolB = TestDatabases.newPool(poolA, 2);
        try (poolA; poolB) {
            ComplaintsSchema.migrate(poolA);
            String council = TestDatabases.freshCouncil();
            SettableClock clock = SettableClock.at("2022-04-04T08:00:00Z");
            JdbcComplaintStore nodeA = JdbcComplaintStore.builder(poolA).council(council).noSettleWindow().build();
            Complaint stored = Fixtures.allocated(Complaints.builder(nodeA).clock(clock).build(), Procedure.CORPORATE,
                    ServiceArea.CORPORATE, "a.patel");
            // stored before the projection existed: no rows
            execute(poolA, "DELETE FROM report_projection WHERE council_id = ?", council);

            CountDownLatch committing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            JdbcComplaintStore nodeB = JdbcComplaintStore.builder(heldAtCommit(poolB, committing, release))
                    .council(council).schema(SchemaMode.NONE).noSettleWindow().build();
            clock.advance(Duration.ofHours(1));
            Complaints deskB = Complaints.builder(nodeB).clock(clock).build();
            CompletableFuture<Complaint> append = CompletableFuture.supplyAsync(
                    () -> deskB.execute(stored.id(), new Command.Acknowledge(), Fixtures.OFFICER));
            committing.await(60, TimeUnit.SECONDS);

            CompletableFuture<Integer> rebuild = CompletableFuture.supplyAsync(nodeA::rebuildProjection);
            while (!rebuild.isDone() && !waitingForALock(poolA)) {
                Thread.onSpinWait();
            }
            release.countDown();
            append.get(60, TimeUnit.SECONDS);
            assertEquals(4, rebuild.get(60, TimeUnit.SECONDS), "rows built: received, triaged, allocated, acknowledged");

            assertEquals(4, count(poolA, "SELECT COUNT(*) FROM report_projection WHERE council_id = ?", council));
            assertEquals(1, count(poolA, "SELECT COUNT(*) FROM report_projection WHERE council_id = ?"
                    + " AND next_occurred_at IS NULL", council), "one last row");
        }
    }

    /** Whether a session of {@code db}'s database waits for a row lock. */
    private static boolean waitingForALock(DataSource db) throws SQLException {
        return count(db, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock' AND query LIKE ?", "%FOR UPDATE%") > 0;
    }

    /**
     * Connections of {@code db} whose commit, once they have updated a complaint, signals {@code committing} and
     * waits for {@code release}: an append in flight, its rows written and locked.
     */
    private static DataSource heldAtCommit(DataSource db, CountDownLatch committing, CountDownLatch release) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(db, method, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    AtomicBoolean updated = new AtomicBoolean();
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("prepareStatement") && a[0] instanceof String sql
                                        && sql.startsWith("UPDATE complaints")) {
                                    updated.set(true);
                                }
                                if (m.getName().equals("commit") && updated.get()) {
                                    committing.countDown();
                                    release.await(60, TimeUnit.SECONDS);
                                }
                                return invoke(connection, m, a);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void execute(DataSource db, String sql, String value) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.executeUpdate();
        }
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
