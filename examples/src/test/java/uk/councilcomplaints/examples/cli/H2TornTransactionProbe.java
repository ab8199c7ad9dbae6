package uk.councilcomplaints.examples.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Not a test, and no library code: the smallest program we have that shows H2 keeping part of a transaction after a
 * kill, for a report to H2's maintainers (docs/reliability.md). A child JVM inserts batches of {@code ROWS} rows
 * into tables {@code a} and {@code b} (one transaction a batch, one thread), printing each batch number once
 * committed; the parent kills it (SIGKILL) at a random point, reopens the file and counts each batch's rows in
 * both tables: a batch must have all {@code 2 × ROWS} rows or none. Arguments: {@code RUNS ROWS [URL_SUFFIX
 * [SECOND_WRITER [SEED]]]}, e.g. {@code 16 60000 ";WRITE_DELAY=0" false 7}; run it with the H2 jar under test on the
 * class path. With {@code SECOND_WRITER} true another thread updates one row over and over meanwhile.
 */
public final class H2TornTransactionProbe {

    private H2TornTransactionProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            child(args[1], Integer.parseInt(args[2]), Boolean.parseBoolean(args[3]));
            return;
        }
        int runs = Integer.parseInt(args[0]);
        int rows = Integer.parseInt(args[1]);
        String suffix = args.length > 2 ? args[2] : "";
        boolean secondWriter = args.length > 3 && Boolean.parseBoolean(args[3]);
        Random random = new Random(args.length > 4 ? Long.parseLong(args[4]) : 1);
        Path base = Files.createTempDirectory("h2-torn");
        int torn = 0;
        for (int i = 0; i < runs; i++) {
            String url = "jdbc:h2:file:" + base.resolve("run" + i).resolve("db").toAbsolutePath() + suffix;
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), H2TornTransactionProbe.class.getName(),
                    "child", url, Integer.toString(rows), Boolean.toString(secondWriter))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            int after = random.nextInt(3);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (Integer.parseInt(line.trim()) >= after) {
                        child.waitFor(random.nextInt(3_000), TimeUnit.MILLISECONDS);
                        break;
                    }
                }
            } finally {
                child.destroyForcibly();
                child.waitFor(60, TimeUnit.SECONDS);
            }
            String found = batches(url, rows);
            torn += found.contains("TORN") || found.contains("FAILED") ? 1 : 0;
            System.out.printf("run %d killed after batch %d: %s%n", i, after, found);
        }
        System.out.printf("%d of %d runs torn (%s)%n", torn, runs, base);
    }

    /** Each batch found in both tables, TORN when one has not all its rows; or why the file could not be read. */
    private static String batches(String url, int rows) {
        try (Connection c = DriverManager.getConnection(url + ";LOCK_TIMEOUT=2000")) {
            Map<Integer, long[]> counts = new TreeMap<>();
            for (int t = 0; t < 2; t++) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT batch, COUNT(*) FROM " + (t == 0 ? "a" : "b") + " GROUP BY batch")) {
                    while (rs.next()) {
                        counts.computeIfAbsent(rs.getInt(1), k -> new long[2])[t] = rs.getLong(2);
                    }
                }
            }
            StringBuilder found = new StringBuilder();
            long whole = counts.values().stream().filter(n -> n[0] == rows && n[1] == rows).count();
            found.append(whole).append(" whole batches");
            counts.forEach((batch, n) -> {
                if (n[0] != rows || n[1] != rows) {
                    found.append(", TORN batch ").append(batch).append(": a ").append(n[0]).append(", b ").append(n[1]);
                }
            });
            return found.toString();
        } catch (SQLException e) {
            String first = e.getMessage().lines().findFirst().orElse("");
            return first.contains("not found") && first.contains("database is empty") ? "nothing stored yet"
                    : "FAILED " + first;
        }
    }

    private static void child(String url, int rows, boolean secondWriter) throws Exception {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            for (String table : List.of("a", "b")) {
                s.execute("CREATE TABLE " + table + "(id BIGINT PRIMARY KEY, batch INT, payload VARCHAR(200))");
                s.execute("CREATE INDEX " + table + "_batch ON " + table + "(batch)");
            }
            s.execute("CREATE TABLE counter(k INT PRIMARY KEY, v BIGINT)");
            s.execute("INSERT INTO counter VALUES (1, 0)");
        }
        if (secondWriter) {
            Connection other = DriverManager.getConnection(url);
            Thread writer = new Thread(() -> {
                try (PreparedStatement ps = other.prepareStatement("UPDATE counter SET v = v + 1 WHERE k = 1")) {
                    while (true) {
                        ps.executeUpdate();
                    }
                } catch (SQLException e) {
                    // killed with the child
                }
            });
            writer.setDaemon(true);
            writer.start();
        }
        c.setAutoCommit(false);
        String payload = "x".repeat(150);
        try (PreparedStatement a = c.prepareStatement("INSERT INTO a VALUES (?, ?, ?)");
                PreparedStatement b = c.prepareStatement("INSERT INTO b VALUES (?, ?, ?)")) {
            for (int batch = 0; ; batch++) {
                for (PreparedStatement table : List.of(a, b)) {
                    for (int i = 0; i < rows; i++) {
                        table.setLong(1, (long) batch * rows + i);
                        table.setInt(2, batch);
                        table.setString(3, payload);
                        table.addBatch();
                    }
                    table.executeBatch();
                }
                c.commit();
                System.out.println(batch);
                System.out.flush();
            }
        }
    }
}
