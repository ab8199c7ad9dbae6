package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A connection per operation, each operation one {@link Transaction}; driver failures become unchecked. */
final class Jdbc {

    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The SQLState of a unique or primary key violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in a transaction on a connection of its own, committing if it returns. */
    <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection(); Transaction tx = new Transaction(connection)) {
            T result = work.run(connection);
            tx.commit();
            return result;
        } catch (SQLException e) {
            throw new JdbcStoreException("Could not " + what, e);
        }
    }

    /** Whether {@code e}, or an exception chained to it, is a duplicate key. */
    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
