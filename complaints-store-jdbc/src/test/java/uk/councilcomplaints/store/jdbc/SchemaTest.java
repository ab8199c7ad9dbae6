package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Complaints;

/**
 * The schema scripts: applied once however often or from however many nodes migrate, refused when changed,
 * and the same schema whether the store's own migrate or Flyway runs them.
 */
class SchemaTest {

    /** A new, empty database of {@code dialect}: its pool, to close. */
    private static AutoCloseableDataSource newDatabase(Dialect dialect) {
        return dialect == Dialect.H2 ? new AutoCloseableDataSource(TestDatabases.newH2Memory(), () -> { })
                : fromPool(TestDatabases.newPostgresDatabase(5));
    }

    private static AutoCloseableDataSource fromPool(HikariDataSource pool) {
        return new AutoCloseableDataSource(pool, pool::close);
    }

    /** A data source and what closes it. */
    private record AutoCloseableDataSource(DataSource ds, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void migratingTwiceChangesNothing(Dialect dialect) throws SQLException {
        try (AutoCloseableDataSource db = newDatabase(dialect)) {
            assertEquals(ComplaintsSchema.SCRIPTS.stream().map(s -> s.resource(dialect)).toList(),
                    ComplaintsSchema.migrate(db.ds()), "the first migrate says it applied every script, in order");
            List<String> once = schema(db.ds());
            List<String> history = history(db.ds());
            assertEquals(List.of(), ComplaintsSchema.migrate(db.ds()), "the second applies nothing");
            assertEquals(once, schema(db.ds()));
            assertEquals(history, history(db.ds()));
            assertEquals(ComplaintsSchema.SCRIPTS.size(), history.size());
            assertTrue(once.size() > 50, "the snapshot sees the tables: " + once.size());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void flywayRunningTheShippedFilesBuildsTheSameSchema(Dialect dialect) throws SQLException {
        try (AutoCloseableDataSource ours = newDatabase(dialect); AutoCloseableDataSource flyway = newDatabase(dialect)) {
            ComplaintsSchema.migrate(ours.ds());
            Flyway.configure().dataSource(flyway.ds())
                    .locations(ComplaintsSchema.flywayLocations(dialect).toArray(String[]::new))
                    .load().migrate();
            assertEquals(schema(ours.ds()), schema(flyway.ds()));

            // a store validates a schema Flyway made, and works in it
            ComplaintsSchema.validate(flyway.ds());
            JdbcComplaintStore store = JdbcComplaintStore.builder(flyway.ds()).schema(SchemaMode.VALIDATE)
                    .noSettleWindow().build();
            Complaints complaints = Complaints.builder(store).clock(SettableClock.at("2022-02-01T10:00:00Z")).build();
            Complaint c = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
            assertEquals(c, store.load(c.id()).orElseThrow());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anEmptyDatabaseFailsValidationSayingHowToMigrate(Dialect dialect) {
        try (AutoCloseableDataSource db = newDatabase(dialect)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> JdbcComplaintStore.builder(db.ds()).schema(SchemaMode.VALIDATE).build());
            assertTrue(e.getMessage().contains("ComplaintsSchema.migrate"), e.getMessage());
            assertTrue(e.getMessage().contains("classpath:db/migration/" + dialect.name().toLowerCase(Locale.ROOT)),
                    e.getMessage());
            JdbcComplaintStore.builder(db.ds()).schema(SchemaMode.NONE).build();
            assertThrows(IllegalStateException.class, () -> ComplaintsSchema.validate(db.ds()), "NONE made nothing");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aScriptChangedAfterItWasAppliedIsRefused(Dialect dialect) throws SQLException {
        try (AutoCloseableDataSource db = newDatabase(dialect)) {
            ComplaintsSchema.migrate(db.ds());
            try (Connection c = db.ds().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE " + ComplaintsSchema.HISTORY_TABLE + " SET checksum = 'edited' WHERE version = '1'");
            }
            for (Runnable call : List.<Runnable>of(() -> ComplaintsSchema.migrate(db.ds()),
                    () -> ComplaintsSchema.validate(db.ds()))) {
                IllegalStateException e = assertThrows(IllegalStateException.class, call::run);
                assertTrue(e.getMessage().contains("db/migration/common/V1__complaints.sql"), e.getMessage());
            }
        }
    }

    /** Nodes starting together each migrate; the database's lock (or this JVM's, for H2) makes them take turns. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void nodesMigratingAtOnceApplyEachScriptOnce(Dialect dialect) throws Exception {
        int nodes = 4;
        try (AutoCloseableDataSource db = newDatabase(dialect)) {
            List<AutoCloseableDataSource> pools = new ArrayList<>();
            IntFunction<DataSource> node = i -> db.ds();
            if (dialect == Dialect.POSTGRESQL) {
                for (int i = 0; i < nodes; i++) {
                    pools.add(fromPool(TestDatabases.newPool((HikariDataSource) db.ds(), 2)));
                }
                node = i -> pools.get(i).ds();
            }
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(nodes);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    DataSource ds = node.apply(i);
                    done.add(threads.submit(() -> {
                        start.await();
                        ComplaintsSchema.migrate(ds);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } finally {
                threads.shutdownNow();
                pools.forEach(AutoCloseableDataSource::close);
            }
            assertEquals(ComplaintsSchema.SCRIPTS.size(), history(db.ds()).size());
            ComplaintsSchema.validate(db.ds());
        }
    }

    @Test
    void theShippedFilesAreExactlyTheListedScripts() throws URISyntaxException, java.io.IOException {
        Path root = Path.of(SchemaTest.class.getClassLoader().getResource("db/migration").toURI()).getParent()
                .getParent();
        Set<String> shipped;
        try (Stream<Path> files = Files.walk(root.resolve("db/migration"))) {
            shipped = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = new TreeSet<>();
        for (Dialect dialect : Dialect.values()) {
            for (ComplaintsSchema.Script script : ComplaintsSchema.SCRIPTS) {
                listed.add(script.resource(dialect));
            }
        }
        assertEquals(listed, shipped);
        assertFalse(ComplaintsSchema.statements(ComplaintsSchema.text(ComplaintsSchema.SCRIPTS.get(0), Dialect.H2))
                .isEmpty());
    }

    /** The tables, columns (type, length, nullability, collation, generation), keys and indexes, sorted. */
    static List<String> schema(DataSource ds) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), "%", null)) {
                while (rs.next()) {
                    String type = rs.getString("TABLE_TYPE");
                    String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if ((type.equals("TABLE") || type.equals("BASE TABLE")) && !name.endsWith("schema_history")
                            && !name.equals(ComplaintsSchema.PROGRESS_TABLE)) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            for (String table : tables) {
                String t = table.toLowerCase(Locale.ROOT);
                rows.add("table " + t);
                try (ResultSet rs = md.getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
                    while (rs.next()) {
                        rows.add("column " + t + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                                + rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE") + ","
                                + rs.getInt("DECIMAL_DIGITS") + ") nullable=" + rs.getInt("NULLABLE") + " position="
                                + rs.getInt("ORDINAL_POSITION"));
                    }
                }
                try (ResultSet rs = md.getPrimaryKeys(c.getCatalog(), c.getSchema(), table)) {
                    while (rs.next()) {
                        rows.add("primary key " + t + " " + rs.getString("PK_NAME").toLowerCase(Locale.ROOT) + " "
                                + rs.getInt("KEY_SEQ") + " " + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                try (ResultSet rs = md.getImportedKeys(c.getCatalog(), c.getSchema(), table)) {
                    while (rs.next()) {
                        rows.add("foreign key " + t + " " + rs.getString("FK_NAME").toLowerCase(Locale.ROOT) + " "
                                + rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
                                + rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
                                + rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                try (ResultSet rs = md.getIndexInfo(c.getCatalog(), c.getSchema(), table, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            rows.add("index " + t + " " + generatedNamesCut(rs.getString("INDEX_NAME"))
                                    + " unique=" + !rs.getBoolean("NON_UNIQUE") + " " + rs.getInt("ORDINAL_POSITION")
                                    + " " + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                                    + " " + rs.getString("ASC_OR_DESC"));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name, collation_name,"
                    + " is_generated, generation_expression FROM information_schema.columns WHERE table_schema = ?")) {
                ps.setString(1, c.getSchema());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String t = rs.getString(1).toLowerCase(Locale.ROOT);
                        if (!t.endsWith("schema_history") && !t.equals(ComplaintsSchema.PROGRESS_TABLE)) {
                            rows.add("column " + t + "." + rs.getString(2).toLowerCase(Locale.ROOT) + " collation="
                                    + rs.getString(3) + " generated=" + rs.getString(4) + " " + rs.getString(5));
                        }
                    }
                }
            }
        }
        return List.copyOf(rows);
    }

    /** H2 names the indexes behind constraints itself, with a varying suffix: the suffix is cut. */
    private static String generatedNamesCut(String indexName) {
        return indexName.toLowerCase(Locale.ROOT).replaceAll("^(primary_key)_[0-9a-f]+$", "$1")
                .replaceAll("_index_[0-9a-f]+$", "_index");
    }

    private static List<String> history(DataSource ds) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, script, checksum, installed_at FROM "
                        + ComplaintsSchema.HISTORY_TABLE + " ORDER BY version")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getObject(4, java.time.OffsetDateTime.class).toInstant().isBefore(Instant.MAX));
            }
        }
        return rows;
    }
}
