package uk.councilcomplaints.examples.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.store.jdbc.JdbcStoreException;

/**
 * Opens the JDBC store for {@code --db}, {@code --user} and {@code --password}: H2 (the default file under
 * {@code ./complaints-data/}) or PostgreSQL, through a small connection pool, migrating the schema first. The
 * only class that knows the JDBC store module.
 */
final class JdbcStores {

    private JdbcStores() {
    }

    static OpenStore open(StoreOptions options) {
        HikariConfig config = poolConfig(options);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new CliException("cannot open the database " + options.url() + ": " + rootMessage(e), e);
        }
        try {
            // The command line is one writer that may load a story recorded in the past (briefing), so it does
            // not wait for a settle window; applications with several nodes keep the library's default.
            JdbcComplaintStore store = JdbcComplaintStore.builder(pool).noSettleWindow().build();
            return new OpenStore(store, pool::close);
        } catch (JdbcStoreException | IllegalArgumentException e) {
            pool.close();
            throw new CliException("cannot use the database " + options.url() + ": " + rootMessage(e), e);
        }
    }

    /** The command line's pool on {@code options}' database. */
    static HikariConfig poolConfig(StoreOptions options) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(options.url());
        options.user().ifPresent(config::setUsername);
        options.password().ifPresent(config::setPassword);
        if (options.url().startsWith("jdbc:postgresql:")) {
            // the driver sends a JDBC batch of inserts as multi-row inserts: an import's batches go several
            // times faster; and it leaves the values of a failed statement (names, emails) out of its error
            // messages, which the command line prints. A setting in the URL wins over either.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("logServerErrorDetail", "false");
        }
        config.setMaximumPoolSize(4);
        config.setPoolName("complaints-cli");
        return config;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
