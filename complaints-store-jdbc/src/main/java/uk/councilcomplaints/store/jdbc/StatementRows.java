package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Rows sent as a {@link PreparedStatement}'s batch, each value set through {@link Values}. */
final class StatementRows extends RowWriter {

    private final PreparedStatement ps;

    private StatementRows(PreparedStatement ps, String sql) {
        super(sql, marks(sql));
        this.ps = ps;
    }

    /** The rows of {@code sql}, a statement with one parameter mark a column, prepared on {@code connection}. */
    static StatementRows prepare(Connection connection, String sql) throws SQLException {
        return new StatementRows(connection.prepareStatement(sql), sql);
    }

    @Override
    void setNull(int sqlType) throws SQLException {
        ps.setNull(column(), sqlType);
    }

    @Override
    void setString(String value) throws SQLException {
        Values.setString(ps, column(), value);
    }

    @Override
    void setInt(int value) throws SQLException {
        ps.setInt(column(), value);
    }

    @Override
    void setLong(long value) throws SQLException {
        ps.setLong(column(), value);
    }

    @Override
    void setBoolean(boolean value) throws SQLException {
        ps.setBoolean(column(), value);
    }

    @Override
    void setInstant(Instant value) throws SQLException {
        Values.setInstant(ps, column(), value);
    }

    @Override
    void setDate(LocalDate value) throws SQLException {
        Values.setDate(ps, column(), value);
    }

    @Override
    void setUuid(UUID value) throws SQLException {
        Values.setUuid(ps, column(), value);
    }

    @Override
    void addRow() throws SQLException {
        ps.addBatch();
    }

    @Override
    int[] send() throws SQLException {
        return ps.executeBatch();
    }

    @Override
    void release() throws SQLException {
        ps.close();
    }
}
