package uk.councilcomplaints.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code complaints import} of a file into a database, run in a child JVM and stopped with a signal once its
 * progress line says it has read a number of rows: SIGKILL ({@code Process.destroyForcibly}) or SIGTERM
 * ({@code Process.destroy}: what Ctrl-C in a terminal sends; the JVM runs its shutdown hooks).
 */
final class ChildImport {

    /** The importer's progress line on the error stream: "FILE: 2,000 rows, 812 rows/s". */
    private static final Pattern PROGRESS = Pattern.compile(": ([0-9,]+) rows, ");

    /** How the import was stopped: the rows its progress line had read, and its exit value (-1 if still running). */
    record Stopped(int rowsRead, int exitValue) {
    }

    private ChildImport() {
    }

    /**
     * Imports {@code csv} into {@code url} in a child JVM and, {@code waitMillis} after it has read {@code after}
     * rows (or when it ends, if sooner), sends it SIGTERM if {@code term}, else SIGKILL; waits up to a minute for it
     * to end. Throws if the import ended before reading {@code after} rows.
     */
    static Stopped stop(Path csv, String url, int after, long waitMillis, boolean term)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ComplaintsCli.class.getName(), "import", "--db", url, csv.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                seen.add(line);
                Matcher m = PROGRESS.matcher(line);
                int rows = m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : 0;
                if (rows >= after) {
                    child.waitFor(waitMillis, TimeUnit.MILLISECONDS);
                    if (term) {
                        child.destroy();
                    } else {
                        child.destroyForcibly();
                    }
                    boolean ended = child.waitFor(60, TimeUnit.SECONDS);
                    return new Stopped(rows, ended ? child.exitValue() : -1);
                }
            }
        } finally {
            child.destroyForcibly();
        }
        child.waitFor(60, TimeUnit.SECONDS);
        throw new IllegalStateException("the import ended (exit " + child.exitValue() + ") before it read " + after
                + " rows: " + seen);
    }
}
