package uk.councilcomplaints.store.jdbc;

import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where a {@link JdbcComplaintStore} finds a transaction the application already has open on the store's data
 * source, so that the store's reads and commits become part of it (see
 * {@link JdbcComplaintStore.Builder#transactionJoin}). A framework's transaction manager is adapted to this in a
 * few lines; the store itself knows no framework.
 */
@FunctionalInterface
public interface TransactionJoin {

    /** Never joins: every operation runs in a transaction of its own, on a connection of its own. */
    TransactionJoin NONE = dataSource -> Optional.empty();

    /**
     * The connection of the transaction active on the calling thread for {@code dataSource}, its autocommit off;
     * empty when there is none, and the store then runs its own transaction. The store neither commits, rolls
     * back (except to its own savepoints) nor closes a connection given here.
     */
    Optional<Connection> activeConnection(DataSource dataSource);
}
