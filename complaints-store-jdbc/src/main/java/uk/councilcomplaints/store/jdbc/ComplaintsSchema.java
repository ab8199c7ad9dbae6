package uk.councilcomplaints.store.jdbc;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC store's tables, created and checked explicitly. The schema is a list of versioned SQL scripts
 * shipped as classpath resources: common ones in {@code db/migration/common}, each database's own in
 * {@code db/migration/h2} or {@code db/migration/postgresql}, named so that Flyway runs them unchanged
 * ({@link #flywayLocations}). {@link #migrate} applies the missing ones and records each in
 * {@value #HISTORY_TABLE}; running it again changes nothing. Nodes migrating at once take turns through the
 * database's own lock on PostgreSQL (an advisory transaction lock, and the whole migration is one
 * transaction); on H2 through a lock in this JVM, so migrate a shared H2 server from one process.
 */
public final class ComplaintsSchema {

    /** Where {@link #migrate} records the scripts it applied. */
    public static final String HISTORY_TABLE = "complaints_schema_history";
    /** Where Flyway records them, when Flyway migrates instead. */
    static final String FLYWAY_HISTORY_TABLE = "flyway_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintsSchema.class);
    /** The PostgreSQL advisory lock key of migrations: "cmplschm" in ASCII. */
    private static final long LOCK_KEY = 0x636d706c7363686dL;
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private static final String CREATE_HISTORY = "CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
            + "version VARCHAR(20) NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, "
            + "script VARCHAR(300) NOT NULL, checksum VARCHAR(64) NOT NULL, "
            + "installed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)";

    /** One versioned script, common or per database. */
    record Script(String version, String description, boolean common) {

        /** Its classpath resource for {@code dialect}, named as Flyway expects. */
        String resource(Dialect dialect) {
            return "db/migration/" + (common ? "common" : dialect.folder()) + "/V" + version.replace('.', '_') + "__"
                    + description.replace(' ', '_') + ".sql";
        }
    }

    /** Every script, in the order they apply. */
    static final List<Script> SCRIPTS = List.of(
            new Script("1", "complaints", true),
            new Script("1.1", "reference byte order", false),
            new Script("2", "report projection", true),
            new Script("2.1", "report projection index", false),
            new Script("2.2", "report projection current rows", false),
            new Script("2.3", "text lengths", false),
            new Script("3", "event reasons", true),
            new Script("3.1", "event reason length", false),
            new Script("4", "subject keys", true));

    /** The script that creates the report projection: {@link #migrate} fills it for the complaints already stored. */
    private static final String PROJECTION_VERSION = "2";
    /** The script that adds the subject access keys: {@link #migrate} fills them for the personal data stored. */
    private static final String SUBJECT_KEYS_VERSION = "4";

    private ComplaintsSchema() {
    }

    /** Flyway's {@code locations} for {@code dialect}: the common scripts and the database's own. */
    public static List<String> flywayLocations(Dialect dialect) {
        return List.of("classpath:db/migration/common", "classpath:db/migration/" + dialect.folder());
    }

    /** Applies the scripts the database lacks; the dialect is detected. */
    public static void migrate(DataSource dataSource) {
        migrate(dataSource, detect(dataSource));
    }

    /** Applies the scripts the database lacks, as {@code dialect}. */
    public static void migrate(DataSource dataSource, Dialect dialect) {
        requireNonNull(dataSource, "dataSource");
        requireNonNull(dialect, "dialect");
        IN_THIS_JVM.lock();
        try {
            new Jdbc(dataSource).inTransaction("migrate the complaints schema", connection -> {
                if (dialect == Dialect.POSTGRESQL) {
                    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                        lock.setLong(1, LOCK_KEY);
                        lock.execute();
                    }
                }
                try (Statement s = connection.createStatement()) {
                    s.execute(CREATE_HISTORY);
                }
                Map<String, String> applied = applied(connection);
                for (Script script : SCRIPTS) {
                    String text = text(script, dialect);
                    String checksum = applied.get(script.version());
                    if (checksum == null) {
                        apply(connection, script, dialect, text);
                        if (script.version().equals(PROJECTION_VERSION)) {
                            int rows = ProjectionRows.rebuild(connection, Optional.empty());
                            LOG.info("Complaints schema: {} report projection rows built from the stored events", rows);
                        }
                        if (script.version().equals(SUBJECT_KEYS_VERSION)) {
                            int rows = DataProtectionSql.fillSubjectKeys(connection);
                            LOG.info("Complaints schema: subject access keys computed for {} complainants", rows);
                        }
                    } else if (!checksum.equals(checksum(text))) {
                        throw changed(script, dialect);
                    }
                }
                return null;
            });
        } finally {
            IN_THIS_JVM.unlock();
        }
    }

    /** Checks that every script was applied, by {@link #migrate} or by Flyway; the dialect is detected. */
    public static void validate(DataSource dataSource) {
        validate(dataSource, detect(dataSource));
    }

    /**
     * Checks that every script was applied, by {@link #migrate} (and unchanged since) or by Flyway.
     *
     * @throws IllegalStateException naming what is missing or changed
     */
    public static void validate(DataSource dataSource, Dialect dialect) {
        requireNonNull(dataSource, "dataSource");
        requireNonNull(dialect, "dialect");
        new Jdbc(dataSource).inTransaction("validate the complaints schema", connection -> {
            Optional<String> ours = stored(connection, HISTORY_TABLE);
            Optional<String> flyway = ours.isPresent() ? Optional.empty() : stored(connection, FLYWAY_HISTORY_TABLE);
            if (ours.isEmpty() && flyway.isEmpty()) {
                throw new IllegalStateException("The complaints schema is not there: call ComplaintsSchema.migrate,"
                        + " or run Flyway with the locations " + flywayLocations(dialect));
            }
            Map<String, String> applied = ours.isPresent() ? applied(connection)
                    : appliedByFlyway(connection, flyway.get());
            List<String> missing = new ArrayList<>();
            for (Script script : SCRIPTS) {
                String checksum = applied.get(script.version());
                if (checksum == null) {
                    missing.add(script.resource(dialect));
                } else if (ours.isPresent() && !checksum.equals(checksum(text(script, dialect)))) {
                    throw changed(script, dialect);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The complaints schema lacks " + missing
                        + ": call ComplaintsSchema.migrate, or run Flyway with the locations "
                        + flywayLocations(dialect));
            }
            return null;
        });
    }

    static Dialect detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.of(connection.getMetaData());
        } catch (SQLException e) {
            throw new JdbcStoreException("Could not read the database's metadata", e);
        }
    }

    private static void apply(Connection connection, Script script, Dialect dialect, String text)
            throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String statement : statements(text)) {
                s.execute(statement);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY_TABLE
                + " (version, description, script, checksum, installed_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, script.version());
            insert.setString(2, script.description());
            insert.setString(3, script.resource(dialect));
            insert.setString(4, checksum(text));
            insert.executeUpdate();
        }
        LOG.info("Complaints schema: applied {}", script.resource(dialect));
    }

    /** What {@link #migrate} applied: version to checksum. */
    private static Map<String, String> applied(Connection connection) throws SQLException {
        return versions(connection, "SELECT version, checksum FROM " + HISTORY_TABLE);
    }

    /**
     * What Flyway applied successfully: version to a mark. Flyway quotes its names, so they are quoted here as
     * the database stores them ({@code table} as found in the metadata).
     */
    private static Map<String, String> appliedByFlyway(Connection connection, String table) throws SQLException {
        return versions(connection, "SELECT \"version\", 'flyway' FROM \"" + table + "\" WHERE \"success\""
                + " AND \"version\" IS NOT NULL");
    }

    private static Map<String, String> versions(Connection connection, String query) throws SQLException {
        Map<String, String> applied = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                applied.put(rs.getString(1), rs.getString(2));
            }
        }
        return applied;
    }

    /** The name {@code table} is stored under in the current schema (as written, or in the database's case), if there. */
    private static Optional<String> stored(Connection connection, String table) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        String folded = md.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        String escape = md.getSearchStringEscape();
        for (String name : List.of(table, folded)) {
            String pattern = name.replace("_", escape + "_");
            try (ResultSet rs = md.getTables(connection.getCatalog(), connection.getSchema(), pattern, null)) {
                if (rs.next()) {
                    return Optional.of(rs.getString("TABLE_NAME"));
                }
            }
        }
        return Optional.empty();
    }

    private static IllegalStateException changed(Script script, Dialect dialect) {
        return new IllegalStateException("The complaints schema script " + script.resource(dialect)
                + " differs from the one applied as version " + script.version() + "; shipped scripts never change");
    }

    /** The script's text, line endings normalised. */
    static String text(Script script, Dialect dialect) {
        String resource = script.resource(dialect);
        try (InputStream in = ComplaintsSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema script on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    static String checksum(String text) {
        return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
    }

    /** The statements of a script: comment lines dropped, each statement ending with ';' at the end of a line. */
    static List<String> statements(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("A schema script ends without ';': " + current);
        }
        return statements;
    }
}
