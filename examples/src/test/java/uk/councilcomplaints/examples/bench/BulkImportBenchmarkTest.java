package uk.councilcomplaints.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.examples.cli.TestPostgres;

/** The bulk import benchmark at a tiny size: it runs, and both paths store the same rows on both databases. */
class BulkImportBenchmarkTest {

    private static final int COMPLAINTS = 200;

    @TempDir
    Path dir;

    @Test
    void onPostgresBothPathsStoreTheSameRows() throws SQLException {
        check(BulkImportBenchmark.measure("PostgreSQL", TestPostgres::newDatabaseUrl, COMPLAINTS));
    }

    @Test
    void onAnH2FileBothPathsStoreTheSameRows() throws SQLException {
        int[] n = {0};
        Supplier<String> fresh = () -> "jdbc:h2:file:" + dir.resolve("h2-" + ++n[0]).toAbsolutePath();
        check(BulkImportBenchmark.measure("H2 file", fresh, COMPLAINTS));
    }

    private static void check(BulkImportBenchmark.Figures figures) {
        assertEquals(Map.of("complaints", 200L, "complaint_events", 1000L, "event_reasons", 1000L,
                "report_projection", 1000L, "complainants", 200L), figures.facadeRows());
        assertEquals(figures.facadeRows(), figures.rawRows());
        assertTrue(figures.toString().contains("ratio "), figures.toString());
    }
}
