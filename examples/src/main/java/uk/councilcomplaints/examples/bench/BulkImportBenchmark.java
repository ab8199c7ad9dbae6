package uk.councilcomplaints.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.jdbc.ComplaintsSchema;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Batch;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * Times a bulk import through the facade ({@link Complaints#batch()}: every command validated, guarded and
 * decided, then stored by {@code appendAll}, {@value #CHUNK} complaints a batch) against raw JDBC writing the
 * same rows (the complaints, events, their reasons, report projection and personal data rows the facade stored,
 * read back) into the same tables of a fresh schema, one transaction per {@value #CHUNK} complaints: on
 * PostgreSQL each table's rows one {@code COPY} with its text written by hand (the store sends a batch of 100
 * commits or more by COPY too), on H2 one prepared statement per table and JDBC batches. The two take turns a
 * chunk at a time, so both see the same load. Each complaint has five events (received, triaged, allocated,
 * acknowledged, responded). Runs on an embedded PostgreSQL 17 it starts (fsync off) and on an H2 file, each
 * after a warm-up, and prints both times and their ratio (target: at most 2).
 *
 * <p>Arguments: the number of complaints (100,000 unless given) and a folder for the H2 files (a new
 * temporary folder unless given).
 */
public final class BulkImportBenchmark {

    /** Complaints a batch (facade) or a transaction (raw). */
    static final int CHUNK = 2000;
    static final double TARGET_RATIO = 2.0;
    private static final int WARM_UP = 5000;
    private static final Instant NOW = Instant.parse("2023-01-02T10:00:00Z");
    private static final Instant FIRST = Instant.parse("2021-01-04T09:00:00Z");
    /** The tables an import writes, parents first, each with the column naming its complaint. */
    private static final Map<String, String> TABLES = tables();
    private static final List<Outcome> OUTCOMES = List.of(Outcome.UPHELD, Outcome.PARTLY_UPHELD, Outcome.NOT_UPHELD);

    private BulkImportBenchmark() {
    }

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("complaints", "id");
        tables.put("complaint_events", "complaint_id");
        tables.put("event_reasons", "complaint_id");
        tables.put("report_projection", "complaint_id");
        tables.put("complainants", "complaint_id");
        return tables;
    }

    /**
     * One database's figures: the facade's time, the raw time, and the rows each stored per table.
     *
     * @param database the database's name
     * @param complaints complaints imported each way
     * @param facade the facade's time
     * @param raw raw JDBC's time
     * @param facadeRows rows per table after the facade's import
     * @param rawRows rows per table after the raw import
     */
    record Figures(String database, int complaints, Duration facade, Duration raw, Map<String, Long> facadeRows,
            Map<String, Long> rawRows) {

        double ratio() {
            return (double) facade.toNanos() / raw.toNanos();
        }

        @Override
        public String toString() {
            double f = facade.toNanos() / 1e9;
            double r = raw.toNanos() / 1e9;
            return String.format(Locale.UK, "%s: facade batch %,.1f s (%,.0f complaints/s), raw JDBC %,.1f s "
                    + "(%,.0f complaints/s): ratio %.2f (target at most %.0f: %s); rows %s", database, f,
                    complaints / f, r, complaints / r, ratio(), TARGET_RATIO, ratio() <= TARGET_RATIO ? "met" : "NOT met",
                    facadeRows);
        }
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, SQLException {
        int complaints = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 100_000;
        Path dir = args.length > 1 ? Files.createDirectories(Path.of(args[1]))
                : Files.createTempDirectory("bulk-import-bench");
        System.out.printf(Locale.UK, "Bulk import of %,d complaints with 5 events each, %,d a batch%n", complaints,
                CHUNK);
        List<Figures> all = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off").start()) {
            all.add(print(measure("PostgreSQL 17 (embedded, fsync off)", () -> newDatabase(postgres), complaints)));
        }
        int[] h2 = {0};
        all.add(print(measure("H2 file", () -> "jdbc:h2:file:" + dir.resolve("h2-" + ++h2[0]).toAbsolutePath(),
                complaints)));
        System.out.println("H2 files in " + dir);
        System.out.flush();
        if (all.stream().anyMatch(f -> !f.facadeRows().equals(f.rawRows()))) {
            System.exit(1);
        }
    }

    private static Figures print(Figures figures) {
        System.out.println(figures);
        System.out.flush();
        return figures;
    }

    private static String newDatabase(EmbeddedPostgres postgres) {
        String name = "bench_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a database", e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /**
     * Imports {@code complaints} through the facade into one new database and their rows by raw JDBC into
     * another, after a warm-up of both paths; {@code freshDatabase} gives the URL of a new empty database.
     */
    static Figures measure(String database, Supplier<String> freshDatabase, int complaints) throws SQLException {
        int warmUp = Math.min(WARM_UP, complaints);
        once(database, freshDatabase, warmUp);
        return once(database, freshDatabase, complaints);
    }

    /**
     * The two paths interleaved a chunk at a time, so that both see the same load on a shared machine: the
     * facade stores a chunk, its rows are read back (not timed), raw JDBC writes them.
     */
    private static Figures once(String database, Supplier<String> freshDatabase, int complaints)
            throws SQLException {
        try (HikariDataSource viaFacade = pool(freshDatabase.get());
                HikariDataSource viaRaw = pool(freshDatabase.get())) {
            JdbcComplaintStore store = JdbcComplaintStore.builder(viaFacade).noSettleWindow().build();
            ComplaintsSchema.migrate(viaRaw);
            Complaints facade = Complaints.builder(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
            System.gc();
            long facadeNanos = 0;
            long rawNanos = 0;
            for (int from = 0; from < complaints; from += CHUNK) {
                int to = Math.min(complaints, from + CHUNK);
                long start = System.nanoTime();
                importThroughFacade(facade, from, to);
                facadeNanos += System.nanoTime() - start;
                List<Rows> rows = readRows(viaFacade, reference(from), reference(to - 1));
                start = System.nanoTime();
                insertRaw(viaRaw, rows, from == 0);
                rawNanos += System.nanoTime() - start;
            }
            return new Figures(database, complaints, Duration.ofNanos(facadeNanos), Duration.ofNanos(rawNanos),
                    count(viaFacade), count(viaRaw));
        }
    }

    private static String reference(int i) {
        return String.format("BULK-%07d", i);
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (url.startsWith("jdbc:postgresql:")) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    /** Receives, triages, allocates, acknowledges and responds to complaints {@code from} to {@code to}, one batch. */
    static void importThroughFacade(Complaints facade, int from, int to) {
        Batch batch = facade.batch();
        for (int i = from; i < to; i++) {
            SplittableRandom random = new SplittableRandom(i); // complaint i is the same on every run
            Procedure procedure = BenchmarkData.procedure(random);
            ServiceArea area = BenchmarkData.area(procedure, random);
            // received from January 2021 over about 600 days, milestones on the following days
            Instant received = FIRST.plus(Duration.ofMinutes(i % 600 * 1440L + i / 600 % 480));
            Audit audit = Audit.by("bulk-import").because("bulk import benchmark");
            ReceiveContact contact = new ReceiveContact(Optional.of(reference(i)), procedure, area, Channel.EMAIL,
                    received, Optional.empty(), new Complainant("Resident " + i,
                            Optional.of("resident" + i + "@example.org"), Optional.empty(), Optional.empty()),
                    "Complaint " + i + " about " + area.name());
            Complaint c = batch.receive(contact, audit);
            batch.execute(c.id(), Command.Triage.asReceived(), audit.occurredAt(received.plus(Duration.ofDays(1))));
            batch.execute(c.id(), new Command.Allocate("officer" + i % 40, "Complaints team"),
                    audit.occurredAt(received.plus(Duration.ofDays(2))));
            batch.execute(c.id(), new Command.Acknowledge(), audit.occurredAt(received.plus(Duration.ofDays(3))));
            batch.execute(c.id(), Command.Respond.with(OUTCOMES.get(i % OUTCOMES.size())),
                    audit.occurredAt(received.plus(Duration.ofDays(9))));
        }
        batch.commit();
    }

    /** One table's rows of some complaints, with the columns they fill. */
    private record Rows(String table, List<String> columns, List<Object[]> values) {
    }

    /** The rows the facade stored for the complaints with references {@code first} to {@code last}, parents first. */
    private static List<Rows> readRows(DataSource dataSource, String first, String last) throws SQLException {
        List<Rows> chunk = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, String> t : TABLES.entrySet()) {
                List<String> names = insertableColumns(c, t.getKey());
                List<Object[]> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", names) + " FROM "
                        + t.getKey() + " WHERE " + t.getValue() + " IN (SELECT id FROM complaints"
                        + " WHERE reference >= ? AND reference <= ?)")) {
                    ps.setString(1, first);
                    ps.setString(2, last);
                    try (ResultSet rs = ps.executeQuery()) {
                        ResultSetMetaData md = rs.getMetaData();
                        while (rs.next()) {
                            Object[] row = new Object[names.size()];
                            for (int i = 0; i < row.length; i++) {
                                row[i] = isTimestampWithZone(md, i + 1) ? rs.getObject(i + 1, OffsetDateTime.class)
                                        : rs.getObject(i + 1);
                            }
                            rows.add(row);
                        }
                    }
                }
                chunk.add(new Rows(t.getKey(), names, rows));
            }
        }
        return chunk;
    }

    /** The table's columns but those the database computes (H2's reference order). */
    private static List<String> insertableColumns(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<String> names = new ArrayList<>();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = md.getColumns(null, null, name, null)) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (("public".equalsIgnoreCase(schema)) && !"YES".equals(rs.getString("IS_GENERATEDCOLUMN"))) {
                        names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no columns found for table " + table);
        }
        return names;
    }

    private static boolean isTimestampWithZone(ResultSetMetaData md, int column) throws SQLException {
        String type = md.getColumnTypeName(column).toLowerCase(Locale.ROOT);
        return type.equals("timestamptz") || type.contains("with time zone");
    }

    /**
     * One chunk's rows in one transaction: on PostgreSQL each table's rows one {@code COPY}, as the store sends
     * a large batch, elsewhere one JDBC batch. On PostgreSQL the first chunk analyses each table once its rows
     * are in, as the store does, so that foreign-key checks use the keys.
     */
    private static void insertRaw(DataSource dataSource, List<Rows> chunk, boolean first) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            boolean postgres = c.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
            for (Rows rows : chunk) {
                if (postgres) {
                    copy(c, rows);
                } else {
                    insert(c, rows);
                }
                if (first && postgres) {
                    try (Statement s = c.createStatement()) {
                        s.execute("ANALYZE " + rows.table());
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    /** The rows as one JDBC batch of inserts. */
    private static void insert(Connection c, Rows rows) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + rows.table() + " ("
                + String.join(", ", rows.columns()) + ") VALUES ("
                + rows.columns().stream().map(x -> "?").collect(Collectors.joining(", ")) + ")")) {
            for (Object[] row : rows.values()) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The rows as one {@code COPY ... FROM STDIN}, its text format written here by hand. */
    private static void copy(Connection c, Rows rows) throws SQLException {
        StringBuilder text = new StringBuilder(rows.values().size() * 256);
        for (Object[] row : rows.values()) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object value = row[i];
                if (value == null) {
                    text.append("\\N");
                } else if (value instanceof String s) {
                    for (int k = 0; k < s.length(); k++) {
                        char ch = s.charAt(k);
                        switch (ch) {
                            case '\\' -> text.append("\\\\");
                            case '\t' -> text.append("\\t");
                            case '\n' -> text.append("\\n");
                            case '\r' -> text.append("\\r");
                            default -> text.append(ch);
                        }
                    }
                } else if (value instanceof Boolean b) {
                    text.append(b ? 't' : 'f');
                } else {
                    text.append(value); // numbers, UUIDs, dates, and OffsetDateTime in ISO 8601
                }
            }
            text.append('\n');
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + rows.table() + " ("
                    + String.join(", ", rows.columns()) + ") FROM STDIN", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("Could not send the rows of " + rows.table(), e);
        }
    }

    /** Rows per table. */
    static Map<String, Long> count(DataSource dataSource) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES.keySet()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
