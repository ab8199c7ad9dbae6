package uk.councilcomplaints.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.store.ComplaintStore;

/** Runs the command line in-process, its output and errors captured. */
final class Cli {

    /** The day after the briefing note's data set was loaded. */
    static final Instant APRIL_2022 = Instant.parse("2022-04-01T10:00:00Z");

    private Cli() {
    }

    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    /** Runs {@code args} with a fresh memory store per run (as {@code --store memory} gives), at {@code APRIL_2022}. */
    static Result run(String... args) {
        return run(new SettableClock(APRIL_2022), StoreFactory.standard(), args);
    }

    /** Runs {@code args} with every run on {@code store}, whatever the options say. */
    static Result run(ComplaintStore store, String... args) {
        return run(new SettableClock(APRIL_2022), options -> OpenStore.of(store), args);
    }

    static Result run(Clock clock, StoreFactory stores, String... args) {
        return run(environment(Path.of("")), clock, stores, args);
    }

    /**
     * An environment with no variables, working in {@code workingDir}, a home folder that does not exist and no
     * console: the developer's own settings never reach a test.
     */
    static CliEnvironment environment(Path workingDir) {
        return new CliEnvironment(name -> null, workingDir, Path.of("target", "no-home"), Optional.empty());
    }

    /** Runs {@code args} in {@code environment}. */
    static Result run(CliEnvironment environment, Clock clock, StoreFactory stores, String... args) {
        CommandLine cl = ComplaintsCli.commandLine(clock, stores, environment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The CSV sections of {@code briefing --format csv}: title to rows, each a list of cells (header first). */
    static Map<String, List<List<String>>> csvSections(String csv) {
        Map<String, List<List<String>>> sections = new LinkedHashMap<>();
        List<List<String>> current = null;
        for (String line : csv.split("\r\n")) {
            if (line.startsWith("# ")) {
                current = new ArrayList<>();
                sections.put(line.substring(2), current);
            } else if (!line.isEmpty()) {
                current.add(cells(line));
            }
        }
        return sections;
    }

    /** The cells of one CSV record without quoted commas (labels here have none but may be quoted). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
