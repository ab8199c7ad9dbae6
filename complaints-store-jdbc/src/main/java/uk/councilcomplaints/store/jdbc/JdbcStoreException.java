package uk.councilcomplaints.store.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import uk.councilcomplaints.ComplaintsException;

/**
 * The database failed an operation of the JDBC store; its cause is the driver's exception. The message says so when
 * the database could not be reached (a connection refused, lost or not to be had from the pool): the operation may
 * be tried again once it is back.
 */
public final class JdbcStoreException extends ComplaintsException {
    private static final long serialVersionUID = 1L;

    JdbcStoreException(String message, SQLException cause) {
        super(message + (unreachable(cause) ? ": the database could not be reached" : "") + ": " + cause.getMessage()
                + " (SQLState " + cause.getSQLState() + ")", cause);
    }

    /**
     * Whether the driver or pool lost, or could not open, its connection: SQLState class 08, or the server shutting
     * down or starting up (PostgreSQL's 57P01 to 57P03).
     */
    static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P0"))
                || e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException;
    }

    JdbcStoreException(String message, Exception cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    JdbcStoreException(String message) {
        super(message);
    }
}
