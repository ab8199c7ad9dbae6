package uk.councilcomplaints.examples.bench;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.examples.cli.TestPostgres;

/** Both load benchmarks at a tiny size on the tests' PostgreSQL: their checks pass (their timings are not judged). */
class LoadBenchmarkTest {

    @Test
    void sustainedLoadBesideReportsLosesNothing() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LoadBenchmark.Result result;
        try (BenchDatabase db = BenchDatabase.open(Optional.of(TestPostgres.newDatabaseUrl()), false);
                PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            result = LoadBenchmark.run(new LoadBenchmark.Settings(2, 1, 1, 8, 2, 200, 16, 1), db, out);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(result.commandsPerSecond() > 0, output);
        assertTrue(output.contains("SLA queue, first page"), output);
        assertAll(result.checks().stream().map(c -> () -> assertTrue(c.passed(), c.line() + "\n" + output)));
    }

    @Test
    void twoNodesOnSharedComplaintsLoseNoUpdate() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TwoNodeBenchmark.Result result;
        try (BenchDatabase db = BenchDatabase.open(Optional.of(TestPostgres.newDatabaseUrl()), false);
                PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            result = TwoNodeBenchmark.run(new TwoNodeBenchmark.Settings(200, 8, 4, 1), db, out);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(result.commandsPerSecond() > 0, output);
        assertTrue(result.conflicts() > 0, "the nodes met on their 4 shared complaints\n" + output);
        assertAll(result.checks().stream().map(c -> () -> assertTrue(c.passed(), c.line() + "\n" + output)));
    }
}
