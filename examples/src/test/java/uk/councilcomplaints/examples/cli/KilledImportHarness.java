package uk.councilcomplaints.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import uk.councilcomplaints.examples.cli.legacy.LegacyCsvGenerator;

/**
 * Not a test: kills {@code complaints import} of 8,000 generated rows into a new H2 file at random points (after
 * 2,000, 4,000 or 6,000 rows read and up to 2.5 s more), then counts each table's rows on reopening, and says
 * which runs left a batch torn (complaints without their personal data or report rows, or unreadable), and whether
 * {@code complaints check} found it. Arguments:
 * {@code RUNS [URL_SUFFIX [SEED [SIGNAL]]]}, e.g. {@code 40 "" 6}; {@code SIGNAL} is {@code KILL} (the default,
 * {@code Process.destroyForcibly}) or {@code TERM} ({@code Process.destroy}: what Ctrl-C in a terminal does, the
 * JVM's shutdown hooks running); see docs/reliability.md, Faults.
 */
public final class KilledImportHarness {

    private static final List<String> TABLES = List.of("complaints", "complaint_events", "event_reasons",
            "report_projection", "complainants");

    private KilledImportHarness() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String suffix = args.length > 1 ? args[1] : "";
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime());
        boolean term = args.length > 3 && args[3].equals("TERM");
        Path base = Files.createTempDirectory("killed-import");
        Path csv = base.resolve("tracker.csv");
        LegacyCsvGenerator.write(csv, 8_000);
        int torn = 0;
        int missed = 0;
        for (int i = 0; i < runs; i++) {
            String url = "jdbc:h2:file:" + base.resolve("run" + i).resolve("db").toAbsolutePath() + suffix;
            int after = 2_000 * (1 + random.nextInt(3));
            int waitMillis = random.nextInt(2_501);
            ChildImport.stop(csv, url, after, waitMillis, term);
            String counts = counts(url);
            boolean whole = whole(counts);
            torn += whole ? 0 : 1;
            Cli.Result check = Cli.run(Clock.systemUTC(), StoreFactory.standard(), "check", "--db", url);
            boolean found = check.exitCode() != 0;
            missed += !whole && !found ? 1 : 0;
            System.out.printf("run %d %s after %d rows + %d ms: %s%s; check: %s%n", i, term ? "SIGTERM" : "SIGKILL",
                    after, waitMillis, counts,
                    whole ? "" : "  TORN", check.out().lines().findFirst().orElse(check.err().strip()));
        }
        System.out.printf("%d of %d runs torn, %d of them not found by 'complaints check' (%s)%n", torn, runs, missed,
                base);
    }

    /** Each table's rows, or the first line of the error reading it. */
    private static String counts(String url) {
        StringBuilder counts = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url + ";LOCK_TIMEOUT=2000")) {
            for (String table : TABLES) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.append(table).append(' ').append(rs.getLong(1)).append(", ");
                } catch (SQLException e) {
                    counts.append(table).append(" FAILED ").append(e.getMessage().lines().findFirst().orElse(""))
                            .append(", ");
                }
            }
        } catch (SQLException e) {
            counts.append("cannot open: ").append(e.getMessage());
        }
        return counts.toString();
    }

    /** Every generated row has personal data, and each event one report row. */
    private static boolean whole(String counts) {
        if (counts.contains("FAILED") || counts.startsWith("cannot open")) {
            return false;
        }
        long[] n = Pattern.compile("[a-z_]+ (\\d+)").matcher(counts).results()
                .mapToLong(r -> Long.parseLong(r.group(1))).toArray();
        return n[0] == n[4] && n[1] == n[2] && n[1] == n[3];
    }
}
