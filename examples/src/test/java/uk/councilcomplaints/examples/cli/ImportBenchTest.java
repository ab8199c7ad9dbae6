package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.examples.cli.legacy.LegacyCsvGenerator;

/**
 * Measures {@code complaints import} of a made-up tracker ({@code -Dimport.bench.rows}, 100,000 rows unless
 * told) into an H2 file and into a real PostgreSQL, printing rows per second. Runs only with
 * {@code -Dimport.bench=true}.
 */
@EnabledIfSystemProperty(named = "import.bench", matches = "true")
class ImportBenchTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-01-02T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void importsIntoH2AndPostgres() throws IOException {
        int rows = Integer.getInteger("import.bench.rows", 100_000);
        Path csv = dir.resolve("generated.csv");
        LegacyCsvGenerator.write(csv, rows);
        for (String db : List.of("jdbc:h2:file:" + dir.resolve("complaints").toAbsolutePath(),
                TestPostgres.newMigratedDatabaseUrl())) {
            Cli.Result run = Cli.run(CLOCK, StoreFactory.standard(), "import", "--db", db, csv.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("imported " + rows + ", already present 0, rejected 0, possible duplicates 0",
                    run.out().lines().findFirst().orElse(""), run.out()); // then, on PostgreSQL, the VACUUM advice
            String rate = run.err().lines().filter(l -> l.contains(" rows in ")).findFirst().orElseThrow();
            System.out.println("import bench: " + db.replaceAll("\\?.*", "") + ": " + rate);

            Cli.Result again = Cli.run(CLOCK, StoreFactory.standard(), "import", "--db", db, csv.toString());
            assertTrue(again.out().startsWith("imported 0, already present " + rows + ", rejected 0"), again.out());
            String rateAgain = again.err().lines().filter(l -> l.contains(" rows in ")).findFirst().orElseThrow();
            System.out.println("import bench: " + db.replaceAll("\\?.*", "") + ": again (all present): " + rateAgain);
        }
    }
}
