package uk.councilcomplaints.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL a load benchmark runs on: an embedded PostgreSQL 17 it starts itself (fsync off unless asked,
 * as in the tests), or a database given by JDBC URL (user and password in the URL); and the connection pools on
 * it, one per node. Closing it closes the pools and stops the embedded server.
 */
final class BenchDatabase implements AutoCloseable {

    private final String url;
    private final Optional<EmbeddedPostgres> server;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private BenchDatabase(String url, Optional<EmbeddedPostgres> server) {
        this.url = url;
        this.server = server;
    }

    /** The database at {@code url}, or, when empty, a new embedded server's. */
    static BenchDatabase open(Optional<String> url, boolean fsync) {
        if (url.isPresent()) {
            return new BenchDatabase(url.get(), Optional.empty());
        }
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", fsync ? "on" : "off")
                    .setServerConfig("full_page_writes", fsync ? "on" : "off")
                    .start();
            return new BenchDatabase(server.getJdbcUrl("postgres", "postgres"), Optional.of(server));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** A new pool of at most {@code size} connections: one node's. */
    HikariDataSource pool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    /** What the benchmark runs on, for its heading. */
    String description(boolean fsync) {
        return server.isPresent() ? "embedded PostgreSQL 17 (fsync " + (fsync ? "on" : "off") + ")"
                : "PostgreSQL at " + url.replaceAll("password=[^&]*", "password=***");
    }

    @Override
    public void close() throws IOException {
        pools.forEach(HikariDataSource::close);
        if (server.isPresent()) {
            server.get().close();
        }
    }
}
