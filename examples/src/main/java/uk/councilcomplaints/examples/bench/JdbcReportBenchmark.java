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
import java.util.ArrayList;
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
 * in the same run: the very statement the store sends (caught on its way to the database), sent straight
 * through JDBC with the same parameters and a hand-written loop over its rows ("raw"); and a naive query over
 * the events table, as a developer would write it without the report projection ({@code DISTINCT ON} in
 * PostgreSQL, {@code ROW_NUMBER} in H2, which lacks it). The reports: by type as of a day; the same known at an
 * instant; a cohort (open at the start of a day) by service as of a later day. Every answer is checked against
 * the raw and naive answers first; each figure is the best of several runs interleaved after warm-ups. Targets,
 * on PostgreSQL: at most 1.2 times raw, at most 0.25 times naive, and linear growth (time per complaint from
 * the smallest to the largest run). Complaints are loaded through the store's {@code appendAll}, 5,000 at a
 * time, the sizes one after the other in one database. Run with
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests org.codehaus.mojo:exec-maven-plugin:3.5.0:exec \
 *     -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx4g -cp %classpath uk.councilcomplaints.examples.bench.JdbcReportBenchmark"
 * </pre>
 * Arguments: the numbers of complaints, if not the default three; {@code --h2-sizes=N,N} for other numbers
 * in H2 (it loads and counts far more slowly); {@code --runs=N} (5), {@code --warm-ups=N} (2);
 * {@code --postgresql} or {@code --h2} for one database only.
 */
public final class JdbcReportBenchmark {

    static final double MAX_RAW_RATIO = 1.2;
    static final double MAX_NAIVE_RATIO = 0.25;
    private static final String COUNCIL = "bench";
    private static final int BATCH = 5_000;

    private JdbcReportBenchmark() {
    }

    /** One report timed at one size: the store's best run, the raw statement's and the naive query's. */
    record Timing(String report, double storeMillis, double rawMillis, double naiveMillis) {
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
            String batched = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
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

        /** Refreshes the planner's statistics (and on PostgreSQL the visibility map, for index-only scans). */
        void analyze() {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute(analyzeStatement);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
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
                results.add(run(engine, sizes, warmUps, runs, out));
            }
        }
        if (h2) {
            Path dir = Files.createTempDirectory("jdbc-report-bench");
            try (Engine engine = Engine.h2(dir)) {
                names.add(engine.version());
                results.add(run(engine, h2Sizes, warmUps, runs, out));
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
            SizeResult r = measure(engine, store, recording, recorder, n, events, seconds, warmUps, runs);
            results.add(r);
            out.printf(Locale.ROOT, "%n%s, %,d complaints, %,d events (%,d more loaded and analysed in %.0f s)%n",
                    engine.version(), n, events, n - (results.size() == 1 ? 0 : ascending.get(results.size() - 2)),
                    seconds);
            out.printf(Locale.ROOT, "  %-58s %9s %9s %9s %9s %11s %9s%n", "report", "store ms", "raw ms", "naive ms",
                    "store/raw", "store/naive", "ns/compl.");
            for (int i = 0; i < r.timings().size(); i++) {
                Timing t = r.timings().get(i);
                out.printf(Locale.ROOT, "  %-58s %9.1f %9.1f %9.1f %9.2f %11.3f %9.0f%n", t.report(), t.storeMillis(),
                        t.rawMillis(), t.naiveMillis(), t.rawRatio(), t.naiveRatio(), r.nanosPerComplaint(i));
            }
        }
        return results;
    }

    private static SizeResult measure(Engine engine, JdbcComplaintStore store, JdbcComplaintStore recording,
            Recorder recorder, int n, long events, double loadSeconds, int warmUps, int runs) {
        Reports reports = Reports.over(store);
        ReportQuery byType = ReportQuery.builder(Population.all(), Grouping.TYPE, ReportBenchmark.AS_OF).build();
        ReportQuery knownAt = byType.withKnownAt(ReportBenchmark.KNOWN_AT);
        ReportQuery cohort = ReportQuery.builder(Population.openAtStartOf(ReportBenchmark.COHORT), Grouping.SERVICE_AREA,
                ReportBenchmark.COHORT_AS_OF).build();
        Instant end = LondonDays.endOf(ReportBenchmark.AS_OF);
        Naive naive = engine.naive();
        List<Measured> measured = List.of(
                measured("by type as of " + ReportBenchmark.AS_OF, reports, byType, recording, recorder, engine,
                        JdbcReportBenchmarkSql::readStoreByType, naive.byType(COUNCIL, end, Optional.empty()),
                        JdbcReportBenchmarkSql::readNaiveByType),
                measured("by type as of " + ReportBenchmark.AS_OF + ", known at " + ReportBenchmark.KNOWN_AT, reports,
                        knownAt, recording, recorder, engine, JdbcReportBenchmarkSql::readStoreByType,
                        naive.byType(COUNCIL, end, Optional.of(ReportBenchmark.KNOWN_AT)),
                        JdbcReportBenchmarkSql::readNaiveByType),
                measured("open at start of " + ReportBenchmark.COHORT + ", by service as of "
                        + ReportBenchmark.COHORT_AS_OF, reports, cohort, recording, recorder, engine,
                        JdbcReportBenchmarkSql::readStoreByService,
                        naive.cohortByService(COUNCIL, LondonDays.startOf(ReportBenchmark.COHORT),
                                LondonDays.endOf(ReportBenchmark.COHORT_AS_OF)),
                        JdbcReportBenchmarkSql::readNaiveByService));
        for (Measured m : measured) {
            ReportTable table = m.store().get();
            check(m.report() + ": the raw statement's", m.raw().get(), table);
            check(m.report() + ": the naive query's", m.naive().get(), table);
            if (table.total().total() == 0) {
                throw new IllegalStateException(m.report() + " counts nothing");
            }
        }
        for (int i = 0; i < warmUps; i++) {
            for (Measured m : measured) {
                m.store().get();
                m.raw().get();
                m.naive().get();
            }
        }
        return new SizeResult(n, events, loadSeconds, measured.stream().map(m -> time(m, runs)).toList());
    }

    /** A report to time three ways. */
    private record Measured(String report, Supplier<ReportTable> store, Supplier<ReportTable> raw,
            Supplier<ReportTable> naive) {
    }

    private static Measured measured(String report, Reports reports, ReportQuery query, JdbcComplaintStore recording,
            Recorder recorder, Engine engine, Reader storeRows, JdbcReportBenchmarkSql.Statement naive,
            Reader naiveRows) {
        Reports.over(recording).table(query);
        JdbcReportBenchmarkSql.Statement sent = recorder.last();
        return new Measured(report, () -> reports.table(query),
                () -> JdbcReportBenchmarkSql.run(engine.dataSource(), sent, storeRows),
                () -> JdbcReportBenchmarkSql.run(engine.dataSource(), naive, naiveRows));
    }

    /** The best of {@code runs} runs of each way, interleaved. */
    private static Timing time(Measured m, int runs) {
        long store = Long.MAX_VALUE;
        long raw = Long.MAX_VALUE;
        long naive = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            m.store().get();
            long t1 = System.nanoTime();
            m.raw().get();
            long t2 = System.nanoTime();
            m.naive().get();
            long t3 = System.nanoTime();
            store = Math.min(store, t1 - t0);
            raw = Math.min(raw, t2 - t1);
            naive = Math.min(naive, t3 - t2);
        }
        return new Timing(m.report(), store / 1e6, raw / 1e6, naive / 1e6);
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
        StringBuilder heading = new StringBuilder(String.format(Locale.ROOT, "  %-58s", "report"));
        for (String name : names) {
            heading.append(String.format(Locale.ROOT, " | %-40s", name.split(" ")[0]
                    + ": complaints, raw, naive, store ms"));
        }
        out.println(heading);
        int sizes = results.stream().mapToInt(List::size).min().orElseThrow();
        for (int t = 0; t < results.get(0).get(0).timings().size(); t++) {
            for (int s = 0; s < sizes; s++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-58s",
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
