package uk.councilcomplaints.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.report.AgeingReport;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.ClockState;
import uk.councilcomplaints.sla.SlaClock;
import uk.councilcomplaints.sla.SlaStatus;
import uk.councilcomplaints.store.ClockGroup;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.queue.WorkQueues;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.store.jdbc.SchemaMode;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Times the work queues over generated complaints (loaded through the bulk path, {@code appendAll} 5,000 at a
 * time) in memory and in an embedded PostgreSQL 17: the first page (50) of the breached list, of one officer's
 * queue (at risk or breached) and of the triage queue, and the count of breached clocks per service, each read
 * from the clock rows; against the same answers from the fold of every open complaint's history
 * ({@code Complaints.breachedOrAtRisk}), the way they were served before the queues. Every answer is checked
 * against the fold's first. Prints best and median of the runs, and the ratio to the fold. Run with
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests org.codehaus.mojo:exec-maven-plugin:3.5.0:exec \
 *     -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx6g -cp %classpath uk.councilcomplaints.examples.bench.QueueBenchmark 200000"
 * </pre>
 * Arguments: the number of complaints (200,000); {@code --memory} or {@code --postgresql} for one store only;
 * {@code --runs=N} (15); {@code --withdraw=P} (0.88), the chance an open complaint is withdrawn at the end, which
 * leaves about one complaint in twenty open.
 */
public final class QueueBenchmark {

    private static final int BATCH = 5_000;
    private static final int PAGE = 50;
    private static final String OFFICER = "c.okafor";
    /** A team of the generated data ({@link BenchmarkData}), for the plan of a team's queue. */
    private static final String TEAM = "Recovery team";

    private QueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = 200_000;
        int runs = 15;
        boolean memory = true;
        boolean postgres = true;
        double withdraw = 0.88;
        for (String a : args) {
            if (a.equals("--memory")) {
                postgres = false;
            } else if (a.equals("--postgresql")) {
                memory = false;
            } else if (a.startsWith("--withdraw=")) {
                withdraw = Double.parseDouble(a.substring(11));
            } else if (a.startsWith("--runs=")) {
                runs = Integer.parseInt(a.substring(7));
            } else {
                n = Integer.parseInt(a.replace("_", ""));
            }
        }
        System.out.printf(Locale.ROOT, "Work queues over %,d generated complaints, best and median of %d runs%n", n,
                runs);
        if (memory) {
            InMemoryComplaintStore store = new InMemoryComplaintStore();
            long t = System.nanoTime();
            new BenchmarkData(7).withdrawingOpen(withdraw).loadInBatches(store, n, BATCH);
            System.out.printf(Locale.ROOT, "%nMemory store: loaded in %.1f s%n", (System.nanoTime() - t) / 1e9);
            run(store, runs);
        }
        if (postgres) {
            try (BenchDatabase db = BenchDatabase.open(Optional.empty(), false)) {
                HikariDataSource pool = db.pool("queues", 4);
                JdbcComplaintStore store = JdbcComplaintStore.builder(pool).council("bench").noSettleWindow().build();
                long t = System.nanoTime();
                new BenchmarkData(7).withdrawingOpen(withdraw).loadInBatches(store, n, BATCH);
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
                System.out.printf(Locale.ROOT, "%nPostgreSQL 17 (embedded, fsync off): loaded and analysed in %.1f s%n",
                        (System.nanoTime() - t) / 1e9);
                Instant now = run(store, runs);
                explain(pool, now);
            }
        }
    }

    /** The fold's listing and the states of the complaints it lists. */
    private record Folded(List<SlaStatus> listed, Map<ComplaintId, Complaint> states) {
    }

    /** A check of one answer: what the queue gave and what the fold gives. */
    private record Timed(String name, Supplier<Object> queue, Supplier<Object> fold) {
    }

    /** Times the queries; returns the instant they were asked at. */
    private static Instant run(ComplaintStore store, int runs) {
        Instant now = latestRecorded(store).plusSeconds(1);
        Complaints complaints = Complaints.builder(store).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        long rows = complaints.queues().count(ClockQuery.running().build())
                + complaints.queues().count(ClockQuery.paused().build());
        Reports reports = Reports.over(store, complaints.sla());
        long open = reports.ageingNow(now, AgeingReport.By.SERVICE_AREA, 0).total().total();
        System.out.printf(Locale.ROOT, "now %s: %,d open complaints, %,d clock rows%n", now, open, rows);
        // the fold as an app had it: the listing, then each listed complaint's state for its officer and service
        Supplier<Folded> fold = () -> {
            List<SlaStatus> listed = complaints.breachedOrAtRisk(now, KnownAt.latest());
            Map<ComplaintId, Complaint> states = new HashMap<>();
            listed.forEach(st -> states.put(st.id(), complaints.get(st.id())));
            return new Folded(listed, states);
        };
        List<Timed> timed = List.of(
                new Timed("breached, first page", () -> ids(complaints.queues().find(ClockQuery.running()
                        .breachedAt(now).limit(PAGE).build())),
                        () -> firstPage(fold.get(), s -> s == ClockState.BREACHED, null, null)),
                new Timed("officer's queue, first page", () -> ids(complaints.queues().find(ClockQuery.running()
                        .atRiskBy(now).officer(OFFICER).limit(PAGE).build())),
                        () -> firstPage(fold.get(), s -> true, OFFICER, null)),
                new Timed("triage queue, first page", () -> ids(complaints.queues().find(ClockQuery.running()
                        .atRiskBy(now).kind(ClockKind.TRIAGE).limit(PAGE).build())),
                        () -> firstPage(fold.get(), s -> true, null, ClockKind.TRIAGE)),
                new Timed("breached per service, count", () -> complaints.queues().find(ClockQuery.running()
                        .breachedAt(now).countBy(ClockGroup.SERVICE_AREA).build()).counts(),
                        () -> perService(fold.get())),
                new Timed("ageing by service, now", () -> reports.ageingNow(now, AgeingReport.By.SERVICE_AREA, 10),
                        () -> reports.ageing(LondonDays.dayOf(now), AgeingReport.By.SERVICE_AREA, 10,
                                KnownAt.latest())));
        System.out.printf(Locale.ROOT, "%-30s %12s %12s %12s %12s %8s%n", "", "queue best", "queue median",
                "fold best", "fold median", "ratio");
        for (Timed t : timed) {
            Object expected = t.fold().get();
            Object actual = t.queue().get();
            if (!expected.equals(actual)) {
                throw new IllegalStateException(t.name() + ": the queue gave " + actual + ", the fold " + expected);
            }
            double[] q = time(t.queue(), runs);
            double[] f = time(t.fold(), Math.max(3, runs / 5));
            System.out.printf(Locale.ROOT, "%-30s %9.3f ms %9.3f ms %9.1f ms %9.1f ms %8.4f%n", t.name(), q[0], q[1],
                    f[0], f[1], q[1] / f[1]);
        }
        return now;
    }

    /** Prints the plans PostgreSQL runs the store's queue statements with, caught on their way to it. */
    private static void explain(HikariDataSource pool, Instant now) throws SQLException {
        JdbcReportBenchmarkSql.Recorder recorder = new JdbcReportBenchmarkSql.Recorder(pool);
        JdbcComplaintStore reading = JdbcComplaintStore.builder(recorder).council("bench").schema(SchemaMode.NONE)
                .build();
        WorkQueues queues = Complaints.builder(reading).clock(Clock.fixed(now, ZoneOffset.UTC)).build().queues();
        Map<String, ClockQuery> queries = new LinkedHashMap<>();
        queries.put("breached, first page", ClockQuery.running().breachedAt(now).limit(PAGE).build());
        queries.put("officer's queue, first page", ClockQuery.running().atRiskBy(now).officer(OFFICER).limit(PAGE)
                .build());
        queries.put("team's queue, first page", ClockQuery.running().atRiskBy(now).team(TEAM).limit(PAGE).build());
        queries.put("triage queue, first page", ClockQuery.running().atRiskBy(now).kind(ClockKind.TRIAGE).limit(PAGE)
                .build());
        queries.put("breached per service", ClockQuery.running().breachedAt(now).countBy(ClockGroup.SERVICE_AREA)
                .build());
        for (Map.Entry<String, ClockQuery> q : queries.entrySet()) {
            queues.find(q.getValue());
            JdbcReportBenchmarkSql.Statement statement = recorder.last();
            System.out.printf(Locale.ROOT, "%n%s:%n%s%n", q.getKey(), statement.sql());
            try (Connection c = pool.getConnection();
                    PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())) {
                statement.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        System.out.println("  " + rs.getString(1));
                    }
                }
            }
        }
    }

    private static Instant latestRecorded(ComplaintStore store) {
        try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
            return all.flatMap(h -> h.events().stream()).map(ComplaintEvent::recordedAt).max(Comparator.naturalOrder())
                    .orElseThrow();
        }
    }

    /** The ids, kinds and dues of a page: what the fold's answer is compared on. */
    private static List<String> ids(ClockPage page) {
        return page.items().stream().map(c -> c.id() + "/" + c.stage() + "/" + c.kind() + "/" + c.due().orElseThrow())
                .toList();
    }

    private interface StatePredicate {
        boolean test(ClockState state);
    }

    private static List<String> firstPage(Folded fold, StatePredicate state, String officer, ClockKind kind) {
        record Line(ComplaintId id, SlaClock clock) {
        }
        return fold.listed().stream()
                .flatMap(s -> s.clocks().stream().map(c -> new Line(s.id(), c)))
                .filter(l -> l.clock().state() == ClockState.BREACHED || l.clock().state() == ClockState.AT_RISK)
                .filter(l -> state.test(l.clock().state()))
                .filter(l -> kind == null || l.clock().kind() == kind)
                .filter(l -> officer == null || fold.states().get(l.id()).officer().equals(Optional.of(officer)))
                .sorted(Comparator.comparing((Line l) -> l.clock().due()).thenComparing(Line::id)
                        .thenComparing(l -> l.clock().stage()).thenComparing(l -> l.clock().kind()))
                .limit(PAGE)
                .map(l -> l.id() + "/" + l.clock().stage() + "/" + l.clock().kind() + "/" + l.clock().due())
                .toList();
    }

    private static Map<String, Long> perService(Folded fold) {
        return new TreeMap<>(fold.listed().stream().flatMap(s -> s.clocks().stream()
                .filter(c -> c.state() == ClockState.BREACHED)
                .map(c -> fold.states().get(s.id()).serviceArea().code()))
                .collect(Collectors.groupingBy(x -> x, Collectors.counting())));
    }

    /** Best and median of {@code runs} timings, in milliseconds. */
    private static double[] time(Supplier<Object> task, int runs) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            task.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[0], ms[runs / 2]};
    }
}
