package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A connection per operation, each operation one {@link Transaction}; driver failures become unchecked. When its
 * {@link TransactionJoin} finds a transaction already open on the data source, an operation runs on that
 * transaction's connection instead, inside a savepoint, and leaves committing to the transaction's owner. An
 * operation that may write goes through the {@link WriteGate} ({@link #inTransaction}); one that only reads
 * does not ({@link #reading}).
 */
final class Jdbc {

    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The SQLState of a unique or primary key violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final TransactionJoin join;
    private final WriteGate gate;

    /** Operations each in a transaction of their own, those that write through {@code gate}. */
    Jdbc(DataSource dataSource, WriteGate gate) {
        this(dataSource, TransactionJoin.NONE, gate);
    }

    /** Operations in the transaction {@code join} finds, else each in one of their own through {@code gate}. */
    Jdbc(DataSource dataSource, TransactionJoin join, WriteGate gate) {
        this.dataSource = dataSource;
        this.join = join;
        this.gate = gate;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in a transaction on a connection of its own, committing if it returns; or, when the
     * {@link TransactionJoin} finds one, in the transaction already open, inside a savepoint that is released if
     * it returns and rolled back to if it throws, so that a failed operation leaves the transaction as it found it
     * (and, on PostgreSQL, usable). The joined connection is neither committed nor closed. A transaction of its own
     * goes through the {@link WriteGate}: on an H2 file, one at a time.
     */
    <T> T inTransaction(String what, Work<T> work) {
        return run(what, work, gate);
    }

    /** As {@link #inTransaction}, for {@code work} that only reads: never held at the {@link WriteGate}. */
    <T> T reading(String what, Work<T> work) {
        return run(what, work, WriteGate.NONE);
    }

    private <T> T run(String what, Work<T> work, WriteGate through) {
        Optional<Connection> joined = join.activeConnection(dataSource);
        if (joined.isPresent()) {
            return inSavepoint(what, joined.get(), work);
        }
        try {
            return through.through(() -> {
                try (Connection connection = dataSource.getConnection(); Transaction tx = new Transaction(connection)) {
                    T result = work.run(connection);
                    tx.commit();
                    return result;
                }
            });
        } catch (SQLException e) {
            throw new JdbcStoreException("Could not " + what, e);
        }
    }

    private static <T> T inSavepoint(String what, Connection connection, Work<T> work) {
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("Could not " + what + ": the transaction to join has a connection"
                        + " in autocommit mode, so it is no transaction");
            }
            Savepoint savepoint = connection.setSavepoint();
            T result;
            try {
                result = work.run(connection);
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            throw new JdbcStoreException("Could not " + what + " in the joined transaction", e);
        }
    }

    /** Whether {@code e}, or an exception chained to it, is a duplicate key. */
    static boolean isUniqueViolation(SQLException e) {
        return hasSqlState(e, Set.of(UNIQUE_VIOLATION));
    }

    /**
     * Whether {@code e}, or an exception chained to it, says the transaction was rolled back to break a deadlock
     * or a serialization failure, so that running it again may succeed: SQLState 40P01 (PostgreSQL) or 40001
     * (both).
     */
    static boolean isDeadlock(Throwable e) {
        return hasSqlState(e, Set.of("40P01", "40001"));
    }

    /** Whether {@code e}, a cause of it, or an exception chained to one of those has one of {@code states}. */
    private static boolean hasSqlState(Throwable e, Set<String> states) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                if (states.contains(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code e} says a row lock asked for with {@code NOWAIT} is held by another transaction: SQLState
     * 55P03 on PostgreSQL, error 50200 (lock timeout) on H2.
     */
    static boolean isLockNotAvailable(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("55P03".equals(s.getSQLState()) || "HYT00".equals(s.getSQLState()) || s.getErrorCode() == 50200) {
                return true;
            }
        }
        return false;
    }
}
