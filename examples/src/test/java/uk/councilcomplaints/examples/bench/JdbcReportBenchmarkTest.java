package uk.councilcomplaints.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.examples.bench.JdbcReportBenchmark.Engine;
import uk.councilcomplaints.examples.bench.JdbcReportBenchmark.SizeResult;
import uk.councilcomplaints.examples.cli.TestPostgres;

/**
 * The JDBC report benchmark end to end at a tiny size, on PostgreSQL and H2: it loads, checks every report of the
 * store against the raw statement's and the naive query's answers (a difference throws), times and prints.
 * No timing is asserted.
 */
class JdbcReportBenchmarkTest {

    @Test
    void runsOnBothDatabasesAtATinySize(@TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<SizeResult> postgres;
        List<SizeResult> h2;
        try (Engine engine = Engine.postgres(TestPostgres.newDatabaseUrl())) {
            postgres = JdbcReportBenchmark.run(engine, List.of(2_000, 1_000), 0, 1, out);
        }
        try (Engine engine = Engine.h2(dir)) {
            h2 = JdbcReportBenchmark.run(engine, List.of(1_000), 0, 1, out);
        }
        JdbcReportBenchmark.summary(List.of("PostgreSQL", "H2"), List.of(postgres, h2), out);

        assertEquals(List.of(1_000, 2_000), postgres.stream().map(SizeResult::complaints).toList());
        SizeResult largest = postgres.get(1);
        assertTrue(largest.events() > 4 * 2_000 && largest.events() < 6 * 2_000, "events: " + largest.events());
        assertEquals(12, largest.timings().size());
        assertEquals(12, h2.get(0).timings().size());
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("store/raw") && printed.contains("PostgreSQL: every report")
                && printed.contains("H2: every report"), printed);
    }
}
