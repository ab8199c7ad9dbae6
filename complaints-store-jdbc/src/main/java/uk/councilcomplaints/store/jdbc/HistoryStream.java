package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;

/**
 * Every history of a council as a lazy stream over one query ordered by complaint and version, read
 * {@code fetchSize} rows at a time inside a read transaction (so PostgreSQL streams through a cursor instead
 * of loading every row). Memory holds one history and one fetch; the connection is released when the stream
 * is closed.
 */
final class HistoryStream implements Iterator<ComplaintHistory> {

    private final Connection connection;
    private final Transaction transaction;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private ComplaintEvent pending;

    private HistoryStream(Connection connection, Transaction transaction, PreparedStatement statement, ResultSet rows) {
        this.connection = connection;
        this.transaction = transaction;
        this.statement = statement;
        this.rows = rows;
    }

    /** Binds the parameters of a history query. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Every history of {@code council}. */
    static Stream<ComplaintHistory> open(DataSource dataSource, String council, int fetchSize) {
        return open(dataSource, EventsTable.HISTORIES, ps -> ps.setString(1, council), fetchSize);
    }

    /** The histories {@code sql} selects: events ordered by complaint and version, its parameters bound by {@code binder}. */
    static Stream<ComplaintHistory> open(DataSource dataSource, String sql, Binder binder, int fetchSize) {
        Connection connection = null;
        Transaction transaction = null;
        PreparedStatement statement = null;
        try {
            connection = dataSource.getConnection();
            transaction = new Transaction(connection);
            statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            binder.bind(statement);
            HistoryStream histories = new HistoryStream(connection, transaction, statement, statement.executeQuery());
            histories.advance();
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(histories,
                    Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false)
                    .onClose(histories::close);
        } catch (SQLException | RuntimeException e) {
            Exception failure = closeAll(statement, transaction, connection);
            if (failure != null) {
                e.addSuppressed(failure);
            }
            throw e instanceof SQLException cause ? new JdbcStoreException("Could not read the histories", cause)
                    : (RuntimeException) e;
        }
    }

    @Override
    public boolean hasNext() {
        return pending != null;
    }

    @Override
    public ComplaintHistory next() {
        if (pending == null) {
            throw new NoSuchElementException();
        }
        List<ComplaintEvent> events = new ArrayList<>();
        ComplaintEvent first = pending;
        do {
            events.add(pending);
            advance();
        } while (pending != null && pending.complaintId().equals(first.complaintId()));
        return new ComplaintHistory(events);
    }

    private void advance() {
        try {
            pending = rows.next() ? EventColumns.readRow(rows) : null;
        } catch (SQLException e) {
            throw new JdbcStoreException("Could not read the histories", e);
        }
    }

    private void close() {
        pending = null;
        Exception failure = closeAll(rows, statement, transaction, connection);
        if (failure != null) {
            throw new JdbcStoreException("Could not close the histories", failure);
        }
    }

    /** Closes each resource that is there, in order; the first failure, the others suppressed in it. */
    private static Exception closeAll(AutoCloseable... resources) {
        Exception failure = null;
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        return failure;
    }
}
