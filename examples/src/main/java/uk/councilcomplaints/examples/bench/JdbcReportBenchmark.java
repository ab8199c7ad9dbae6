package uk.councilcomplaints.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import uk.councilcomplaints.examples.bench.JdbcReportBenchmarkSql.Naive;
import uk.councilcomplaints.examples.bench.JdbcReportBenchmarkSql.Reader;
import uk.councilcomplaints.examples.bench.JdbcReportBenchmarkSql.Recorder;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.ReportTable;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.store.jdbc.SchemaMode;

/**
 * Times the JDBC store's report tables over 250k, 500k and 1M complaints (the memory benchmark's generated
 * histories, without personal data) in a real PostgreSQL 17 (embedded) and in an H2 file database, each against,
 * in the same run: the best SQL written by hand over the same {@code report_projection} table for the same answer,
 * independent of the store's statement, sent straight through JDBC with a hand-written loop over its rows ("raw":
 * the fastest of a few candidates, {@link JdbcReportRawSql}, service areas labelled from their rows' names as the
 * store labels them, a reference without the names printed beside as "codes ms"); a naive query over the events
 * table, as a developer would write it without the report projection ({@code DISTINCT ON} in PostgreSQL,
 * {@code ROW_NUMBER} in H2, which lacks it; service areas named from the benchmark's data); and, for the store's
 * own cost in Java, the very statement the store sends (caught on its way to the database) replayed the same way
 * ("replay"). The reports: by type and by service as of two days, known now and
 * known at an instant; a cohort (open at the start of a day) by service as of a later day, known now and at an
 * instant; twelve in all. Every answer is checked against the others first; each figure is the best of several
 * runs after warm-ups, interleaved (the naive query's apart). Targets, on PostgreSQL: at most 1.2 times raw, at
 * most 0.25 times naive, and linear growth (time per complaint from the smallest to the largest run). Complaints are loaded through the
 * store's {@code appendAll}, 5,000 at a time, the sizes one after the other in one database, then vacuumed and
 * analysed. Run with
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests org.codehaus.mojo:exec-maven-plugin:3.5.0:exec \
 *     -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx4g -cp %classpath uk.councilcomplaints.examples.bench.JdbcReportBenchmark"
 * </pre>
 * Arguments: the numbers of complaints, if not the default three; {@code --h2-sizes=N,N} for other numbers
 * in H2 (it loads and counts far more slowly); {@code --runs=N} (5), {@code --warm-ups=N} (2);
 * {@code --postgresql} or {@code --h2} for one database only; {@code --explain} to print, at the largest size on
 * PostgreSQL, each report's store statement and best raw statement with their plans, custom (planned for the
 * values, as for a statement's first runs on a connection) and generic (as the driver and the server may choose
 * from a connection's sixth run of the same statement on), and the index scan counts. The system property
 * {@code bench.url.extra} is appended to PostgreSQL's JDBC URL, say {@code &prepareThreshold=0} (never prepare on
 * the server, so always a custom plan) or {@code &options=-c%20plan_cache_mode%3Dforce_generic_plan}.
 */
public final class JdbcReportBenchmark {

    static final double MAX_RAW_RATIO = 1.2;
    static final double MAX_NAIVE_RATIO = 0.25;
    private static final String COUNCIL = "bench";
    private static final int BATCH = 5_000;
    /** The width of the report column. */
    private static final int WIDTH = 88;
    /** The days by-type and by-service tables are taken as of: amid the arrivals, and after the last. */
    static final List<LocalDate> DAYS = List.of(ReportBenchmark.AS_OF, LocalDate.of(2022, 8, 31));
    /** The instant each of {@link #DAYS} is also known at. */
    static final List<Instant> KNOWN_ATS = List.of(ReportBenchmark.KNOWN_AT, Instant.parse("2022-08-01T12:00:00Z"));
    /** The days cohorts are open at the start of, each counted as of the day beside it in {@link #COHORT_DAYS}. */
    static final List<LocalDate> COHORTS = List.of(ReportBenchmark.COHORT, LocalDate.of(2022, 6, 1));
    static final List<LocalDate> COHORT_DAYS = List.of(ReportBenchmark.COHORT_AS_OF, LocalDate.of(2022, 8, 31));
    /** The instant each cohort is also known at (membership and counts). */
    static final List<Instant> COHORT_KNOWN_ATS = List.of(Instant.parse("2022-01-07T12:00:00Z"),
            Instant.parse("2022-08-01T12:00:00Z"));

    private JdbcReportBenchmark() {
    }

    /**
     * One report timed at one size, each the best of its runs: the store, its own statement replayed, the fastest
     * hand-written statement of the whole answer ({@code rawName}), the naive query, and the hand-written reference
     * without the service areas' names ({@code NaN} if none: see {@link JdbcReportRawSql.Candidate}).
     */
    record Timing(String report, double storeMillis, double replayMillis, double rawMillis, String rawName,
            double naiveMillis, double codesOnlyMillis) {
        double rawRatio() {
            return storeMillis / rawMillis;
        }

        double naiveRatio() {
            return storeMillis / naiveMillis;
        }

        boolean passes() {
            return rawRatio() <= MAX_RAW_RATIO && naiveRatio() <= MAX_NAIVE_RATIO;
        }
    }

    /** The timings at one size. */
    record SizeResult(int complaints, long events, double loadSeconds, List<Timing> timings) {
        double nanosPerComplaint(int timing) {
            return timings.get(timing).storeMillis() * 1e6 / complaints;
        }

        double rawNanosPerComplaint(int timing) {
            return timings.get(timing).rawMillis() * 1e6 / complaints;
        }
    }

    /** A database the benchmark runs on, reached through a pool it closes. */
    record Engine(String name, HikariDataSource dataSource, HikariDataSource loading, Naive naive,
            String analyzeStatement) implements AutoCloseable {

        /**
         * The PostgreSQL database at {@code url} (user included), batched inserts rewritten as multi-row ones;
         * loading skips the foreign key triggers ({@code session_replication_role = replica}): the store writes
         * each complaint's row before its events' and projection's.
         */
        static Engine postgres(String url) {
            String batched = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true"
                    + System.getProperty("bench.url.extra", "");
            return new Engine("PostgreSQL", pool(batched, null),
                    pool(batched, "SET session_replication_role = replica"), Naive.POSTGRESQL, "VACUUM ANALYZE");
        }

        /** A new H2 database in a file under {@code dir}, with a 1 GB page cache. */
        static Engine h2(Path dir) {
            HikariDataSource pool = pool("jdbc:h2:file:" + dir.toAbsolutePath().resolve("bench")
                    + ";CACHE_SIZE=1048576", null);
            return new Engine("H2", pool, pool, Naive.H2, "ANALYZE");
        }

        private static HikariDataSource pool(String url, String initSql) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(4);
            config.setMinimumIdle(0);
            if (initSql != null) {
                config.setConnectionInitSql(initSql);
            }
            return new HikariDataSource(config);
        }

        String version() {
            try (Connection c = dataSource.getConnection()) {
                return name + " " + c.getMetaData().getDatabaseProductVersion();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Refreshes the planner's statistics (and on PostgreSQL the visibility map, for index-only scans, vacuuming
         * {@code report_projection} again, up to three times, until every page is all-visible).
         */
        void analyze() {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute(analyzeStatement);
                // a VACUUM running beside another transaction (autovacuum's ANALYZE) leaves pages it cannot mark
                for (int i = 0; i < 3 && naive == Naive.POSTGRESQL && !allVisible(s); i++) {
                    Thread.sleep(2_000);
                    s.execute("VACUUM report_projection");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static boolean allVisible(Statement s) throws SQLException {
            try (java.sql.ResultSet rs = s.executeQuery("SELECT relallvisible >= relpages FROM pg_class"
                    + " WHERE relname = 'report_projection'")) {
                return rs.next() && rs.getBoolean(1);
            }
        }

        @Override
        public void close() {
            loading.close();
            dataSource.close();
        }
    }

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        List<Integer> h2Sizes = new ArrayList<>();
        int runs = 5;
        int warmUps = 2;
        boolean postgres = true;
        boolean h2 = true;
        boolean explain = false;
        for (String a : args) {
            if (a.startsWith("--runs=")) {
                runs = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("--warm-ups=")) {
                warmUps = Integer.parseInt(a.substring(11));
            } else if (a.startsWith("--h2-sizes=")) {
                for (String n : a.substring(11).split(",")) {
                    h2Sizes.add(Integer.parseInt(n.replace("_", "")));
                }
            } else if (a.equals("--postgresql")) {
                h2 = false;
            } else if (a.equals("--h2")) {
                postgres = false;
            } else if (a.equals("--explain")) {
                explain = true;
            } else {
                sizes.add(Integer.parseInt(a.replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(250_000, 500_000, 1_000_000);
        }
        if (h2Sizes.isEmpty()) {
            h2Sizes = sizes;
        }
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "Reports over the JDBC store; Java %s, max heap %d MB, %d runs after %d warm-ups%n",
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, runs, warmUps);
        List<List<SizeResult>> results = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (postgres) {
            try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off").setServerConfig("shared_buffers", "1GB")
                    .setServerConfig("work_mem", "128MB").setServerConfig("max_wal_size", "4GB").start();
                    Engine engine = Engine.postgres(server.getJdbcUrl("postgres", "postgres"))) {
                names.add(engine.version());
                results.add(run(engine, sizes, warmUps, runs, explain, out));
            }
        }
        if (h2) {
            Path dir = Files.createTempDirectory("jdbc-report-bench");
            try (Engine engine = Engine.h2(dir)) {
                names.add(engine.version());
                results.add(run(engine, h2Sizes, warmUps, runs, false, out));
            } finally {
                deleteTree(dir);
            }
        }
        summary(names, results, out);
    }

    /**
     * Loads the complaints of each of {@code sizes} (ascending) into {@code engine}'s database in turn, each
     * size adding to the last, and times the reports at each; prints as it goes.
     */
    static List<SizeResult> run(Engine engine, List<Integer> sizes, int warmUps, int runs, PrintStream out) {
        return run(engine, sizes, warmUps, runs, false, out);
    }

    /**
     * As {@link #run(Engine, List, int, int, PrintStream)}; with {@code explain}, on PostgreSQL, then prints for
     * each report the store's statement and the fastest hand-written one with their plans (EXPLAIN (ANALYZE,
     * BUFFERS)) at the largest size, and how often each index of {@code report_projection} was scanned.
     */
    static List<SizeResult> run(Engine engine, List<Integer> sizes, int warmUps, int runs, boolean explain,
            PrintStream out) {
        List<Integer> ascending = sizes.stream().sorted().toList();
        JdbcComplaintStore store = JdbcComplaintStore.builder(engine.dataSource()).council(COUNCIL)
                .noSettleWindow().build();
        JdbcComplaintStore loader = JdbcComplaintStore.builder(engine.loading()).council(COUNCIL)
                .dialect(store.dialect()).schema(SchemaMode.NONE).noSettleWindow().build();
        Recorder recorder = new Recorder(engine.dataSource());
        JdbcComplaintStore recording = JdbcComplaintStore.builder(recorder).council(COUNCIL)
                .dialect(store.dialect()).schema(SchemaMode.NONE).noSettleWindow().build();
        // the largest run's complaints are the memory benchmark's at that size
        BenchmarkData data = new BenchmarkData(ascending.get(ascending.size() - 1));
        List<SizeResult> results = new ArrayList<>();
        int loaded = 0;
        long events = 0;
        for (int n : ascending) {
            long t0 = System.nanoTime();
            events += data.loadInBatches(loader, n - loaded, BATCH);
            loaded = n;
            engine.analyze();
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Measured> measured = reports(engine, store, recording, recorder);
            SizeResult r = measure(measured, n, events, seconds, warmUps, runs);
            results.add(r);
            out.printf(Locale.ROOT, "%n%s, %,d complaints, %,d events (%,d more loaded and analysed in %.0f s)%n",
                    engine.version(), n, events, n - (results.size() == 1 ? 0 : ascending.get(results.size() - 2)),
                    seconds);
            if (engine.naive() == Naive.POSTGRESQL) {
                JdbcReportBenchmarkSql.visibility(engine.dataSource(), out);
            }
            out.printf(Locale.ROOT, "  %-" + WIDTH + "s %9s %9s %9s %9s %9s %11s %9s %9s  %s%n", "report",
                    "store ms", "replay ms", "raw ms", "naive ms", "store/raw", "store/naive", "ns/compl.",
                    "codes ms", "best raw");
            for (int i = 0; i < r.timings().size(); i++) {
                Timing t = r.timings().get(i);
                out.printf(Locale.ROOT, "  %-" + WIDTH + "s %9.1f %9.1f %9.1f %9.1f %9.2f %11.3f %9.0f %9s  %s%n",
                        t.report(), t.storeMillis(), t.replayMillis(), t.rawMillis(), t.naiveMillis(), t.rawRatio(),
                        t.naiveRatio(), r.nanosPerComplaint(i), Double.isNaN(t.codesOnlyMillis()) ? "-"
                                : String.format(Locale.ROOT, "%.1f", t.codesOnlyMillis()), t.rawName());
            }
            if (explain && n == ascending.get(ascending.size() - 1) && engine.naive() == Naive.POSTGRESQL) {
                for (int i = 0; i < measured.size(); i++) {
                    Measured m = measured.get(i);
                    String best = r.timings().get(i).rawName();
                    Raw raw = m.raws().stream().filter(x -> x.name().equals(best)).findFirst().orElseThrow();
                    JdbcReportBenchmarkSql.explain(engine.dataSource(), m.report() + ": the store's statement",
                            m.sent(), out);
                    JdbcReportBenchmarkSql.explain(engine.dataSource(), m.report() + ": best raw (" + best + ")",
                            raw.statement(), out);
                    JdbcReportBenchmarkSql.explainGeneric(engine.dataSource(), m.report() + ": the store's statement",
                            m.sent(), out);
                    JdbcReportBenchmarkSql.explainGeneric(engine.dataSource(), m.report() + ": best raw (" + best
                            + ")", raw.statement(), out);
                }
                JdbcReportBenchmarkSql.indexScans(engine.dataSource(), out);
            }
        }
        return results;
    }

    private static SizeResult measure(List<Measured> measured, int n, long events, double loadSeconds, int warmUps,
            int runs) {
        for (Measured m : measured) {
            ReportTable table = m.store().get();
            check(m.report() + ": the replayed statement's", m.replay().get(), table);
            for (Raw raw : m.raws()) {
                check(m.report() + ": the hand-written statement (" + raw.name() + ")'s", raw.run().get(), table);
            }
            check(m.report() + ": the naive query's", m.naive().get(), table);
            if (table.total().total() == 0) {
                throw new IllegalStateException(m.report() + " counts nothing");
            }
        }
        for (int i = 0; i < warmUps; i++) {
            for (Measured m : measured) {
                m.store().get();
                m.replay().get();
                m.raws().forEach(r -> r.run().get());
                m.naive().get();
            }
        }
        return new SizeResult(n, events, loadSeconds, measured.stream().map(m -> time(m, runs)).toList());
    }

    /**
     * The reports timed: by type and by service as of two days (one amid the arrivals, one after them), each known
     * now and known at an instant a month before; and a cohort (open at the start of a day) by service as of a
     * later day, known now and at an instant between.
     */
    private static List<Measured> reports(Engine engine, JdbcComplaintStore store, JdbcComplaintStore recording,
            Recorder recorder) {
        Reports reports = Reports.over(store);
        Naive naive = engine.naive();
        boolean lateral = naive == Naive.POSTGRESQL;
        List<Measured> measured = new ArrayList<>();
        for (int d = 0; d < DAYS.size(); d++) {
            LocalDate day = DAYS.get(d);
            Instant end = LondonDays.endOf(day);
            for (Optional<Instant> known : List.of(Optional.<Instant>empty(), Optional.of(KNOWN_ATS.get(d)))) {
                String when = " as of " + day + known.map(k -> ", known at " + k).orElse(", known now");
                ReportQuery byType = ReportQuery.builder(Population.all(), Grouping.TYPE, day).build();
                ReportQuery byService = ReportQuery.builder(Population.all(), Grouping.SERVICE_AREA, day).build();
                measured.add(measured("by type" + when, reports, known.map(byType::withKnownAt).orElse(byType),
                        recording, recorder, engine, JdbcReportBenchmarkSql::readByType,
                        JdbcReportRawSql.grouped(COUNCIL, "classification, procedure_code, stage", false, day, known,
                                lateral),
                        naive.byType(COUNCIL, end, known), JdbcReportBenchmarkSql::readNaiveByType));
                measured.add(measured("by service" + when, reports,
                        known.map(byService::withKnownAt).orElse(byService), recording, recorder, engine,
                        JdbcReportBenchmarkSql::readByService,
                        JdbcReportRawSql.grouped(COUNCIL, "service_area_code", true, day, known, lateral),
                        naive.byService(COUNCIL, end, known), JdbcReportBenchmarkSql::readNaiveByService));
            }
        }
        for (int c = 0; c < COHORTS.size(); c++) {
            LocalDate cohort = COHORTS.get(c);
            LocalDate day = COHORT_DAYS.get(c);
            for (Optional<Instant> known : List.of(Optional.<Instant>empty(), Optional.of(COHORT_KNOWN_ATS.get(c)))) {
                ReportQuery query = ReportQuery.builder(Population.openAtStartOf(cohort), Grouping.SERVICE_AREA, day)
                        .build();
                measured.add(measured("open at start of " + cohort + ", by service as of " + day
                        + known.map(k -> ", known at " + k).orElse(", known now"), reports,
                        known.map(query::withKnownAt).orElse(query), recording, recorder, engine,
                        JdbcReportBenchmarkSql::readByService,
                        JdbcReportRawSql.cohortByService(COUNCIL, cohort, day, known, lateral),
                        naive.cohortByService(COUNCIL, LondonDays.startOf(cohort), LondonDays.endOf(day), known),
                        JdbcReportBenchmarkSql::readNaiveByService));
            }
        }
        return measured;
    }

    /** A report to time: through the store, its statement replayed, each hand-written statement, the naive query. */
    private record Measured(String report, Supplier<ReportTable> store, JdbcReportBenchmarkSql.Statement sent,
            Supplier<ReportTable> replay, List<Raw> raws, Supplier<ReportTable> naive) {
    }

    /** A hand-written statement, run; {@code wholeAnswer} unless a reference without the names. */
    private record Raw(String name, JdbcReportBenchmarkSql.Statement statement, boolean wholeAnswer,
            Supplier<ReportTable> run) {
    }

    private static Measured measured(String report, Reports reports, ReportQuery query, JdbcComplaintStore recording,
            Recorder recorder, Engine engine, Reader rows, List<JdbcReportRawSql.Candidate> raws,
            JdbcReportBenchmarkSql.Statement naive, Reader naiveRows) {
        Reports.over(recording).table(query);
        JdbcReportBenchmarkSql.Statement sent = recorder.last();
        return new Measured(report, () -> reports.table(query), sent,
                () -> JdbcReportBenchmarkSql.run(engine.dataSource(), sent, rows),
                raws.stream().map(c -> new Raw(c.name(), c.statement(), c.wholeAnswer(),
                        () -> JdbcReportBenchmarkSql.run(engine.dataSource(), c.statement(), rows))).toList(),
                () -> JdbcReportBenchmarkSql.run(engine.dataSource(), naive, naiveRows));
    }

    /**
     * The best of {@code runs} runs of each way: the store, its replay and the hand-written statements interleaved,
     * each round starting with the next of them (so none always follows the same one), then the naive query's runs
     * apart (a query of seconds that sorts on disk, which the statement after it would otherwise always follow).
     * The best raw is the fastest hand-written statement of the whole answer, the codes-only figure the fastest
     * reference.
     */
    private static Timing time(Measured m, int runs) {
        List<Supplier<ReportTable>> ways = new ArrayList<>(List.of(m.store(), m.replay()));
        m.raws().forEach(r -> ways.add(r.run()));
        long[] best = new long[ways.size()];
        Arrays.fill(best, Long.MAX_VALUE);
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < ways.size(); k++) {
                int w = (i + k) % ways.size();
                best[w] = Math.min(best[w], nanos(ways.get(w)));
            }
        }
        long naive = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            naive = Math.min(naive, nanos(m.naive()));
        }
        int raw = -1;
        long codesOnly = Long.MAX_VALUE;
        for (int r = 0; r < m.raws().size(); r++) {
            long t = best[2 + r];
            if (!m.raws().get(r).wholeAnswer()) {
                codesOnly = Math.min(codesOnly, t);
            } else if (raw < 0 || t < best[2 + raw]) {
                raw = r;
            }
        }
        return new Timing(m.report(), best[0] / 1e6, best[1] / 1e6, best[2 + raw] / 1e6, m.raws().get(raw).name(),
                naive / 1e6, codesOnly == Long.MAX_VALUE ? Double.NaN : codesOnly / 1e6);
    }

    private static long nanos(Supplier<ReportTable> run) {
        long t0 = System.nanoTime();
        run.get();
        return System.nanoTime() - t0;
    }

    private static void check(String what, ReportTable expected, ReportTable actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(what + " answer differs from the store's:\n" + expected + "\n" + actual);
        }
    }

    /** Each database's ratios at each size side by side, then the growth from the smallest size to the largest. */
    static void summary(List<String> names, List<List<SizeResult>> results, PrintStream out) {
        if (results.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%nstore/raw (target <= %.1f) and store/naive (target <= %.2f):%n", MAX_RAW_RATIO,
                MAX_NAIVE_RATIO);
        StringBuilder heading = new StringBuilder(String.format(Locale.ROOT, "  %-" + WIDTH + "s", "report"));
        for (String name : names) {
            heading.append(String.format(Locale.ROOT, " | %-40s", name.split(" ")[0]
                    + ": complaints, raw, naive, store ms"));
        }
        out.println(heading);
        int sizes = results.stream().mapToInt(List::size).min().orElseThrow();
        for (int t = 0; t < results.get(0).get(0).timings().size(); t++) {
            for (int s = 0; s < sizes; s++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + WIDTH + "s",
                        results.get(0).get(s).timings().get(t).report()));
                for (List<SizeResult> engine : results) {
                    Timing timing = engine.get(s).timings().get(t);
                    line.append(String.format(Locale.ROOT, " | %,9d %5.2f %6.3f %9.1f ms %3s",
                            engine.get(s).complaints(), timing.rawRatio(), timing.naiveRatio(), timing.storeMillis(),
                            timing.passes() ? "ok" : "-"));
                }
                out.println(line);
            }
        }
        for (int e = 0; e < results.size(); e++) {
            List<SizeResult> engine = results.get(e);
            SizeResult smallest = engine.get(0);
            SizeResult largest = engine.get(engine.size() - 1);
            boolean pass = engine.stream().allMatch(r -> r.timings().stream().allMatch(Timing::passes));
            out.printf(Locale.ROOT, "%n%s: every report within both targets: %s%n", names.get(e), pass ? "PASS" : "FAIL");
            for (int t = 0; t < smallest.timings().size(); t++) {
                double growth = largest.nanosPerComplaint(t) / smallest.nanosPerComplaint(t);
                double rawGrowth = largest.rawNanosPerComplaint(t) / smallest.rawNanosPerComplaint(t);
                out.printf(Locale.ROOT, "  growth of %s: ns per complaint %,d -> %,d complaints: %.0f -> %.0f (x%.2f;"
                        + " raw x%.2f)%n", smallest.timings().get(t).report(), smallest.complaints(),
                        largest.complaints(), smallest.nanosPerComplaint(t), largest.nanosPerComplaint(t), growth,
                        rawGrowth);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
