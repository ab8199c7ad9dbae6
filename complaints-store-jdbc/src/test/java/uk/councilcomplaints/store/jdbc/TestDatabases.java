package uk.councilcomplaints.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The databases the tests run on, each made once per test JVM: H2 in memory, H2 in a file, and one real
 * PostgreSQL 17 (embedded, started on first use, stopped when the JVM exits) reached through HikariCP pools.
 * Tests isolate themselves by council key, so a database is shared by every test that uses it.
 */
final class TestDatabases {

    private static final ConcurrentMap<String, DataSource> MIGRATED = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    /** A council key no other test uses. */
    static String freshCouncil() {
        return "t-" + UUID.randomUUID();
    }

    /** The shared H2 in-memory database, migrated. */
    static DataSource h2Memory() {
        return MIGRATED.computeIfAbsent("h2-memory", name -> migrated(h2("jdbc:h2:mem:complaints;DB_CLOSE_DELAY=-1")));
    }

    /** A new, empty H2 in-memory database, not migrated. */
    static DataSource newH2Memory() {
        return h2("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** The shared H2 database in a file under target/, made anew by each test JVM, migrated. */
    static DataSource h2File() {
        return MIGRATED.computeIfAbsent("h2-file", name -> {
            Path dir = Path.of("target", "h2");
            deleteTree(dir);
            return migrated(h2("jdbc:h2:file:" + dir.toAbsolutePath().resolve("complaints") + ";DB_CLOSE_DELAY=-1"));
        });
    }

    /** A pool on an H2 database: sessions, and the statements each has parsed, are kept between operations. */
    private static DataSource h2(String url) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url + ";LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64", "sa", "");
        pool.setMaxConnections(20);
        return pool;
    }

    /** A pool on the shared PostgreSQL database, migrated; with autocommit off, every connection starts in a transaction. */
    static DataSource postgres(boolean autoCommit) {
        return MIGRATED.computeIfAbsent("postgres-" + autoCommit,
                name -> migrated(pool(Postgres.INSTANCE.getJdbcUrl("postgres", "postgres"), autoCommit, 10)));
    }

    /** A new, empty PostgreSQL database on the shared server, not migrated, reached through its own pool. */
    static HikariDataSource newPostgresDatabase(int poolSize) {
        String name = "db_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = Postgres.INSTANCE.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pool(Postgres.INSTANCE.getJdbcUrl("postgres", name), true, poolSize);
    }

    /** Another pool on the same PostgreSQL database: a second node. */
    static HikariDataSource newPool(HikariDataSource node, int poolSize) {
        return pool(node.getJdbcUrl(), node.isAutoCommit(), poolSize);
    }

    private static HikariDataSource pool(String url, boolean autoCommit, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setAutoCommit(autoCommit);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    private static DataSource migrated(DataSource ds) {
        ComplaintsSchema.migrate(ds);
        return ds;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one PostgreSQL server of this JVM, started on first use. */
    private static final class Postgres {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
    }
}
