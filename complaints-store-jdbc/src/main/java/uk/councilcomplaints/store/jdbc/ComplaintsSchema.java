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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC store's tables, created and checked explicitly. The schema is a list of versioned SQL scripts
 * shipped as classpath resources: common ones in {@code db/migration/common}, each database's own in
 * {@code db/migration/h2} or {@code db/migration/postgresql}, named so that Flyway runs them unchanged
 * ({@link #flywayLocations}). {@link #migrate} applies the missing ones, records each in {@value #HISTORY_TABLE}
 * and returns what it applied; running it again changes nothing. A script may be followed by a backfill in Java
 * (the report projection's rows after version 2), run before the script is recorded.
 *
 * <p><b>A migration stopped half-way</b> (a statement refused, the connection or the process lost) is taken up
 * where it stopped by the next {@link #migrate}, with nothing lost:
 * <ul>
 * <li>On PostgreSQL every statement is transactional: the scripts run in one transaction, which commits at the
 * end, so a failure leaves the database as it was. The only exception is a backfill: the scripts up to and
 * including the backfill's own commit first (its script marked in {@code complaints_schema_progress} as having run
 * every statement), then the backfill commits a council at a time, so a long rebuild neither holds one huge transaction nor
 * starts again from nothing; the remaining scripts run in a last transaction. Nodes migrating at once take
 * turns through a session-level advisory lock, held by the migrating connection from start to end (across
 * those commits) and released at the end, or by the server when the session is lost: a second node waits and
 * then finds every script applied. Applications keep appending meanwhile; the backfill locks the complaints it
 * builds rows for, as {@link JdbcComplaintStore#rebuildProjection} does.</li>
 * <li>On H2 every DDL statement commits on its own, so a script cannot be one transaction. The statements of a
 * script are therefore recorded one at a time in {@code complaints_schema_progress}: after each statement its
 * number is written there and committed (a DML statement, such as version 3's copy of the reasons, commits together with
 * its record, so it is never run twice), and the next migrate starts from the first statement not recorded;
 * when the last statement (and backfill) is done the script's row in {@value #HISTORY_TABLE} is written and its
 * progress row deleted in one transaction. This was chosen over checking the catalog before each statement
 * because it needs no understanding of the statements and handles data statements too, and it keeps the
 * shipped scripts and their checksums unchanged. What it does not cover: a process killed in the instant
 * between a DDL statement's own commit and the commit of its record; the next migrate then fails on that
 * statement (for example "table already exists"), and the DBA either undoes it or raises the
 * {@code statements_done} of the script's row in {@code complaints_schema_progress} by one. Nodes take turns
 * through a lock in this JVM, so migrate a shared H2 server from one process.</li>
 * </ul>
 */
public final class ComplaintsSchema {

    /** Where {@link #migrate} records the scripts it applied. */
    public static final String HISTORY_TABLE = "complaints_schema_history";
    /** Where {@link #migrate} records how far it got in a script it has not finished (a row per such script). */
    static final String PROGRESS_TABLE = "complaints_schema_progress";
    /** Where Flyway records them, when Flyway migrates instead. */
    static final String FLYWAY_HISTORY_TABLE = "flyway_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintsSchema.class);
    /** The PostgreSQL advisory lock key of migrations: "cmplschm" in ASCII. */
    private static final long LOCK_KEY = 0x636d706c7363686dL;
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();
    /** How many complaints the report projection's backfill builds between two lines of progress in the log. */
    static final int PROGRESS_EVERY = 10_000;

    private static final String CREATE_HISTORY = "CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
            + "version VARCHAR(20) NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, "
            + "script VARCHAR(300) NOT NULL, checksum VARCHAR(64) NOT NULL, "
            + "installed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)";

    private static final String CREATE_PROGRESS = "CREATE TABLE IF NOT EXISTS " + PROGRESS_TABLE + " ("
            + "version VARCHAR(20) NOT NULL PRIMARY KEY, script VARCHAR(300) NOT NULL, "
            + "checksum VARCHAR(64) NOT NULL, statements_done INTEGER NOT NULL, "
            + "updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)";

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
            new Script("4", "subject keys", true),
            new Script("5", "running clocks", true),
            new Script("5.1", "running clocks indexes", false),
            new Script("6", "report projection lookups", false),
            new Script("7", "record keeping", true),
            new Script("8", "event feed", true),
            new Script("9", "work queue indexes", false),
            new Script("10", "report projection membership", false));

    /**
     * Work in Java that fills what a script created from the data already stored: run by {@link #migrate} after the
     * script's statements and before the script is recorded as applied. It commits as it goes (the connection's
     * autocommit is off) and must be safe to run again from the start after stopping anywhere.
     */
    @FunctionalInterface
    interface Backfill {
        void run(Connection connection) throws SQLException;
    }

    /** The script that creates the report projection: {@link #migrate} fills it for the complaints already stored. */
    private static final String PROJECTION_VERSION = "2";
    /** The script that adds the subject access keys: {@link #migrate} fills them for the personal data stored. */
    private static final String SUBJECT_KEYS_VERSION = "4";

    /** The backfill after a script, by the script's version. */
    static final Map<String, Backfill> BACKFILLS = Map.of(PROJECTION_VERSION, ComplaintsSchema::buildProjection,
            SUBJECT_KEYS_VERSION, ComplaintsSchema::fillSubjectKeys);

    private ComplaintsSchema() {
    }

    /** Flyway's {@code locations} for {@code dialect}: the common scripts and the database's own. */
    public static List<String> flywayLocations(Dialect dialect) {
        return List.of("classpath:db/migration/common", "classpath:db/migration/" + dialect.folder());
    }

    /**
     * Applies the scripts the database lacks; the dialect is detected.
     *
     * @return the classpath resources of the scripts applied, in order; empty when the schema was up to date
     */
    public static List<String> migrate(DataSource dataSource) {
        return migrate(dataSource, detect(dataSource));
    }

    /**
     * Applies the scripts the database lacks, as {@code dialect}, taking up one a previous migrate left half-way.
     *
     * @return the classpath resources of the scripts applied (or finished), in order, such as
     *     {@code db/migration/common/V3__event_reasons.sql}; empty when the schema was up to date
     * @throws IllegalStateException if a script applied before differs from the one shipped
     * @throws JdbcStoreException if a statement fails: what was done before it stays recorded
     */
    public static List<String> migrate(DataSource dataSource, Dialect dialect) {
        requireNonNull(dataSource, "dataSource");
        requireNonNull(dialect, "dialect");
        return migrate(dataSource, dialect, WriteGate.of(dataSource, dialect));
    }

    /** As {@link #migrate(DataSource, Dialect)}, its writes through {@code gate} (the store's own, when it builds). */
    static List<String> migrate(DataSource dataSource, Dialect dialect, WriteGate gate) {
        IN_THIS_JVM.lock();
        try {
            return gate.through(() -> {
                try (Connection connection = dataSource.getConnection(); Transaction tx = new Transaction(connection)) {
                    if (dialect == Dialect.POSTGRESQL) {
                        advisoryLock(connection, "pg_advisory_lock");
                    }
                    try {
                        List<String> done = migrate(connection, dialect);
                        tx.commit();
                        return done;
                    } finally {
                        if (dialect == Dialect.POSTGRESQL) {
                            unlockQuietly(connection);
                        }
                    }
                }
            });
        } catch (SQLException e) {
            throw new JdbcStoreException("Could not migrate the complaints schema", e);
        } finally {
            IN_THIS_JVM.unlock();
        }
    }

    /** Takes or gives back the migration's session lock on PostgreSQL ({@code function} of {@link #LOCK_KEY}). */
    private static void advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(?)")) {
            lock.setLong(1, LOCK_KEY);
            lock.execute();
        }
    }

    /**
     * Gives back the session lock, which outlives transactions (and a pooled connection's use): after a failure
     * the open transaction is rolled back first, so the unlock can run.
     */
    private static void unlockQuietly(Connection connection) {
        try {
            connection.rollback();
            advisoryLock(connection, "pg_advisory_unlock");
            connection.commit();
        } catch (SQLException e) {
            LOG.warn("Complaints schema: could not give back the migration's lock", e);
        }
    }

    private static List<String> migrate(Connection connection, Dialect dialect) throws SQLException {
        boolean stepwise = dialect == Dialect.H2;
        try (Statement s = connection.createStatement()) {
            s.execute(CREATE_HISTORY);
            s.execute(CREATE_PROGRESS);
        }
        Map<String, String> applied = applied(connection);
        List<String> done = new ArrayList<>();
        for (Script script : SCRIPTS) {
            String text = text(script, dialect);
            String checksum = checksum(text);
            String recorded = applied.get(script.version());
            if (recorded != null) {
                if (!recorded.equals(checksum)) {
                    throw changed(script, dialect);
                }
                continue;
            }
            List<String> statements = statements(text);
            int from = statementsDone(connection, script, dialect, checksum);
            if (from > 0) {
                LOG.info("Complaints schema: taking up {} after its statement {} of {}", script.resource(dialect), from,
                        statements.size());
            }
            try (Statement s = connection.createStatement()) {
                for (int i = from; i < statements.size(); i++) {
                    try {
                        s.execute(statements.get(i));
                    } catch (SQLException e) {
                        throw new JdbcStoreException("Could not apply statement " + (i + 1) + " of "
                                + statements.size() + " of " + script.resource(dialect)
                                + (stepwise ? " (the statements before it stay applied and recorded)" : ""), e);
                    }
                    if (stepwise) {
                        recordProgress(connection, script, dialect, checksum, i + 1);
                        connection.commit();
                    }
                }
            }
            Backfill backfill = BACKFILLS.get(script.version());
            if (backfill != null) {
                if (!stepwise) {
                    recordProgress(connection, script, dialect, checksum, statements.size());
                }
                connection.commit();
                backfill.run(connection);
            }
            recordApplied(connection, script, dialect, checksum);
            if (stepwise) {
                connection.commit();
            }
            LOG.info("Complaints schema: applied {}", script.resource(dialect));
            done.add(script.resource(dialect));
        }
        return List.copyOf(done);
    }

    /**
     * The report projection's rows for the complaints stored before it (or whose rows were lost), a council at a
     * time, each council committed: stopped half-way, the next run builds only for the complaints still without
     * rows. Logs each council, and every {@value #PROGRESS_EVERY} complaints.
     */
    static void buildProjection(Connection connection) throws SQLException {
        buildProjection(connection, PROGRESS_EVERY, LOG::info);
    }

    /** Whether {@code table} has {@code column}, in any letter case. */
    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        for (String t : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = connection.getMetaData().getColumns(null, null, t, null)) {
                while (rs.next()) {
                    if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** As {@link #buildProjection(Connection)}, telling {@code progress} every {@code every} complaints. */
    static void buildProjection(Connection connection, int every, Consumer<String> progress) throws SQLException {
        Map<String, Long> councils = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT council_id, COUNT(*) FROM complaints GROUP BY council_id ORDER BY council_id")) {
            while (rs.next()) {
                councils.put(rs.getString(1), rs.getLong(2));
            }
        }
        connection.commit();
        long total = councils.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return;
        }
        progress.accept(String.format(Locale.ROOT, "Complaints schema: building the report projection of %,d stored"
                + " complaints in %d councils, a council at a time", total, councils.size()));
        // run right after version 2, normally before versions 7 and 8 add the columns of later events (and the events)
        boolean recordKeeping = hasColumn(connection, "complaint_events", "letter");
        long[] built = {0};
        int council = 0;
        long rows = 0;
        for (Map.Entry<String, Long> c : councils.entrySet()) {
            council++;
            int written = ProjectionRows.rebuild(connection, Optional.of(c.getKey()), recordKeeping, () -> {
                if (++built[0] % every == 0) {
                    progress.accept(String.format(Locale.ROOT, "Complaints schema: report projection: %,d"
                            + " complaints built so far", built[0]));
                }
            });
            connection.commit();
            rows += written;
            progress.accept(String.format(Locale.ROOT, "Complaints schema: report projection of council %s committed"
                    + " (%d of %d councils): %,d rows; %,d complaints stored there", c.getKey(), council,
                    councils.size(), written, c.getValue()));
        }
        progress.accept(String.format(Locale.ROOT, "Complaints schema: %,d report projection rows built from the"
                + " stored events of %,d complaints", rows, built[0]));
    }

    /**
     * The subject access keys of the personal data stored before version 4, committed once all are filled;
     * stopped half-way, the next run fills the rows still without keys.
     */
    static void fillSubjectKeys(Connection connection) throws SQLException {
        int rows = DataProtectionSql.fillSubjectKeys(connection);
        connection.commit();
        LOG.info("Complaints schema: subject access keys computed for {} complainants", rows);
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
        new Jdbc(dataSource, WriteGate.NONE).reading("validate the complaints schema", connection -> {
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

    /** The version of the newest script shipped, such as {@code 6}: the one {@link #validate} requires. */
    public static String latestVersion() {
        return SCRIPTS.get(SCRIPTS.size() - 1).version();
    }

    /**
     * The newest of the store's scripts recorded as applied on {@code connection}'s database, by {@link #migrate}
     * or by Flyway (whose history may hold an application's own scripts too: those are ignored); empty when none
     * is.
     */
    static Optional<String> appliedVersion(Connection connection) throws SQLException {
        Optional<String> ours = stored(connection, HISTORY_TABLE);
        Optional<String> flyway = ours.isPresent() ? Optional.empty() : stored(connection, FLYWAY_HISTORY_TABLE);
        if (ours.isEmpty() && flyway.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> applied = ours.isPresent() ? applied(connection) : appliedByFlyway(connection, flyway.get());
        Optional<String> newest = Optional.empty();
        for (Script script : SCRIPTS) {
            if (applied.containsKey(script.version())) {
                newest = Optional.of(script.version());
            }
        }
        return newest;
    }

    static Dialect detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.of(connection.getMetaData());
        } catch (SQLException e) {
            throw new JdbcStoreException("Could not read the database's metadata", e);
        }
    }

    /** How many statements of {@code script} an earlier migrate ran and recorded: 0 if none. */
    private static int statementsDone(Connection connection, Script script, Dialect dialect, String checksum)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT checksum, statements_done FROM "
                + PROGRESS_TABLE + " WHERE version = ?")) {
            select.setString(1, script.version());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                if (!rs.getString(1).equals(checksum)) {
                    throw changed(script, dialect);
                }
                return rs.getInt(2);
            }
        }
    }

    private static void recordProgress(Connection connection, Script script, Dialect dialect, String checksum,
            int statementsDone) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + PROGRESS_TABLE
                + " SET statements_done = ?, updated_at = CURRENT_TIMESTAMP WHERE version = ?")) {
            update.setInt(1, statementsDone);
            update.setString(2, script.version());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + PROGRESS_TABLE
                + " (version, script, checksum, statements_done, updated_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, script.version());
            insert.setString(2, script.resource(dialect));
            insert.setString(3, checksum);
            insert.setInt(4, statementsDone);
            insert.executeUpdate();
        }
    }

    /** Records {@code script} as applied and forgets its progress, in the current transaction. */
    private static void recordApplied(Connection connection, Script script, Dialect dialect, String checksum)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY_TABLE
                + " (version, description, script, checksum, installed_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, script.version());
            insert.setString(2, script.description());
            insert.setString(3, script.resource(dialect));
            insert.setString(4, checksum);
            insert.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + PROGRESS_TABLE
                + " WHERE version = ?")) {
            delete.setString(1, script.version());
            delete.executeUpdate();
        }
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
