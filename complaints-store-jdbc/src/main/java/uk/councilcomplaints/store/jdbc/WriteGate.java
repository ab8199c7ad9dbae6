package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an H2 database in a file whole when its process is killed, as far as the store can: the store's
 * transactions that write go through it one at a time, and each is in the file when it has committed.
 *
 * <p>Why: H2's store (MVStore, 2.5.252) saves its tables, indexes and undo logs one after another while other
 * threads go on writing, so a save made while a transaction writes or commits can hold part of it; killed then,
 * H2 reopens the file with that part kept for good (a torn batch: events without their personal data, index
 * entries without their rows). H2 saves from a background writer, and from any thread that ends a transaction or
 * fills its buffer. A save made by the only thread that writes, between two of its steps, is whole. So on an H2
 * file the gate turns the background writer off ({@code SET WRITE_DELAY 0}, a persistent setting; H2 then saves
 * each transaction as it ends, in the thread that ends it, so a commit once returned also survives a kill), and
 * lets one writing transaction of this JVM run at a time per database file. Without admin rights it cannot
 * change the setting and only serialises (a warning says so). Transactions the store joins (a
 * {@link TransactionJoin}) and writers outside this JVM or outside the store are not covered. Nor is a large
 * transaction (a bulk batch) that H2 2.5 itself saves part-way: killed then, H2 2.5.252 keeps part of it even with
 * one writer (see the reliability documentation). Nothing to do on PostgreSQL or H2 in memory.
 */
final class WriteGate {

    /** Lets everything through at once: PostgreSQL, H2 in memory. */
    static final WriteGate NONE = new WriteGate(null);

    private static final Logger LOG = LoggerFactory.getLogger(WriteGate.class);

    /** One lock per H2 database file in this JVM, so that two stores on one file share it. */
    private static final ConcurrentMap<String, ReentrantLock> FILES = new ConcurrentHashMap<>();

    /** Work done while holding the gate. */
    @FunctionalInterface
    interface Body<T> {
        T run() throws SQLException;
    }

    private final ReentrantLock lock;

    private WriteGate(ReentrantLock lock) {
        this.lock = lock;
    }

    /** The gate for {@code dataSource}: {@link #NONE} unless it is an H2 database in a file. */
    static WriteGate of(DataSource dataSource, Dialect dialect) {
        if (dialect != Dialect.H2) {
            return NONE;
        }
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            String file;
            try (ResultSet rs = s.executeQuery("SELECT DATABASE_PATH()")) {
                file = rs.next() ? rs.getString(1) : null;
            }
            if (file == null) {
                return NONE;
            }
            ReentrantLock lock = FILES.computeIfAbsent(file, f -> new ReentrantLock());
            try {
                s.execute("SET WRITE_DELAY 0");
            } catch (SQLException e) {
                LOG.warn("H2 database {}: could not turn off its background writer ({}); the store's writes are one"
                        + " at a time, but a process killed while one commits may keep part of it. Give the store's"
                        + " user admin rights, or use PostgreSQL", file, e.getMessage());
            }
            return new WriteGate(lock);
        } catch (SQLException e) {
            throw new JdbcStoreException("Could not read the H2 database's path", e);
        }
    }

    /** Whether this gate guards an H2 file. */
    boolean guards() {
        return lock != null;
    }

    /** Whether a thread holds this gate now (for tests). */
    boolean busy() {
        return lock != null && lock.isLocked();
    }

    /** Runs {@code body} alone among this database's gated work in this JVM. */
    <T> T through(Body<T> body) throws SQLException {
        if (lock == null) {
            return body.run();
        }
        lock.lock();
        try {
            return body.run();
        } finally {
            lock.unlock();
        }
    }
}
