package uk.councilcomplaints.examples.bench;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.report.ReportTable;

/**
 * The SQL side of {@link JdbcReportBenchmark}: the statement the store sends, caught on its way to the
 * database and sent again straight through JDBC with a hand-written loop over the rows ("replayed"); and the
 * naive queries a developer would write over {@code complaint_events} without the projection. The hand-written
 * baselines over the projection are {@link JdbcReportRawSql}'s.
 */
final class JdbcReportBenchmarkSql {

    private JdbcReportBenchmarkSql() {
    }

    /**
     * A prepared statement as sent: its text, its parameters by index, and what was run before it in its
     * transaction ({@code SET LOCAL} planner settings), if anything.
     */
    record Statement(String sql, Map<Integer, Object> params, List<String> settings) {

        Statement(String sql, Map<Integer, Object> params) {
            this(sql, params, List.of());
        }

        /**
         * Runs {@code work} on {@code c}: in a transaction after {@link #settings} if there are any (committed
         * after), else as it is.
         */
        <T> T in(Connection c, SqlWork<T> work) throws SQLException {
            if (settings.isEmpty()) {
                return work.run();
            }
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                for (String setting : settings) {
                    s.execute(setting);
                }
            }
            T result = work.run();
            c.commit();
            c.setAutoCommit(true);
            return result;
        }

        /** Binds the parameters to {@code ps} as they were bound (each value by setObject, its type if given). */
        void bind(PreparedStatement ps) throws SQLException {
            for (Map.Entry<Integer, Object> p : params.entrySet()) {
                if (p.getValue() instanceof Typed t) {
                    if (t.value() == null) {
                        ps.setNull(p.getKey(), t.sqlType());
                    } else {
                        ps.setObject(p.getKey(), t.value(), t.sqlType());
                    }
                } else {
                    ps.setObject(p.getKey(), p.getValue());
                }
            }
        }
    }

    /** Work against the database. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** A parameter bound with its SQL type (or a null of that type). */
    private record Typed(Object value, int sqlType) {
    }

    /**
     * A DataSource that hands out the connections of another and keeps the last statement prepared on them with
     * its parameters, and the SQL executed on the same connection before it. For catching what the store sends,
     * not for timing.
     */
    static final class Recorder implements DataSource {
        private final DataSource target;
        private String sql;
        private final Map<Integer, Object> params = new TreeMap<>();
        private final List<String> before = new ArrayList<>();
        private List<String> settings = List.of();

        Recorder(DataSource target) {
            this.target = target;
        }

        /** The last statement prepared, with the parameters bound to it. */
        Statement last() {
            if (sql == null) {
                throw new IllegalStateException("no statement was prepared");
            }
            return new Statement(sql, Collections.unmodifiableMap(new TreeMap<>(params)), settings);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(target.getConnection());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return wrap(target.getConnection(user, password));
        }

        private Connection wrap(Connection connection) {
            synchronized (this) {
                before.clear();
            }
            InvocationHandler handler = (proxy, method, args) -> {
                Object result = invoke(connection, method, args);
                if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String s) {
                    synchronized (this) {
                        sql = s;
                        params.clear();
                        settings = List.copyOf(before);
                        before.clear();
                    }
                    return watch((PreparedStatement) result);
                }
                if (method.getName().equals("createStatement")) {
                    return executed((java.sql.Statement) result);
                }
                return result;
            };
            return (Connection) Proxy.newProxyInstance(Recorder.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }

        private PreparedStatement watch(PreparedStatement statement) {
            InvocationHandler handler = (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
                    Object value = name.equals("setNull") ? new Typed(null, (Integer) args[1])
                            : args.length == 3 && args[2] instanceof Integer type ? new Typed(args[1], type)
                            : args[1];
                    synchronized (this) {
                        params.put(i, value);
                    }
                }
                return invoke(statement, method, args);
            };
            return (PreparedStatement) Proxy.newProxyInstance(Recorder.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, handler);
        }

        /** {@code statement}, keeping each SQL string executed on it for the next statement prepared. */
        private java.sql.Statement executed(java.sql.Statement statement) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("execute") && args != null && args[0] instanceof String s) {
                    synchronized (this) {
                        before.add(s);
                    }
                }
                return invoke(statement, method, args);
            };
            return (java.sql.Statement) Proxy.newProxyInstance(Recorder.class.getClassLoader(),
                    new Class<?>[] {java.sql.Statement.class}, handler);
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return target.isWrapperFor(iface);
        }
    }

    /** Turns a result's rows into a table. */
    @FunctionalInterface
    interface Reader {
        ReportTable read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code statement} on a connection of {@code dataSource} and reads its rows with {@code reader}. */
    static ReportTable run(DataSource dataSource, Statement statement, Reader reader) {
        try (Connection c = dataSource.getConnection()) {
            return statement.in(c, () -> {
                try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
                    statement.bind(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        return reader.read(rs);
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + statement.sql(), e);
        }
    }

    /** Prints {@code title}, the statement's text and its plan, run: EXPLAIN (ANALYZE, BUFFERS), PostgreSQL only. */
    static void explain(DataSource dataSource, String title, Statement statement, PrintStream out) {
        out.printf("%n### %s%n%n%s%s%n%n", title, settingsText(statement), statement.sql());
        try (Connection c = dataSource.getConnection()) {
            statement.in(c, () -> {
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())) {
                    statement.bind(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.println(rs.getString(1));
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not explain " + statement.sql(), e);
        }
    }

    /**
     * Prints {@code statement}'s generic plan, run (EXPLAIN (ANALYZE, BUFFERS) EXECUTE of it prepared with
     * {@code plan_cache_mode = force_generic_plan}): the plan PostgreSQL may keep for a statement a pooled
     * connection has prepared and run five times (the JDBC driver prepares on the server from the fifth run).
     */
    static void explainGeneric(DataSource dataSource, String title, Statement statement, PrintStream out) {
        out.printf("%n### %s (generic plan)%n%n", title);
        StringBuilder text = new StringBuilder();
        int mark = 0;
        for (char ch : statement.sql().toCharArray()) {
            text.append(ch == '?' ? "$" + (++mark) : String.valueOf(ch));
        }
        StringBuilder values = new StringBuilder();
        for (Map.Entry<Integer, Object> p : statement.params().entrySet()) {
            Object v = p.getValue() instanceof Typed t ? t.value() : p.getValue();
            values.append(values.length() == 0 ? "" : ", ")
                    .append(v == null ? "NULL" : "'" + v.toString().replace("'", "''") + "'");
        }
        try (Connection c = dataSource.getConnection()) {
            statement.in(c, () -> {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("SET plan_cache_mode = force_generic_plan");
                    s.execute("PREPARE generic_probe AS " + text);
                    try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE generic_probe (" + values
                            + ")")) {
                        while (rs.next()) {
                            out.println(rs.getString(1));
                        }
                    } finally {
                        s.execute("DEALLOCATE generic_probe");
                        s.execute("RESET plan_cache_mode");
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not explain the generic plan of " + statement.sql(), e);
        }
    }

    /** What runs before {@code statement} in its transaction, a line each ending in a semicolon, if anything. */
    private static String settingsText(Statement statement) {
        return statement.settings().stream().map(s -> s + ";\n").collect(Collectors.joining());
    }

    /** Prints how many of {@code report_projection}'s pages the visibility map holds all-visible. */
    static void visibility(DataSource dataSource, PrintStream out) {
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT relallvisible, relpages FROM pg_class"
                        + " WHERE relname = 'report_projection'")) {
            rs.next();
            out.printf(Locale.ROOT, "  report_projection: %,d of %,d pages all-visible%n", rs.getLong(1),
                    rs.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints how often each index of {@code report_projection} was scanned since the server started. */
    static void indexScans(DataSource dataSource, PrintStream out) {
        out.printf("%nIndex scans of report_projection (pg_stat_user_indexes):%n");
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT indexrelname, idx_scan, pg_relation_size(indexrelid)"
                        + " FROM pg_stat_user_indexes WHERE relname = 'report_projection' ORDER BY indexrelname")) {
            while (rs.next()) {
                out.printf(Locale.ROOT, "  %-45s %,12d scans %,10d kB%n", rs.getString(1), rs.getLong(2),
                        rs.getLong(3) >> 10);
            }
            try (ResultSet size = s.executeQuery("SELECT pg_relation_size('report_projection')")) {
                size.next();
                out.printf(Locale.ROOT, "  %-45s %18s %,10d kB%n", "(the table)", "", size.getLong(1) >> 10);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** By-type rows over the projection (classification, procedure, stage, bucket, count), read by hand. */
    static ReportTable readByType(ResultSet rs) throws SQLException {
        int[] counts = new int[8 * 8];
        while (rs.next()) {
            int type = ReportBenchmark.typeIndex(Classification.valueOf(rs.getString("classification")),
                    Procedure.valueOf(rs.getString("procedure_code")), Stage.of(rs.getInt("stage")));
            counts[type << 3 | StatusBucket.valueOf(rs.getString("bucket")).ordinal()] += rs.getInt("n");
        }
        return ReportBenchmark.table("Type", counts, List.of(ReportBenchmark.TYPES));
    }

    /**
     * By-service rows over the projection (service code, the least name of its counted rows, bucket, count), read
     * by hand, each service area labelled by the least of its rows' names (in code point order, as
     * {@code ServiceArea.labelOf}); rows without the name (a reference statement) labelled with
     * {@link BenchmarkData#AREAS}' names.
     */
    static ReportTable readByService(ResultSet rs) throws SQLException {
        int[] counts = new int[BenchmarkData.AREAS.size() * 8];
        String[] names = new String[BenchmarkData.AREAS.size()];
        boolean named = hasColumn(rs, "service_area_name");
        while (rs.next()) {
            int service = serviceIndex(rs.getString("service_area_code"));
            counts[service << 3 | StatusBucket.valueOf(rs.getString("bucket")).ordinal()] += rs.getInt("n");
            String name = named ? rs.getString("service_area_name") : null;
            if (name != null && (names[service] == null || name.compareTo(names[service]) < 0)) {
                names[service] = name;
            }
        }
        return serviceTable(counts, names);
    }

    private static boolean hasColumn(ResultSet rs, String column) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    /** The naive by-type rows (classification or null, procedure, stage or null, status, count). */
    static ReportTable readNaiveByType(ResultSet rs) throws SQLException {
        int[] counts = new int[8 * 8];
        while (rs.next()) {
            String classification = rs.getString("classification");
            int stage = rs.getInt("stage");
            Stage escalated = rs.wasNull() ? Stage.STAGE_1 : Stage.of(stage);
            int type = ReportBenchmark.typeIndex(
                    classification == null ? Classification.COMPLAINT : Classification.valueOf(classification),
                    Procedure.valueOf(rs.getString("procedure_code")), escalated);
            counts[type << 3 | Status.valueOf(rs.getString("status")).bucket().ordinal()] += rs.getInt("n");
        }
        return ReportBenchmark.table("Type", counts, List.of(ReportBenchmark.TYPES));
    }

    /** The naive by-service rows (service code, status, count). */
    static ReportTable readNaiveByService(ResultSet rs) throws SQLException {
        int[] counts = new int[BenchmarkData.AREAS.size() * 8];
        while (rs.next()) {
            int service = serviceIndex(rs.getString("service_area_code"));
            counts[service << 3 | Status.valueOf(rs.getString("status")).bucket().ordinal()] += rs.getInt("n");
        }
        return serviceTable(counts, new String[BenchmarkData.AREAS.size()]);
    }

    private static int serviceIndex(String code) {
        for (int i = 0; i < BenchmarkData.AREAS.size(); i++) {
            if (BenchmarkData.AREAS.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalStateException("unknown service area " + code);
    }

    /** The by-service table of {@code counts}, each area labelled by its name in {@code names}, else its own. */
    private static ReportTable serviceTable(int[] counts, String[] names) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            labels.add(names[i] != null ? names[i] : BenchmarkData.AREAS.get(i).name());
        }
        return ReportBenchmark.table("Service", counts, labels);
    }

    /**
     * The naive queries: the latest event of each complaint that happened before an instant (and was recorded
     * by another, if given), with the fields that event's predecessors set (procedure and service area at
     * receipt and triage, classification on reclassification, stage on escalation) carried along by window
     * aggregates over the same partition, then counted by group and status. PostgreSQL picks the latest row
     * with {@code DISTINCT ON}; H2, which lacks it, with {@code ROW_NUMBER}.
     */
    enum Naive {
        POSTGRESQL {
            @Override
            String latest(String fields, String where) {
                return "SELECT DISTINCT ON (e.complaint_id) e.status, " + fields
                        + " FROM complaint_events e WHERE e.council_id = ? AND e.occurred_at < ?" + where
                        + " WINDOW so_far AS (PARTITION BY e.complaint_id ORDER BY e.version DESC"
                        + " ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)"
                        + " ORDER BY e.complaint_id, e.version DESC";
            }

            @Override
            String lastSet(String column, String when) {
                return "(ARRAY_AGG(e." + column + ") FILTER (WHERE e." + column + " IS NOT NULL"
                        + (when.isEmpty() ? "" : " AND " + when) + ") OVER so_far)[1]";
            }
        },
        H2 {
            @Override
            String latest(String fields, String where) {
                return "SELECT * FROM (SELECT e.status, " + fields
                        + ", ROW_NUMBER() OVER (PARTITION BY e.complaint_id ORDER BY e.version DESC) AS rn"
                        + " FROM complaint_events e WHERE e.council_id = ? AND e.occurred_at < ?" + where
                        + ") numbered WHERE rn = 1";
            }

            @Override
            String lastSet(String column, String when) {
                return when.isEmpty() ? "FIRST_VALUE(e." + column + ") IGNORE NULLS" + FRAME
                        : "FIRST_VALUE(CASE WHEN " + when + " THEN e." + column + " END) IGNORE NULLS" + FRAME;
            }
        };

        /** A complaint's events so far, latest first (H2 names no windows). */
        private static final String FRAME = " OVER (PARTITION BY e.complaint_id ORDER BY e.version DESC"
                + " ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)";

        private static final String OPEN = Stream.of(Status.values()).filter(Status::open)
                .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

        /** The latest event per complaint (council, then before-instant parameters), with {@code fields}. */
        abstract String latest(String fields, String where);

        /**
         * The last value a complaint's events so far set in {@code column}, of those events meeting
         * {@code when} (a condition on {@code e}) if not empty.
         */
        abstract String lastSet(String column, String when);

        private String max(String column) {
            return "MAX(e." + column + ")" + (this == POSTGRESQL ? " OVER so_far" : FRAME);
        }

        /** By type as of {@code end}, known at {@code knownAt} if given. */
        Statement byType(String council, Instant end, Optional<Instant> knownAt) {
            // classification: set once, by reclassification; stage: only ever rises
            String latest = latest(max("classification") + " AS classification, " + lastSet("procedure_code", "")
                    + " AS procedure_code, " + max("stage") + " AS stage",
                    knownAt.isPresent() ? " AND e.recorded_at <= ?" : "");
            String sql = "SELECT l.classification, l.procedure_code, l.stage, l.status, COUNT(*) AS n FROM (" + latest
                    + ") l GROUP BY l.classification, l.procedure_code, l.stage, l.status";
            Map<Integer, Object> params = new TreeMap<>();
            params.put(1, council);
            params.put(2, timestamp(end));
            knownAt.ifPresent(k -> params.put(3, timestamp(k)));
            return new Statement(sql, params);
        }

        /** By service as of {@code end}, known at {@code knownAt} if given. */
        Statement byService(String council, Instant end, Optional<Instant> knownAt) {
            String latest = latest(lastSet("service_area_code", "") + " AS service_area_code",
                    knownAt.isPresent() ? " AND e.recorded_at <= ?" : "");
            String sql = "SELECT l.service_area_code, l.status, COUNT(*) AS n FROM (" + latest
                    + ") l GROUP BY l.service_area_code, l.status";
            Map<Integer, Object> params = new TreeMap<>();
            params.put(1, council);
            params.put(2, timestamp(end));
            knownAt.ifPresent(k -> params.put(3, timestamp(k)));
            return new Statement(sql, params);
        }

        /**
         * By service as of {@code end}, of the complaints open just before {@code start} (the status of their
         * latest event before it, carried along like the other fields), both known at {@code knownAt} if given.
         */
        Statement cohortByService(String council, Instant start, Instant end, Optional<Instant> knownAt) {
            String latest = latest(lastSet("service_area_code", "") + " AS service_area_code, "
                    + lastSet("status", "e.occurred_at < ?") + " AS status_at_start",
                    knownAt.isPresent() ? " AND e.recorded_at <= ?" : "");
            String sql = "SELECT l.service_area_code, l.status, COUNT(*) AS n FROM (" + latest
                    + ") l WHERE l.status_at_start IN (" + OPEN + ") GROUP BY l.service_area_code, l.status";
            Map<Integer, Object> params = new TreeMap<>();
            params.put(1, timestamp(start));
            params.put(2, council);
            params.put(3, timestamp(end));
            knownAt.ifPresent(k -> params.put(4, timestamp(k)));
            return new Statement(sql, params);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
