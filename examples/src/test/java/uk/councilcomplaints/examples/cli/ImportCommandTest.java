package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/** {@code complaints import FILE.csv}: the summary, the rejects file, and a second run that adds nothing. */
class ImportCommandTest {

    @Test
    void importsThenFindsEverythingAlreadyPresent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tracker.csv");
        Files.writeString(file, String.join("\r\n",
                "reference,received_on,service_area,type,complainant_name,complainant_email,summary,triaged_on,"
                        + "allocated_on,officer",
                "T-1,2022-01-10,Adults,Statutory Adults,Ann Example,ann@example.org,Care reduced,2022-01-11,,",
                "T-2,11/01/2022,Corporate,Corporate,Bob Sample,,Bins,,2022-01-12,b.officer",
                "T-3,2022-01-12,Corporate,Nonsense,Cy,,x,,,",
                "T-4,2022-01-13,Adults,Statutory Adults,Ann Example,ann@example.org,Care reduced again,,,") + "\r\n");
        InMemoryComplaintStore store = new InMemoryComplaintStore();

        Cli.Result first = Cli.run(store, "import", file.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(List.of("possible duplicate: row 5 (T-4) and row 2 (T-1): same email",
                "imported 3, already present 0, rejected 1, possible duplicates 1",
                "rejected rows and their reasons: " + dir.resolve("tracker.rejected.csv")),
                first.out().lines().toList());
        assertEquals(3, store.size());
        List<String> rejects = Files.readAllLines(dir.resolve("tracker.rejected.csv"));
        assertEquals(2, rejects.size());
        assertTrue(rejects.get(1).startsWith("4,\"type: 'Nonsense' is not one of"), rejects.get(1));

        Cli.Result second = Cli.run(store, "import", file.toString());
        assertTrue(second.out().contains("imported 0, already present 3, rejected 1, possible duplicates 1"),
                second.out());
        assertEquals(3, store.size());
    }

    @Test
    void theReadmeSampleImportsAsTheReadmeShows(@TempDir Path dir) throws IOException {
        Path sample = Files.copy(Path.of("sample", "legacy-tracker.csv"), dir.resolve("legacy-tracker.csv"));
        Cli.Result run = Cli.run("import", "--store", "memory", sample.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("possible duplicate: row 7 (VOC-0417) and row 2 (VOC-0412): same email",
                "imported 7, already present 1, rejected 4, possible duplicates 1",
                "rejected rows and their reasons: " + dir.resolve("legacy-tracker.rejected.csv")),
                run.out().lines().toList());
    }

    @Test
    void withTheMemoryStoreItIsACheckRun(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("one.csv");
        Files.writeString(file, "reference,received_on,service_area,type,complainant_name,summary\n"
                + "T-1,2022-01-10,Adults,Statutory Adults,Ann,Care\n");
        Cli.Result run = Cli.run("import", "--store", "memory", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("imported 1, already present 0, rejected 0, possible duplicates 0", run.out().strip());
    }
}
