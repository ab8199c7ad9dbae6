package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One transaction on a connection, leaving the connection as it found it: autocommit is turned off only if
 * it was on and turned back on at the end; anything not committed is rolled back.
 */
final class Transaction implements AutoCloseable {

    private final Connection connection;
    private final boolean autoCommitWasOn;
    private boolean committed;

    Transaction(Connection connection) throws SQLException {
        this.connection = connection;
        this.autoCommitWasOn = connection.getAutoCommit();
        if (autoCommitWasOn) {
            connection.setAutoCommit(false);
        }
    }

    void commit() throws SQLException {
        connection.commit();
        committed = true;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!committed) {
                connection.rollback();
            }
        } finally {
            if (autoCommitWasOn) {
                connection.setAutoCommit(true);
            }
        }
    }
}
