package uk.councilcomplaints.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Two application nodes on one PostgreSQL: two stores, each with its own HikariCP pool, and 8 writer threads
 * each, issuing a council's mix of commands ({@link CommandMix}) on one shared working set of complaints, so
 * the nodes meet and conflict, and receiving new contacts on both. After 10,000 commands in all it prints
 * commands per second and the conflicts retried, and checks ({@link Checks}) that no update was lost, no
 * reference given twice, the report's bucket totals count every complaint once, and every history agrees with
 * its version, its stored state on both nodes and the projection. Exits 1 if a check fails.
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests exec:java -Dexec.mainClass=uk.councilcomplaints.examples.bench.TwoNodeBenchmark
 * </pre>
 * Options: {@code --commands} (10,000), {@code --threads} per node (8), {@code --working-set} (32 complaints
 * both nodes share), {@code --db} a PostgreSQL JDBC URL (user and password in it) instead of the embedded
 * server, {@code --fsync} to run the embedded server with fsync on.
 */
public final class TwoNodeBenchmark {

    /** How big a run is. */
    record Settings(int commands, int threadsPerNode, int workingSet, long seed) {
    }

    /** A run's figures and checks. */
    record Result(double commandsPerSecond, long conflicts, List<Checks.Check> checks) {
        boolean passed() {
            return checks.stream().allMatch(Checks.Check::passed);
        }
    }

    private TwoNodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = new BenchArgs(args, Set.of("--commands", "--threads", "--working-set", "--db"),
                Set.of("--fsync"));
        Settings settings = new Settings(a.intValue("--commands", 10_000), a.intValue("--threads", 8),
                a.intValue("--working-set", 32), 7);
        Result result;
        try (BenchDatabase db = BenchDatabase.open(a.value("--db"), a.flag("--fsync"))) {
            System.out.printf(Locale.ROOT, "Two nodes on %s%n", db.description(a.flag("--fsync")));
            result = run(settings, db, System.out);
        }
        System.exit(result.passed() ? 0 : 1);
    }

    /** Runs the benchmark on {@code db}, under a council of its own, and prints to {@code out}. */
    static Result run(Settings s, BenchDatabase db, PrintStream out) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        String council = "nodes-" + UUID.randomUUID().toString().substring(0, 8);
        HikariDataSource poolA = db.pool("node-1", s.threadsPerNode());
        HikariDataSource poolB = db.pool("node-2", s.threadsPerNode());
        JdbcComplaintStore nodeA = JdbcComplaintStore.builder(poolA).council(council).clock(clock).build();
        JdbcComplaintStore nodeB = JdbcComplaintStore.builder(poolB).council(council).clock(clock).build();
        List<Complaints> desks = List.of(Complaints.builder(nodeA).clock(clock).build(),
                Complaints.builder(nodeB).clock(clock).build());
        Ledger ledger = new Ledger();
        Writers writers = new Writers(desks, s.threadsPerNode(), s.workingSet(), ledger, s.seed());
        writers.seed();
        out.printf(Locale.ROOT, "2 nodes x %d threads, a pool of %d connections each; %,d commands on a working set"
                + " of %d complaints both nodes share; %d cores, load average %.2f%n", s.threadsPerNode(),
                s.threadsPerNode(), s.commands(), s.workingSet(), Runtime.getRuntime().availableProcessors(),
                LoadBenchmark.loadAverage());

        AtomicInteger tickets = new AtomicInteger();
        long t0 = System.nanoTime();
        Samples samples = writers.run(() -> tickets.getAndIncrement() < s.commands());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double perSecond = samples.size() / seconds;
        long byNode1 = ledger.acceptedTags().stream().filter(t -> t.startsWith("n1-")).count();
        long byNode2 = ledger.acceptedTags().stream().filter(t -> t.startsWith("n2-")).count();
        out.printf(Locale.ROOT, "%n%,d commands accepted in %.1f s (node 1: %,d, node 2: %,d): %.1f commands/s;"
                + " latency p50 %.2f ms, p99 %.2f ms, max %.1f ms%n", samples.size(), seconds, byNode1, byNode2,
                perSecond, samples.percentileMillis(50), samples.percentileMillis(99), samples.maxMillis());
        out.printf(Locale.ROOT, "conflicts retried %,d (%.1f per 100 commands); %,d late commits retried, %,d"
                + " commands refused by a guard%n", ledger.conflicts(), 100.0 * ledger.conflicts() / samples.size(),
                ledger.lateCommits(), ledger.rejected());
        ledger.rejections().forEach(r -> out.println("  refused: " + r));

        List<Checks.Check> checks = Checks.verify(List.of(nodeA, nodeB), ledger, 0,
                LondonDays.dayOf(clock.instant()));
        checks.forEach(c -> out.println(c.line()));
        out.printf(Locale.ROOT, "load average at the end %.2f%n", LoadBenchmark.loadAverage());
        return new Result(perSecond, ledger.conflicts(), checks);
    }
}
