package uk.councilcomplaints.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * What the tests of two nodes at once share: data sources whose connections stop at a chosen point until a latch
 * lets them go (an append in flight), and whether a session of the database waits for a lock. No sleeps: a test
 * waits on latches, or spins on {@link #waitingForALock}.
 */
final class HeldConnections {

    /** What a wrapped connection does with each call. */
    @FunctionalInterface
    interface Handler {
        Object invoke(Connection connection, Method m, Object[] a) throws Throwable;
    }

    /**
     * Two nodes of a new PostgreSQL database, migrated, each through a pool of its own, and a new council: close
     * it to close both pools.
     */
    record TwoNodes(HikariDataSource a, HikariDataSource b, String council) implements AutoCloseable {

        static TwoNodes start(int poolSize) {
            HikariDataSource a = TestDatabases.newPostgresDatabase(poolSize);
            ComplaintsSchema.migrate(a);
            return new TwoNodes(a, TestDatabases.newPool(a, poolSize), TestDatabases.freshCouncil());
        }

        /** A store of the council on the first node, migrating nothing. */
        JdbcComplaintStore storeA() {
            return JdbcComplaintStore.builder(a).council(council).schema(SchemaMode.NONE).noSettleWindow().build();
        }

        @Override
        public void close() {
            b.close();
            a.close();
        }
    }

    /**
     * An acknowledgement of a complaint appended on another node ({@code node}'s connections), held before its
     * commit, its rows written and locked, until {@link #release} lets it commit; {@link #done} gives its result.
     */
    static final class HeldAppend {
        final CountDownLatch release = new CountDownLatch(1);
        final CompletableFuture<Complaint> done;

        /** Starts the append an hour after {@code clock} and returns once it is held. */
        HeldAppend(DataSource node, String council, SettableClock clock, ComplaintId id) throws InterruptedException {
            CountDownLatch committing = new CountDownLatch(1);
            JdbcComplaintStore store = JdbcComplaintStore.builder(heldAtCommit(node, committing, release))
                    .council(council).schema(SchemaMode.NONE).noSettleWindow().build();
            clock.advance(Duration.ofHours(1));
            Complaints desk = Complaints.builder(store).clock(clock).build();
            done = CompletableFuture.supplyAsync(() -> desk.execute(id, new Command.Acknowledge(), Fixtures.OFFICER));
            committing.await(60, TimeUnit.SECONDS);
        }
    }

    private HeldConnections() {
    }

    /**
     * Connections of {@code db} whose commit, once they have updated a complaint, signals {@code committing} and
     * waits for {@code release}: an append in flight, its rows written and locked.
     */
    static DataSource heldAtCommit(DataSource db, CountDownLatch committing, CountDownLatch release) {
        AtomicBoolean updated = new AtomicBoolean();
        return wrap(db, (connection, m, a) -> {
            if (m.getName().equals("prepareStatement") && a[0] instanceof String sql
                    && sql.startsWith("UPDATE complaints")) {
                updated.set(true);
            }
            if (m.getName().equals("commit") && updated.getAndSet(false)) {
                committing.countDown();
                release.await(60, TimeUnit.SECONDS);
            }
            return invoke(connection, m, a);
        });
    }

    /** {@code db} with each call on its connections going through {@code handler}. */
    static DataSource wrap(DataSource db, Handler handler) {
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

    /** Calls {@code method} on {@code target}, throwing what it throws. */
    static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Whether a session of {@code db}'s database (PostgreSQL) waits for a lock, whatever its statement. */
    static boolean waitingForALock(DataSource db) throws SQLException {
        return count(db, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = ?", "Lock") > 0;
    }

    /** The number {@code sql}, given one text parameter, answers. */
    static long count(DataSource db, String sql, String value) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
