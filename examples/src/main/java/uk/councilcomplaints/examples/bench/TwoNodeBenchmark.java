package uk.councilcomplaints.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
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
 * commands per second and the conflicts retried, against one node with as many threads and connections doing the
 * same in the same run (half before the two nodes, half after), and checks ({@link Checks}) that no update was
 * lost, no reference given twice, the report's bucket totals count every complaint once, and every history agrees
 * with its version, its stored state on both nodes and the projection. Exits 1 if a check fails.
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=uk.councilcomplaints.examples.bench.TwoNodeBenchmark
 * </pre>
 * ({@code test} scope: embedded PostgreSQL is a {@code provided} dependency.) Options: {@code --commands}
 * (10,000), {@code --threads} per node (8), {@code --working-set} (32 complaints both nodes share), {@code --db} a
 * PostgreSQL JDBC URL (user and password in it) instead of the embedded server, {@code --fsync} to run the
 * embedded server with fsync on.
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

    /**
     * Runs the benchmark on {@code db}: a warm-up; then the baseline, one node with as many threads and connections
     * as the two together, for half the commands before the two nodes and half after; each under a council of its
     * own. Prints to {@code out}.
     */
    static Result run(Settings s, BenchDatabase db, PrintStream out) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        out.printf(Locale.ROOT, "%,d commands on a working set of %d complaints the nodes share; %d cores, load"
                + " average %.2f%n%n", s.commands(), s.workingSet(), Runtime.getRuntime().availableProcessors(),
                LoadBenchmark.loadAverage());
        out.print("warm-up, ");
        Phase.run(db, List.of("warm-up"), 2 * s.threadsPerNode(), s.commands() / 5, s, clock, out);
        // the baseline's halves before and after the two nodes, so neither side gains from running later
        Phase before = Phase.run(db, List.of("one-node-a"), 2 * s.threadsPerNode(), s.commands() / 2, s, clock, out);
        Phase two = Phase.run(db, List.of("node-1", "node-2"), s.threadsPerNode(), s.commands(), s, clock, out);
        Phase after = Phase.run(db, List.of("one-node-b"), 2 * s.threadsPerNode(), s.commands() - s.commands() / 2, s,
                clock, out);
        Samples one = Samples.merge(List.of(before.samples(), after.samples()));
        double onePerSecond = one.size() / (before.seconds() + after.seconds());
        out.printf(Locale.ROOT, "one node, both halves: %.1f commands/s, p50 %.2f ms, p99 %.2f ms; two nodes against"
                + " one: %.2f times the commands per second, p99 latency %.2f times%n", onePerSecond,
                one.percentileMillis(50), one.percentileMillis(99), two.perSecond() / onePerSecond,
                two.samples().percentileMillis(99) / one.percentileMillis(99));
        Ledger ledger = two.ledger();
        ledger.rejections().forEach(r -> out.println("  refused: " + r));
        List<Checks.Check> checks = Checks.verify(two.nodes(), ledger, 0, LondonDays.dayOf(clock.instant()));
        checks.forEach(c -> out.println(c.line()));
        out.printf(Locale.ROOT, "load average at the end %.2f%n", LoadBenchmark.loadAverage());
        return new Result(two.perSecond(), ledger.conflicts(), checks);
    }

    /** One run of the writers over some nodes: their stores, what they did and how fast. */
    private record Phase(List<JdbcComplaintStore> nodes, Ledger ledger, Samples samples, double seconds) {

        static Phase run(BenchDatabase db, List<String> names, int threadsPerNode, int commands, Settings s,
                Clock clock, PrintStream out) throws InterruptedException {
            String council = "nodes-" + UUID.randomUUID().toString().substring(0, 8);
            List<JdbcComplaintStore> nodes = new ArrayList<>();
            List<Complaints> desks = new ArrayList<>();
            for (String name : names) {
                HikariDataSource pool = db.pool(name, threadsPerNode);
                JdbcComplaintStore store = JdbcComplaintStore.builder(pool).council(council).clock(clock).build();
                nodes.add(store);
                desks.add(Complaints.builder(store).clock(clock).build());
            }
            Ledger ledger = new Ledger();
            Writers writers = new Writers(desks, threadsPerNode, s.workingSet(), ledger, s.seed());
            writers.seed();
            AtomicInteger tickets = new AtomicInteger();
            long t0 = System.nanoTime();
            Samples samples = writers.run(() -> tickets.getAndIncrement() < commands);
            Phase phase = new Phase(nodes, ledger, samples, (System.nanoTime() - t0) / 1e9);
            List<String> byNode = new ArrayList<>();
            for (int n = 1; n <= names.size(); n++) {
                String prefix = "n" + n + "-";
                byNode.add(String.format(Locale.ROOT, "%,d", ledger.acceptedTags().stream()
                        .filter(t -> t.startsWith(prefix)).count()));
            }
            out.printf(Locale.ROOT, "%d node(s) x %d threads, a pool of %d connections each: %,d commands accepted"
                    + " (%s) in %.1f s, %.1f commands/s; latency p50 %.2f ms, p99 %.2f ms, max %.1f ms%n",
                    names.size(), threadsPerNode, threadsPerNode, samples.size(), String.join(" + ", byNode),
                    phase.seconds(), phase.perSecond(), samples.percentileMillis(50), samples.percentileMillis(99),
                    samples.maxMillis());
            out.printf(Locale.ROOT, "  conflicts retried %,d (%.1f per 100 commands); %,d late commits retried, %,d"
                    + " commands refused by a guard%n  mix: %s%n%n", ledger.conflicts(),
                    100.0 * ledger.conflicts() / samples.size(), ledger.lateCommits(), ledger.rejected(), ledger.mix());
            return phase;
        }

        double perSecond() {
            return samples.size() / seconds;
        }
    }
}
