package uk.councilcomplaints.store.jdbc;

import java.sql.SQLException;
import uk.councilcomplaints.ComplaintsException;

/** The database failed an operation of the JDBC store; its cause is the driver's exception. */
public final class JdbcStoreException extends ComplaintsException {
    private static final long serialVersionUID = 1L;

    JdbcStoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
    }

    JdbcStoreException(String message, Exception cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    JdbcStoreException(String message) {
        super(message);
    }
}
