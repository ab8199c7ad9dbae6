package uk.councilcomplaints.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import uk.councilcomplaints.feed.EventFeed;
import uk.councilcomplaints.feed.FeedEvent;

/**
 * Follows a council's event feed for one named consumer (letters, a CRM, a warehouse), keeping its position in the
 * store's database ({@code feed_consumers}, one row per council and name). Each {@link #poll} reads the events
 * after the position and hands them to the handler in one transaction with the position's move: the handler's own
 * writes on that connection are stored with the move or not at all (exactly once in effect); what it does outside
 * the database is done at least once (a failure leaves the position, and the next poll hands the events again).
 * The consumer's row is locked for the transaction, and a poll that finds it locked returns at once: two instances
 * of one name, on any nodes, never process the same events at once. Events come without reasons, as from
 * {@link EventFeed}. Thread-safe; needs schema version 8.
 */
public final class JdbcFeedConsumer {

    /** Handles a batch of events inside the consumer's transaction. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Handles {@code events} (at least one, in feed order). Write to the database through {@code transaction}
         * only (do not commit or close it) to have the writes stored with the consumer's position. Throw to leave
         * the position where it was: the events come again.
         */
        void handle(List<FeedEvent> events, Connection transaction) throws Exception;
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Jdbc jdbc;
    private final String council;
    private final String name;
    private final int batchSize;

    private JdbcFeedConsumer(DataSource dataSource, String council, String name, int batchSize) {
        this.jdbc = new Jdbc(dataSource, WriteGate.of(dataSource, Dialect.of(dataSource)));
        this.council = council;
        this.name = name;
        this.batchSize = batchSize;
    }

    /**
     * A consumer called {@code name} of the feed of {@code store}'s council, on {@code dataSource} (the store's own),
     * handing at most {@code batchSize} events to each poll.
     */
    public static JdbcFeedConsumer of(DataSource dataSource, JdbcComplaintStore store, String name, int batchSize) {
        return of(dataSource, store.council(), name, batchSize);
    }

    /**
     * A consumer called {@code name} of the feed of {@code council} (a store's {@link JdbcComplaintStore#council()}),
     * on {@code dataSource}, the database that council's store is in.
     */
    public static JdbcFeedConsumer of(DataSource dataSource, String council, String name, int batchSize) {
        requireNonNull(dataSource, "dataSource");
        requireNonNull(council, "council");
        checkArgument(name != null && NAME.matcher(name).matches(),
                "a consumer name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit: %s", name);
        checkArgument(batchSize >= 1 && batchSize <= EventFeed.MAX_LIMIT, "batchSize must be 1 to %s, was %s",
                EventFeed.MAX_LIMIT, batchSize);
        return new JdbcFeedConsumer(dataSource, council, name, batchSize);
    }

    /** The consumer's name. */
    public String name() {
        return name;
    }

    /** The position of the last event this consumer handled; 0 before the first. */
    public long position() {
        return jdbc.reading("read the position of feed consumer " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement(FeedTable.CONSUMER_POSITION)) {
                ps.setString(1, council);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /**
     * Hands the next events after the consumer's position to {@code handler} and moves the position past them, in
     * one transaction; returns how many it handled: 0 when there were none, or when another instance of this
     * consumer is polling.
     *
     * @throws FeedConsumerException if the handler threw (its cause); the position did not move
     */
    public int poll(Handler handler) {
        requireNonNull(handler, "handler");
        addRow();
        return jdbc.inTransaction("poll the feed for consumer " + name, c -> {
            Optional<Long> position = lock(c);
            if (position.isEmpty()) {
                return 0;
            }
            List<FeedEvent> events = FeedTable.after(c, council, position.get(), batchSize);
            if (events.isEmpty()) {
                return 0;
            }
            try {
                handler.handle(events, c);
            } catch (Exception e) {
                throw new FeedConsumerException(name, events.get(0).position(), e);
            }
            try (PreparedStatement move = c.prepareStatement(FeedTable.MOVE_CONSUMER)) {
                move.setLong(1, events.get(events.size() - 1).position());
                move.setString(2, council);
                move.setString(3, name);
                move.executeUpdate();
            }
            return events.size();
        });
    }

    private void addRow() {
        try {
            jdbc.inTransaction("add feed consumer " + name, c -> {
                try (PreparedStatement ps = c.prepareStatement(FeedTable.ADD_CONSUMER)) {
                    ps.setString(1, council);
                    ps.setString(2, name);
                    ps.setString(3, council);
                    ps.setString(4, name);
                    return ps.executeUpdate();
                }
            });
        } catch (JdbcStoreException e) {
            if (!(e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql))) {
                throw e; // else another instance added it first
            }
        }
    }

    /** The position, the row locked; empty if another transaction holds the lock. */
    private Optional<Long> lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FeedTable.LOCK_CONSUMER)) {
            ps.setString(1, council);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.of(rs.getLong(1));
            }
        } catch (SQLException e) {
            if (Jdbc.isLockNotAvailable(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

}
