package uk.councilcomplaints.spring.boot;

import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.councilcomplaints.store.jdbc.TransactionJoin;

/**
 * Joins the Spring transaction active on the calling thread when it holds a connection of the store's data source
 * (a {@code DataSourceTransactionManager} or {@code JdbcTransactionManager} transaction on that {@code DataSource}).
 * A transaction on another resource, or none, is not joined: the store then commits on its own.
 */
final class SpringTransactionJoin implements TransactionJoin {

    @Override
    public Optional<Connection> activeConnection(DataSource dataSource) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.empty();
        }
        // getResource unwraps the key (a scoped or infrastructure proxy of the data source) itself
        Object resource = TransactionSynchronizationManager.getResource(dataSource);
        if (resource instanceof ConnectionHolder holder && holder.isSynchronizedWithTransaction()) {
            return Optional.of(holder.getConnection());
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "SpringTransactionJoin";
    }
}
