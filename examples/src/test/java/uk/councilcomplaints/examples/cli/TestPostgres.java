package uk.councilcomplaints.examples.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One real PostgreSQL per test JVM (embedded, started on first use, stopped when the JVM exits); each caller
 * gets a new empty database on it.
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    /** The JDBC URL, user included, of a new empty database. */
    public static String newDatabaseUrl() {
        String name = "db_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = Server.INSTANCE.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Server.INSTANCE.getJdbcUrl("postgres", name);
    }

    /**
     * The JDBC URL of a new database whose tables {@code complaints migrate} created, as a DBA does before the
     * command line's other commands use a PostgreSQL database.
     */
    public static String newMigratedDatabaseUrl() {
        String url = newDatabaseUrl();
        Cli.Result migrate = Cli.run("migrate", "--db", url);
        if (migrate.exitCode() != 0) {
            throw new IllegalStateException("complaints migrate failed: " + migrate.err());
        }
        return url;
    }

    /** Started when first named. */
    private static final class Server {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
    }
}
