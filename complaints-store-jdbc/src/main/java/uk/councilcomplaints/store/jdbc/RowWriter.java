package uk.councilcomplaints.store.jdbc;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The rows of one insert's (or update's) batch, written a value at a time in the statement's column order, each
 * row ended by {@link #endRow}: the only way the column binders write, so that a row they write goes the same way
 * as a statement's batch ({@link StatementRows}) and by COPY ({@link CopyBatch}). An abstract class rather than an
 * interface so that both count the values in one place: both refuse alike a row with fewer values than columns,
 * a value past the last column, a batch sent with a row not ended, and any use once closed. A {@code null} value
 * is SQL {@code NULL}.
 */
abstract class RowWriter implements AutoCloseable {

    private final String sql;
    private final int columns;
    /** Values written in the current row. */
    private int written;
    private boolean closed;

    RowWriter(String sql, int columns) {
        this.sql = sql;
        this.columns = columns;
    }

    /** A {@code NULL} of {@code sqlType} ({@link Types}). */
    abstract void setNull(int sqlType) throws SQLException;

    abstract void setString(String value) throws SQLException;

    abstract void setInt(int value) throws SQLException;

    abstract void setLong(long value) throws SQLException;

    abstract void setBoolean(boolean value) throws SQLException;

    /** A {@code TIMESTAMP WITH TIME ZONE}, in UTC, to the microsecond ({@link Values#utc}). */
    abstract void setInstant(Instant value) throws SQLException;

    abstract void setDate(LocalDate value) throws SQLException;

    abstract void setUuid(UUID value) throws SQLException;

    /** The constant's name. */
    final void setEnum(Enum<?> value) throws SQLException {
        setString(value == null ? null : value.name());
    }

    final void setInteger(Integer value) throws SQLException {
        if (value == null) {
            setNull(Types.INTEGER);
        } else {
            setInt(value);
        }
    }

    /** Ends the current row, which must have a value for every column, and adds it to the batch. */
    final void endRow() throws SQLException {
        checkOpen();
        if (written != columns) {
            throw new SQLException("A row of " + written + " values for the " + columns + " columns of " + sql);
        }
        addRow();
        written = 0;
    }

    /** Sends the batch's rows and empties it; one count a row. */
    final int[] executeBatch() throws SQLException {
        checkOpen();
        if (written != 0) {
            throw new SQLException("The last row of " + sql + " is not ended: " + written + " values written");
        }
        return send();
    }

    @Override
    public final void close() throws SQLException {
        if (!closed) {
            closed = true;
            release();
        }
    }

    /** The 1-based column of the value about to be written; refuses a value past the last column. */
    final int column() throws SQLException {
        checkOpen();
        if (written == columns) {
            throw new SQLException("More values than the " + columns + " columns of " + sql);
        }
        return ++written;
    }

    /** Adds the row just written to the batch. */
    abstract void addRow() throws SQLException;

    /** Sends the batch's rows. */
    abstract int[] send() throws SQLException;

    /** Frees what the batch holds. */
    abstract void release() throws SQLException;

    /** How many parameter marks ({@code ?}) {@code sql} has: its columns, for the statements written here. */
    static int marks(String sql) {
        return (int) sql.chars().filter(c -> c == '?').count();
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("The batch of " + sql + " is closed");
        }
    }

    @Override
    public String toString() {
        return sql;
    }
}
