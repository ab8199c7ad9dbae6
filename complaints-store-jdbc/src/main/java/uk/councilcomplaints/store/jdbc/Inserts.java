package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How one write prepares its inserts: as statements, or, for a large batch on PostgreSQL through its own
 * driver, as {@link CopyBatch COPY}, which writes the same rows in about two thirds of the time.
 */
final class Inserts {

    /** Whether PostgreSQL's driver is there to be asked; without it every insert is a statement. */
    private static final boolean DRIVER = present("org.postgresql.PGConnection");

    private final boolean copy;

    private Inserts(boolean copy) {
        this.copy = copy;
    }

    /** The inserts of a batch of {@code commits} through {@code connection}. */
    static Inserts forBatch(Connection connection, Dialect dialect, int commits) throws SQLException {
        return new Inserts(DRIVER && PlannerStatistics.bulk(dialect, commits) && CopyBatch.possible(connection));
    }

    /** Whether this batch's inserts go by COPY. */
    boolean copy() {
        return copy;
    }

    /** A batch for {@code insertSql}, one {@code INSERT INTO table (columns) VALUES (?, ...)}. */
    RowWriter prepare(Connection connection, String insertSql) throws SQLException {
        return copy ? CopyBatch.prepare(connection, insertSql) : StatementRows.prepare(connection, insertSql);
    }

    private static boolean present(String type) {
        try {
            Class.forName(type, false, Inserts.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
