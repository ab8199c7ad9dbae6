package uk.councilcomplaints.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.store.jdbc.SchemaMode;
import uk.councilcomplaints.store.ClockGroup;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Sustained load on PostgreSQL through a HikariCP pool: writer threads issue a council's mix of commands
 * ({@link CommandMix}: receive, triage, allocate, acknowledge, send to the service, respond, close, escalate,
 * extend...) on a shared working set of complaints, retrying on version conflicts, while reader threads run
 * reports continuously (by type, by service, the SLA listing of breached and at-risk clocks, SLA performance)
 * over the same store, which also holds older complaints imported before the run. After a warm-up, the writers
 * run alone for half the baseline, then beside the readers, then alone for the baseline's other half. Prints
 * commands per second, the 50th and 99th percentile latency of a command and of each report, the conflicts
 * retried, and the latency of the commands that ran while a report did; then checks the store against everything
 * the writers did ({@link Checks}). Exits 1 if a check fails.
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=uk.councilcomplaints.examples.bench.LoadBenchmark
 * </pre>
 * ({@code test} scope: embedded PostgreSQL is a {@code provided} dependency.) Options: {@code --seconds} (60)
 * beside the readers, {@code --baseline-seconds} (15) alone, {@code --warm-up-seconds} (10) not counted,
 * {@code --writers} (8), {@code --readers} (2), {@code --stored} (10,000 complaints imported first),
 * {@code --working-set} (64 complaints the writers share), {@code --db} a PostgreSQL JDBC URL (user and password
 * in it) instead of the embedded server, {@code --fsync} to run the embedded server with fsync on.
 */
public final class LoadBenchmark {

    /** How big a run is. */
    record Settings(int seconds, int baselineSeconds, int warmUpSeconds, int writers, int readers, int stored,
            int workingSet, long seed) {
    }

    /** A run's figures and checks. */
    record Result(double commandsPerSecond, List<Checks.Check> checks, Checks.Check reportsBesideWriters) {
        boolean passed() {
            return reportsBesideWriters.passed() && checks.stream().allMatch(Checks.Check::passed);
        }
    }

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = new BenchArgs(args, Set.of("--seconds", "--baseline-seconds", "--warm-up-seconds",
                "--writers", "--readers", "--stored", "--working-set", "--db"), Set.of("--fsync"));
        Settings settings = new Settings(a.intValue("--seconds", 60), a.intValue("--baseline-seconds", 15),
                a.intValue("--warm-up-seconds", 10), a.intValue("--writers", 8), a.intValue("--readers", 2),
                a.intValue("--stored", 10_000), a.intValue("--working-set", 64), 42);
        Result result;
        try (BenchDatabase db = BenchDatabase.open(a.value("--db"), a.flag("--fsync"))) {
            System.out.printf(Locale.ROOT, "Load on %s%n", db.description(a.flag("--fsync")));
            result = run(settings, db, System.out);
        }
        System.exit(result.passed() ? 0 : 1);
    }

    /** Runs the benchmark on {@code db}, under a council of its own, and prints to {@code out}. */
    static Result run(Settings s, BenchDatabase db, PrintStream out) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        String council = "load-" + UUID.randomUUID().toString().substring(0, 8);
        HikariDataSource pool = db.pool("load", s.writers() + s.readers());
        JdbcComplaintStore store = JdbcComplaintStore.builder(pool).council(council).clock(clock).build();
        // older complaints, imported as an importer would (their events were recorded long ago)
        JdbcComplaintStore importer = JdbcComplaintStore.builder(pool).council(council).schema(SchemaMode.NONE)
                .noSettleWindow().build();
        new BenchmarkData(s.seed(), true).load(importer, s.stored());
        analyze(pool);
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        Ledger ledger = new Ledger();
        Writers writers = new Writers(List.of(complaints), s.writers(), s.workingSet(), ledger, s.seed());
        writers.seed();
        out.printf(Locale.ROOT, "%d writers, %d report readers, a pool of %d connections; %,d complaints stored"
                + " before, %d in the working set; %d cores, load average %.2f%n", s.writers(), s.readers(),
                s.writers() + s.readers(), s.stored(), s.workingSet(), Runtime.getRuntime().availableProcessors(),
                loadAverage());

        long warmUpEnd = System.nanoTime() + s.warmUpSeconds() * 1_000_000_000L;
        Samples warmUp = writers.run(() -> System.nanoTime() < warmUpEnd);
        out.printf(Locale.ROOT, "warm-up: %,d commands in %d s, not counted%n", warmUp.size(), s.warmUpSeconds());

        // the baseline's halves before and after the readers' run, so neither side gains from running later
        Timed first = Timed.write(writers, ledger, s.baselineSeconds() / 2.0);
        Readers readers = new Readers(complaints, Reports.over(store), clock, s.readers());
        // the queues check once, on their first read, that no clock row is from another calendar (a scan of the
        // rows): an app pays it once when it starts, so it is not one of the timed reads
        complaints.queues().find(ClockQuery.running().limit(1).build());
        Timed besideRun;
        Map<String, Samples> reports;
        readers.start();
        try {
            besideRun = Timed.write(writers, ledger, s.seconds());
        } finally {
            reports = readers.stop();
        }
        Timed second = Timed.write(writers, ledger, s.baselineSeconds() / 2.0);
        Samples alone = Samples.merge(List.of(first.samples(), second.samples()));
        double aloneSeconds = first.seconds() + second.seconds();
        long aloneConflicts = first.conflicts() + second.conflicts();
        Samples beside = besideRun.samples();
        double besideSeconds = besideRun.seconds();
        long besideConflicts = besideRun.conflicts();

        out.printf(Locale.ROOT, "%n%-26s %9s %9s %8s %8s %8s %10s%n", "commands", "accepted", "per s", "p50 ms",
                "p99 ms", "max ms", "conflicts");
        printCommands(out, String.format(Locale.ROOT, "writers alone, %.0f s", aloneSeconds), alone, aloneSeconds,
                aloneConflicts);
        printCommands(out, String.format(Locale.ROOT, "beside reports, %.0f s", besideSeconds), beside,
                besideSeconds, besideConflicts);
        double perSecond = beside.size() / besideSeconds;
        if (alone.size() > 0) {
            out.printf(Locale.ROOT, "%-26s %9s %9.2f %8.2f %8.2f%n", "ratio (beside / alone)", "",
                    perSecond / (alone.size() / aloneSeconds), beside.percentileMillis(50) / alone.percentileMillis(50),
                    beside.percentileMillis(99) / alone.percentileMillis(99));
        }
        out.printf(Locale.ROOT, "conflicts retried %,d in all (%,d late commits retried, %,d commands refused by a"
                + " guard)%n", ledger.conflicts(), ledger.lateCommits(), ledger.rejected());
        ledger.rejections().forEach(r -> out.println("  refused: " + r));
        out.println("mix: " + ledger.mix());

        out.printf(Locale.ROOT, "%n%-26s %9s %9s %8s %8s %8s%n", "reports", "runs", "", "p50 ms", "p99 ms", "max ms");
        reports.forEach((name, samples) -> out.printf(Locale.ROOT, "%-26s %9d %9s %8.1f %8.1f %8.1f%n", name,
                samples.size(), "", samples.percentileMillis(50), samples.percentileMillis(99), samples.maxMillis()));
        Samples allReports = Samples.merge(reports.values());
        out.printf(Locale.ROOT, "%-26s %9d %9s %8.1f %8.1f %8.1f%n", "every report", allReports.size(), "",
                allReports.percentileMillis(50), allReports.percentileMillis(99), allReports.maxMillis());

        Samples[] split = beside.splitByOverlap(allReports);
        out.printf(Locale.ROOT, "%ncommands while a report ran: %,d, p50 %.2f ms, p99 %.2f ms, longest %.1f ms;"
                + " while none ran: %,d, p99 %.2f ms%n", split[0].size(), split[0].percentileMillis(50),
                split[0].percentileMillis(99), split[0].maxMillis(), split[1].size(), split[1].percentileMillis(99));
        Checks.Check blocking = reportsBesideWriters(split[0], alone);
        out.println(blocking.line());

        LocalDate today = LondonDays.dayOf(clock.instant());
        List<Checks.Check> checks = Checks.verify(List.of(store), ledger, s.stored(), today);
        checks.forEach(c -> out.println(c.line()));
        out.printf(Locale.ROOT, "load average at the end %.2f%n", loadAverage());
        return new Result(perSecond, checks, blocking);
    }

    /**
     * No report held the writers back for longer than a command's 99th percentile: the 99th percentile of the
     * commands that ran while a report did exceeds that of the writers alone by at most the latter.
     */
    private static Checks.Check reportsBesideWriters(Samples whileReporting, Samples alone) {
        String name = "reports did not hold writers back";
        if (alone.size() == 0 || whileReporting.size() == 0) {
            return new Checks.Check(name, true, "not measured: no baseline, or no command ran beside a report");
        }
        double p99 = alone.percentileMillis(99);
        double added = whileReporting.percentileMillis(99) - p99;
        return new Checks.Check(name, added <= p99, String.format(Locale.ROOT, "reports added %.2f ms to the 99th"
                + " percentile of a command (%.2f ms alone), at most one 99th percentile allowed; the longest"
                + " command beside a report took %.1f ms", added, p99, whileReporting.maxMillis()));
    }

    private static void printCommands(PrintStream out, String label, Samples samples, double seconds,
            long conflicts) {
        out.printf(Locale.ROOT, "%-26s %9d %9.1f %8.2f %8.2f %8.1f %10d%n", label, samples.size(),
                samples.size() / seconds, samples.percentileMillis(50), samples.percentileMillis(99),
                samples.maxMillis(), conflicts);
    }

    /**
     * Updates the planner's statistics after the import, as an operator would after a bulk load (autovacuum does
     * it later by itself): without them, PostgreSQL may choose a plan for the SLA listing's query that compares
     * every event with every projection row.
     */
    static void analyze(DataSource pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("ANALYZE failed", e);
        }
    }

    /** The system load average of the last minute. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The writers' commands over some seconds: their timings, how long they took, the conflicts retried. */
    record Timed(Samples samples, double seconds, long conflicts) {
        static Timed write(Writers writers, Ledger ledger, double seconds) throws InterruptedException {
            long conflicts = ledger.conflicts();
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            Samples samples = writers.run(() -> System.nanoTime() < end);
            return new Timed(samples, (System.nanoTime() - start) / 1e9, ledger.conflicts() - conflicts);
        }
    }

    /** Reader threads running the reports in turn until stopped, each report timed. */
    private static final class Readers {
        private final Map<String, Runnable> reports = new LinkedHashMap<>();
        private final int threads;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Future<Map<String, Samples>>> running = new ArrayList<>();
        private ExecutorService pool;

        Readers(Complaints complaints, Reports over, Clock clock, int threads) {
            this.threads = threads;
            reports.put("by type", () -> over.table(ReportQuery.builder(Population.all(), Grouping.TYPE,
                    LondonDays.dayOf(clock.instant())).build()));
            reports.put("by service", () -> over.table(ReportQuery.builder(Population.all(), Grouping.SERVICE_AREA,
                    LondonDays.dayOf(clock.instant())).build()));
            reports.put("SLA queue, first page", () -> complaints.queues().find(ClockQuery.running()
                    .atRiskBy(clock.instant()).build()));
            reports.put("breached per service", () -> complaints.queues().find(ClockQuery.running()
                    .breachedAt(clock.instant()).countBy(ClockGroup.SERVICE_AREA).build()));
            reports.put("SLA performance, 30 days", () -> {
                LocalDate today = LondonDays.dayOf(clock.instant());
                over.slaPerformance(today.minusDays(30), today, today, KnownAt.latest());
            });
        }

        void start() {
            pool = Executors.newFixedThreadPool(Math.max(1, threads));
            for (int t = 0; t < threads; t++) {
                int first = t;
                running.add(pool.submit(() -> read(first)));
            }
        }

        private Map<String, Samples> read(int first) {
            List<String> names = new ArrayList<>(reports.keySet());
            Map<String, Samples> samples = new LinkedHashMap<>();
            names.forEach(n -> samples.put(n, new Samples()));
            for (int i = first; !stop.get(); i++) {
                String name = names.get(i % names.size());
                long start = System.nanoTime();
                reports.get(name).run();
                samples.get(name).add(start, System.nanoTime());
            }
            return samples;
        }

        /** Stops the readers after their current report; each report's timings, all readers together. */
        Map<String, Samples> stop() throws InterruptedException {
            stop.set(true);
            Map<String, List<Samples>> parts = new LinkedHashMap<>();
            try {
                for (Future<Map<String, Samples>> f : running) {
                    f.get().forEach((name, s) -> parts.computeIfAbsent(name, n -> new ArrayList<>()).add(s));
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("a report reader failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
            Map<String, Samples> merged = new LinkedHashMap<>();
            reports.keySet().forEach(name -> merged.put(name, Samples.merge(parts.getOrDefault(name, List.of()))));
            return merged;
        }
    }
}
