package uk.councilcomplaints.app.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import uk.councilcomplaints.app.CouncilApp;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.workflow.Complaints;

/**
 * The reference app's page speed over a council's worth of complaints on PostgreSQL. Starts an embedded
 * PostgreSQL, loads N complaints (one in five open, a triage backlog among them) through the bulk path
 * ({@link Complaints#batch()}, the JDBC store's {@code COPY}), runs {@code VACUUM ANALYZE} as a DBA would after a
 * bulk load, starts the app on it ({@link CouncilApp}, no demonstration data) and signs in as {@code manager} over
 * HTTP. Then, for each of the triage queue, the cases list (first page), a case page (the complaint with the
 * longest history) and the reports page (by type, as of today), it sends a warm-up and then {@code --runs}
 * requests one after another, checks each response (status 200, the page's heading and table rows) and prints
 * p50, p95, p99 and max, with PASS or FAIL against {@value #TARGET_MS} ms at p95. For comparison it times, the same
 * way, hand-written SQL reading the same data straight through JDBC, and prints the ratio; and the library calls
 * each page's controller makes, on the app's own {@code Complaints} bean without HTTP, to show where a page's time
 * goes. The load average is printed before and after the pages: the figures mean little on a busy machine.
 *
 * <pre>
 * mvn -B -q -pl examples/council-app -am package -DskipTests org.codehaus.mojo:exec-maven-plugin:3.5.0:exec \
 *     -Dexec.skip=false -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx4g -cp %classpath uk.councilcomplaints.app.bench.PageSpeedBenchmark 100000 --runs=200"
 * </pre>
 * Arguments: the number of complaints (100,000); {@code --runs=N} (200); {@code --warmup=N} (50);
 * {@code --fast-db} runs PostgreSQL with fsync and synchronous commit off, as the tests do (on by default, so that
 * a commit, such as the case page's access-log row, waits for the disk as on a real server); {@code --quiet-wait=S}
 * (300): how long to wait, before timing the pages, for the one-minute load average to fall under 1.
 */
public final class PageSpeedBenchmark {

    static final double TARGET_MS = 150;
    private static final String COUNCIL = "anyshire";
    private static final int CHUNK = 2_000;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private PageSpeedBenchmark() {
    }

    /** One page: its path and how to tell a real answer from a broken one. */
    private record Page(String name, String path, Predicate<String> ok, String expect) {
    }

    /** Timings in milliseconds, sorted. */
    private record Timings(double[] ms) {
        double p(double q) {
            int rank = (int) Math.ceil(q * ms.length);
            return ms[Math.max(0, Math.min(ms.length - 1, rank - 1))];
        }

        double max() {
            return ms[ms.length - 1];
        }
    }

    /** A unit of work to time; throws if its answer is wrong. */
    private interface Task {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int n = 100_000;
        int runs = 200;
        int warmup = 50;
        boolean durable = true;
        int quietWait = 300;
        for (String a : args) {
            if (a.equals("--fast-db")) {
                durable = false;
            } else if (a.startsWith("--runs=")) {
                runs = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("--quiet-wait=")) {
                quietWait = Integer.parseInt(a.substring(13));
            } else if (a.startsWith("--warmup=")) {
                warmup = Integer.parseInt(a.substring(9));
            } else {
                n = Integer.parseInt(a.replace("_", "").replace(",", ""));
            }
        }
        System.out.printf(Locale.ROOT, "Page speed of the reference app: %,d complaints (%,d open), %d requests a page "
                + "after %d to warm up, target p95 <= %.0f ms%n", n, n / 5, runs, warmup, TARGET_MS);
        System.out.printf(Locale.ROOT, "Date %s; JVM %s %s (%s), max heap %,d MB, %d processors%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        // the embedded server's and the pool's INFO lines would drown the figures
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        // durable (the default): commits wait for the disk, as on a council's server; --fast-db: as in the tests
        String sync = durable ? "on" : "off";
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", sync)
                .setServerConfig("synchronous_commit", sync).setServerConfig("full_page_writes", sync).start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setPoolName("bench");
            config.setMaximumPoolSize(4);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                System.out.println("PostgreSQL: " + one(pool, "SELECT version()") + "; embedded (io.zonky), fsync "
                        + one(pool, "SHOW fsync") + ", synchronous_commit " + one(pool, "SHOW synchronous_commit")
                        + ", shared_buffers " + one(pool, "SHOW shared_buffers"));
                String longest = load(pool, n);
                run(url, pool, longest, runs, warmup, quietWait);
            }
        }
        System.out.println(failed ? "Target NOT met: at least one page's p95 is over " + (int) TARGET_MS + " ms"
                : "Target met: every page's p95 is at most " + (int) TARGET_MS + " ms");
        System.exit(0);
    }

    private static boolean failed;

    /** Loads {@code n} complaints through the bulk path and analyses; returns the longest history's id. */
    private static String load(HikariDataSource pool, int n) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // as the app's DemoData does for old times: the same council, no settle window
        JdbcComplaintStore store = JdbcComplaintStore.builder(pool).council(COUNCIL).noSettleWindow().build();
        Complaints facade = Complaints.builder(store).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        long t = System.nanoTime();
        PageSpeedData.Loaded loaded = new PageSpeedData(now).load(facade, n, CHUNK);
        double loadS = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }
        double vacuumS = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "Loaded %,d complaints (%,d events) through Complaints.batch() %,d a batch in "
                        + "%.1f s (%,.0f complaints/s); VACUUM ANALYZE %.1f s%n", n, loaded.events, CHUNK, loadS,
                n / loadS, vacuumS);
        System.out.println("Left at: " + loaded.byStatus);
        StringBuilder counts = new StringBuilder("In the database: ");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM complaints WHERE council_id = '" + COUNCIL
                        + "'), (SELECT count(*) FROM complaints WHERE council_id = '" + COUNCIL + "' AND status IN "
                        + "('RECEIVED','TRIAGED','ESCALATED','ALLOCATED','ACKNOWLEDGED','WITH_SERVICE','IN_REVIEW')), "
                        + "(SELECT count(*) FROM complaint_events), (SELECT count(*) FROM running_clocks), "
                        + "(SELECT count(*) FROM running_clocks WHERE kind = 0), pg_size_pretty(pg_database_size("
                        + "current_database()))")) {
            rs.next();
            counts.append(String.format(Locale.ROOT, "%,d complaints, %,d open, %,d events, %,d clock rows (%,d "
                    + "triage), database %s", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getString(6)));
            if (rs.getLong(1) != n) {
                throw new IllegalStateException("expected " + n + " complaints, found " + rs.getLong(1));
            }
        }
        System.out.println(counts);
        System.out.printf(Locale.ROOT, "Case page: %s (%s), %d events%n", loaded.longestReference,
                loaded.longest.value(), loaded.longestEvents);
        return loaded.longest.value().toString();
    }

    private static void run(String url, DataSource pool, String caseId, int runs, int warmup, int quietWait)
            throws Exception {
        long t = System.nanoTime();
        SpringApplication application = new SpringApplication(CouncilApp.class);
        try (ConfigurableApplicationContext app = application.run("--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--council-app.demo-data=false", "--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN")) {
            String port = app.getEnvironment().getProperty("local.server.port");
            System.out.printf(Locale.ROOT, "App started on port %s in %.1f s%n", port, (System.nanoTime() - t) / 1e9);
            String base = "http://localhost:" + port;
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
            signIn(http, base);
            String today = LocalDate.now(LONDON).toString();
            String caseReference = reference(pool, caseId);
            int caseEvents = (int) count(pool, "SELECT count(*) FROM complaint_events WHERE council_id = '" + COUNCIL
                    + "' AND complaint_id = '" + caseId + "'");
            long triage = Math.min(25, count(pool, "SELECT count(*) FROM running_clocks WHERE kind = 0"));
            List<Page> pages = List.of(
                    new Page("triage queue", "/triage",
                            b -> b.contains(">Triage queue</h1>") && rows(b) >= triage + 1 && b.contains("CMP-B"),
                            "<h1> Triage queue, " + triage + " rows"),
                    new Page("cases list, first page", "/cases",
                            b -> b.contains(">Cases</h1>") && rows(b) >= 26 && b.contains("CMP-B"),
                            "<h1> Cases, 25 rows"),
                    new Page("case page", "/cases/" + caseId,
                            b -> b.contains(caseReference) && b.contains("<h1") && rows(b) >= caseEvents + 1,
                            "<h1> " + caseReference + ", its " + caseEvents + " events' rows"),
                    new Page("reports, by type, as of today", "/reports?report=BY_TYPE&asOf=" + today,
                            b -> b.contains(">Reports</h1>") && b.contains("Where cases stand, by type")
                                    && rows(b) >= 3,
                            "<h1> Reports, the by-type table's rows"));
            waitForQuiet(quietWait);
            System.out.println("Load average before the pages: " + loadAverage());
            System.out.printf(Locale.ROOT, "%n%-31s %9s %9s %9s %9s %6s  %s%n", "page (HTTP, signed in as manager)",
                    "p50 ms", "p95 ms", "p99 ms", "max ms", "", "bytes");
            double[] p95s = new double[pages.size()];
            double[] p50s = new double[pages.size()];
            for (int k = 0; k < pages.size(); k++) {
                Page page = pages.get(k);
                URI uri = URI.create(base + page.path());
                int[] size = new int[1];
                Task get = () -> {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200 || !page.ok().test(r.body())) {
                        throw new IllegalStateException(page.name() + ": status " + r.statusCode() + ", expected "
                                + page.expect() + "; its main element: " + main(r.body()));
                    }
                    size[0] = r.body().length();
                };
                for (int i = 0; i < warmup; i++) {
                    get.run();
                }
                Timings tm = time(get, runs);
                p95s[k] = tm.p(0.95);
                p50s[k] = tm.p(0.50);
                boolean pass = tm.p(0.95) <= TARGET_MS;
                failed |= !pass;
                System.out.printf(Locale.ROOT, "%-31s %9.1f %9.1f %9.1f %9.1f %6s  %,d%n", page.name(), tm.p(0.5),
                        tm.p(0.95), tm.p(0.99), tm.max(), pass ? "PASS" : "FAIL", size[0]);
            }
            System.out.println("Load average after the pages: " + loadAverage());
            rawBaseline(pool, caseId, runs, warmup, p50s, p95s, pages);
            breakdown(app.getBean(Complaints.class), ComplaintId.parse(caseId), LocalDate.parse(today), runs, warmup);
        }
    }

    /**
     * Where a page's time goes: the library calls its controller makes, called on the app's own {@link Complaints}
     * bean in the same process (no HTTP, no security, no template), timed the same way. What a page takes beyond
     * the sum of its calls is Spring MVC, Spring Security, Thymeleaf and the HTTP exchange.
     */
    private static void breakdown(Complaints complaints, ComplaintId id, LocalDate today, int runs, int warmup)
            throws Exception {
        Procedure[] all = Procedure.values();
        Map<String, Task> calls = new LinkedHashMap<>();
        calls.put("triage: queues().find (25)", () -> complaints.queues().find(ClockQuery.running()
                .kind(ClockKind.TRIAGE).procedure(all).limit(25).build()));
        calls.put("triage: queues().count", () -> complaints.queues().count(ClockQuery.running()
                .kind(ClockKind.TRIAGE).procedure(all).build()));
        calls.put("cases: find (25)", () -> complaints.find(ComplaintQuery.builder().procedure(all).limit(25)
                .build()));
        calls.put("case: get", () -> complaints.get(id));
        calls.put("case: history", () -> complaints.history(id));
        calls.put("case: slaStatus", () -> complaints.slaStatus(id, complaints.clock().instant(), KnownAt.latest()));
        calls.put("case: allowedNow", () -> complaints.allowedNow(id));
        calls.put("case: personalData", () -> complaints.personalData(id));
        calls.put("reports: table(TYPE, today)", () -> complaints.reports().table(ReportQuery.builder(
                Population.all(), Grouping.TYPE, today).build()));
        System.out.printf(Locale.ROOT, "%n%-31s %9s %9s %9s %9s%n", "library calls (app's bean, no HTTP)", "p50 ms",
                "p95 ms", "p99 ms", "max ms");
        for (Map.Entry<String, Task> call : calls.entrySet()) {
            for (int i = 0; i < warmup; i++) {
                call.getValue().run();
            }
            Timings tm = time(call.getValue(), runs);
            System.out.printf(Locale.ROOT, "%-31s %9.2f %9.2f %9.2f %9.2f%n", call.getKey(), tm.p(0.5), tm.p(0.95),
                    tm.p(0.99), tm.max());
        }
    }

    /**
     * Waits, at most {@code seconds}, for the machine to go quiet (one-minute load average under 1, this program
     * idle meanwhile), so that other builds on a shared machine do not time the pages; says how long it waited.
     */
    private static void waitForQuiet(int seconds) throws InterruptedException {
        long start = System.nanoTime();
        while (oneMinuteLoad() >= 1.0 && System.nanoTime() - start < seconds * 1_000_000_000L) {
            Thread.sleep(5_000);
        }
        System.out.printf(Locale.ROOT, "Waited %.0f s (at most %d) for a one-minute load average under 1%n",
                (System.nanoTime() - start) / 1e9, seconds);
    }

    private static double oneMinuteLoad() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Hand-written SQL reading what each page shows, timed the same way. */
    private static void rawBaseline(DataSource pool, String caseId, int runs, int warmup, double[] p50s,
            double[] p95s, List<Page> pages) throws Exception {
        String procedures = "procedure_code IN ('ADULT_SOCIAL_CARE','CHILDRENS_SOCIAL_CARE','CORPORATE')";
        List<String[]> sql = List.of(
                new String[] {"SELECT * FROM running_clocks WHERE council_id = ? AND kind = 0 AND paused_since IS NULL "
                        + "AND " + procedures + " ORDER BY due, complaint_id, stage, kind LIMIT 26",
                        "SELECT count(*) FROM running_clocks WHERE council_id = ? AND kind = 0 AND " + procedures},
                new String[] {"SELECT * FROM complaints WHERE council_id = ? AND " + procedures
                        + " ORDER BY received_at, id LIMIT 26"},
                new String[] {"SELECT * FROM complaints WHERE council_id = ? AND id = '" + caseId + "'",
                        "SELECT * FROM complaint_events WHERE council_id = ? AND complaint_id = '" + caseId
                                + "' ORDER BY version",
                        "SELECT * FROM running_clocks WHERE council_id = ? AND complaint_id = '" + caseId + "'",
                        "SELECT * FROM complainants WHERE council_id = ? AND complaint_id = '" + caseId + "'"},
                new String[] {"SELECT classification, procedure_code, stage, status, count(*) FROM complaints "
                        + "WHERE council_id = ? GROUP BY 1, 2, 3, 4"});
        System.out.printf(Locale.ROOT, "%n%-31s %9s %9s %9s %9s   %s%n", "raw JDBC baseline (same pool size)",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "page/raw at p50, p95");
        for (int k = 0; k < sql.size(); k++) {
            String[] statements = sql.get(k);
            Task read = () -> {
                try (Connection c = pool.getConnection()) {
                    long rows = 0;
                    for (String s : statements) {
                        try (PreparedStatement ps = c.prepareStatement(s)) {
                            ps.setString(1, COUNCIL);
                            try (ResultSet rs = ps.executeQuery()) {
                                int columns = rs.getMetaData().getColumnCount();
                                while (rs.next()) {
                                    for (int i = 1; i <= columns; i++) {
                                        rs.getObject(i);
                                    }
                                    rows++;
                                }
                            }
                        }
                    }
                    if (rows == 0) {
                        throw new IllegalStateException("no rows from " + Arrays.toString(statements));
                    }
                }
            };
            for (int i = 0; i < warmup; i++) {
                read.run();
            }
            Timings tm = time(read, runs);
            System.out.printf(Locale.ROOT, "%-31s %9.2f %9.2f %9.2f %9.2f   %.0fx, %.0fx%n", pages.get(k).name(),
                    tm.p(0.5), tm.p(0.95), tm.p(0.99), tm.max(), p50s[k] / tm.p(0.5), p95s[k] / tm.p(0.95));
        }
        System.out.println("Raw SQL: the triage queue's first 26 running triage clocks and their count; the first 26"
                + " complaints by received time; the case's complaint, events, clocks and complainant rows; open and"
                + " closed complaints counted by classification, procedure, stage and status (current state, not"
                + " the report's as-of fold).");
    }

    private static Timings time(Task task, int runs) throws Exception {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new Timings(ms);
    }

    /** GET /login for the session and CSRF token, then POST /login as manager; checks it signed in. */
    private static void signIn(HttpClient http, String base) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(form.body());
        if (form.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no sign-in form with a CSRF token: " + form.statusCode());
        }
        String body = "username=manager&password=demo-password&_csrf=" + URLEncoder.encode(m.group(1),
                StandardCharsets.UTF_8);
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed: " + posted.statusCode() + " to " + location);
        }
        System.out.println("Signed in as manager over HTTP (redirected to " + URI.create(location).getPath() + ")");
    }

    private static String main(String body) {
        int from = Math.max(0, body.indexOf("<main"));
        return body.substring(from, Math.min(body.length(), from + 3000));
    }

    private static int rows(String body) {
        int count = 0;
        for (int i = body.indexOf("govuk-table__row"); i >= 0; i = body.indexOf("govuk-table__row", i + 1)) {
            count++;
        }
        return count;
    }

    private static String one(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        return Long.parseLong(one(ds, sql));
    }

    private static String reference(DataSource ds, String id) throws SQLException {
        return one(ds, "SELECT reference FROM complaints WHERE council_id = '" + COUNCIL + "' AND id = '"
                + UUID.fromString(id) + "'");
    }
}
