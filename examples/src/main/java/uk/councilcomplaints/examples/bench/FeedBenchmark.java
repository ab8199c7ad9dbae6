package uk.councilcomplaints.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import uk.councilcomplaints.feed.EventFeed;
import uk.councilcomplaints.feed.FeedEvent;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.store.jdbc.SchemaMode;
import uk.councilcomplaints.workflow.Complaints;

/**
 * The event feed on PostgreSQL. First, how fast a reader reads the whole feed of the complaints imported before
 * the run, a page of 1,000 at a time through {@link EventFeed} (each event a {@code ComplaintEvent}, its reason
 * left out), against the same SQL sent straight through JDBC reading each column into a local (the raw baseline);
 * best of three each, and the ratio. Then what following the feed costs the writers: the {@link LoadBenchmark}'s
 * writers (the {@link CommandMix}) alone for half the baseline, beside one reader following the feed (asking for
 * the next 500 events after its position: at once again when it got some, after 20 ms when it was up to date), then alone for the other half; the
 * 50th and 99th percentile of a command each way and the ratio, which must be at most 1.10.
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=uk.councilcomplaints.examples.bench.FeedBenchmark
 * </pre>
 * Options: {@code --stored} (50,000 complaints imported first), {@code --seconds} (40) beside the follower,
 * {@code --baseline-seconds} (40) alone, {@code --writers} (8), {@code --db} a PostgreSQL JDBC URL,
 * {@code --fsync}.
 */
public final class FeedBenchmark {

    private static final String RAW = "SELECT f.feed_position, e.complaint_id, e.version, e.event_type, e.status,"
            + " e.occurred_at, e.recorded_at, e.actor, e.reference, e.procedure_code, e.service_area_code,"
            + " e.service_area_name, e.channel, e.matter_date, e.classification, e.officer, e.team, e.outcome,"
            + " e.remedies, e.stage, e.closure_reason, e.duplicate_of, e.working_days, e.agreed_response_date,"
            + " e.late_request_accepted, e.exclusion, e.themes, e.payment_pence, e.ombudsman_decision, e.due_date,"
            + " e.done_date, e.action_number, e.details, e.linked_complaints"
            + " FROM event_feed f JOIN complaint_events e ON e.council_id = f.council_id"
            + " AND e.complaint_id = f.complaint_id AND e.version = f.version"
            + " WHERE f.council_id = ? AND f.feed_position > ? ORDER BY f.feed_position LIMIT ?";

    /** How long the follower waits before asking again when it is up to date. */
    private static final long POLL_MILLIS = 20;

    private FeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = new BenchArgs(args, Set.of("--stored", "--seconds", "--baseline-seconds", "--writers", "--db"),
                Set.of("--fsync"));
        boolean passed;
        try (BenchDatabase db = BenchDatabase.open(a.value("--db"), a.flag("--fsync"))) {
            System.out.printf(Locale.ROOT, "Event feed on %s%n", db.description(a.flag("--fsync")));
            passed = run(db, a.intValue("--stored", 50_000), a.intValue("--seconds", 40),
                    a.intValue("--baseline-seconds", 40), a.intValue("--writers", 8), System.out);
        }
        System.exit(passed ? 0 : 1);
    }

    static boolean run(BenchDatabase db, int stored, int seconds, int baselineSeconds, int writerThreads,
            PrintStream out) throws Exception {
        String council = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        HikariDataSource pool = db.pool("feed", writerThreads + 2);
        Clock clock = Clock.systemUTC();
        JdbcComplaintStore store = JdbcComplaintStore.builder(pool).council(council).clock(clock).build(); // migrates
        JdbcComplaintStore importer = JdbcComplaintStore.builder(pool).council(council).schema(SchemaMode.NONE)
                .noSettleWindow().build();
        long events = new BenchmarkData(42, true).load(importer, stored);
        LoadBenchmark.analyze(pool);
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        EventFeed feed = complaints.feed();
        out.printf(Locale.ROOT, "%,d complaints imported, %,d events in the feed; %d cores, load average %.2f%n",
                stored, events, Runtime.getRuntime().availableProcessors(), LoadBenchmark.loadAverage());

        double bestFeed = 0;
        double bestRaw = 0;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            long read = readAll(feed);
            double feedRate = read / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            long raw = readRaw(pool, council);
            double rawRate = raw / ((System.nanoTime() - start) / 1e9);
            if (read != events || raw != events) {
                throw new IllegalStateException("read " + read + " and " + raw + " events of " + events);
            }
            bestFeed = Math.max(bestFeed, feedRate);
            bestRaw = Math.max(bestRaw, rawRate);
            out.printf(Locale.ROOT, "run %d: feed %,.0f events/s, raw SQL %,.0f events/s%n", run + 1, feedRate, rawRate);
        }
        boolean fastEnough = bestFeed >= 50_000;
        out.printf(Locale.ROOT, "%s read the whole feed: %,.0f events/s (best of 3), raw SQL %,.0f events/s, ratio"
                + " %.2f; at least 50,000 events/s required%n", fastEnough ? "PASS" : "FAIL", bestFeed, bestRaw,
                bestRaw / bestFeed);

        Ledger ledger = new Ledger();
        Writers writers = new Writers(List.of(complaints), writerThreads, 64, ledger, 42);
        writers.seed();
        long warmUpEnd = System.nanoTime() + 10_000_000_000L;
        writers.run(() -> System.nanoTime() < warmUpEnd);
        LoadBenchmark.Timed first = LoadBenchmark.Timed.write(writers, ledger, baselineSeconds / 2.0);
        AtomicBoolean stop = new AtomicBoolean();
        long head = readAll(feed);
        ExecutorService follower = Executors.newSingleThreadExecutor();
        Future<Long> followed = follower.submit(() -> {
            long position = head;
            long seen = 0;
            while (!stop.get()) {
                List<FeedEvent> page = feed.eventsAfter(position, 500);
                if (page.isEmpty()) {
                    Thread.sleep(POLL_MILLIS); // up to date: ask again shortly, as a follower in an app does
                } else {
                    position = page.get(page.size() - 1).position();
                    seen += page.size();
                }
            }
            return seen;
        });
        LoadBenchmark.Timed beside = LoadBenchmark.Timed.write(writers, ledger, seconds);
        stop.set(true);
        long followedEvents = followed.get();
        follower.shutdown();
        LoadBenchmark.Timed second = LoadBenchmark.Timed.write(writers, ledger, baselineSeconds / 2.0);
        Samples alone = Samples.merge(List.of(first.samples(), second.samples()));
        double p99Ratio = beside.samples().percentileMillis(99) / alone.percentileMillis(99);
        out.printf(Locale.ROOT, "commands alone: %,d in %.0f s, p50 %.2f ms, p99 %.2f ms%n", alone.size(),
                first.seconds() + second.seconds(), alone.percentileMillis(50), alone.percentileMillis(99));
        out.printf(Locale.ROOT, "commands beside a follower: %,d in %.0f s, p50 %.2f ms, p99 %.2f ms; the follower"
                + " read %,d events%n", beside.samples().size(), beside.seconds(), beside.samples().percentileMillis(50),
                beside.samples().percentileMillis(99), followedEvents);
        boolean cheap = p99Ratio <= 1.10;
        out.printf(Locale.ROOT, "%s following the feed: p99 of a command %.2f times alone's; at most 1.10 allowed%n",
                cheap ? "PASS" : "FAIL", p99Ratio);
        out.printf(Locale.ROOT, "load average at the end %.2f%n", LoadBenchmark.loadAverage());
        pool.close();
        return fastEnough && cheap;
    }

    private static long readAll(EventFeed feed) {
        long position = 0;
        long read = 0;
        while (true) {
            List<FeedEvent> page = feed.eventsAfter(position, 1000);
            if (page.isEmpty()) {
                return read;
            }
            read += page.size();
            position = page.get(page.size() - 1).position();
        }
    }

    /** The same SQL straight through JDBC: each column read into a local, no object made. */
    private static long readRaw(HikariDataSource pool, String council) throws SQLException {
        long position = 0;
        long read = 0;
        long checksum = 0;
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(RAW)) {
            while (true) {
                ps.setString(1, council);
                ps.setLong(2, position);
                ps.setInt(3, 1000);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        position = rs.getLong(1);
                        for (int i = 2; i <= 34; i++) {
                            Object value = rs.getObject(i);
                            checksum += value == null ? 0 : 1;
                        }
                        n++;
                    }
                }
                if (n == 0) {
                    break;
                }
                read += n;
            }
        }
        if (checksum < 0) {
            throw new IllegalStateException("unreachable");
        }
        return read;
    }
}
