package uk.councilcomplaints.examples.cli.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.store.BatchFailedException;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.testing.ForwardingStore;
import uk.councilcomplaints.workflow.Complaints;

/**
 * A batch the store refuses after every row passed the checks (a concurrent change): the row holding the failed
 * command is rejected with the store's reason, every other row is still imported, and the counts add up.
 */
class LegacyImporterBatchFailureTest {

    @TempDir
    Path dir;

    /** A store writes a batch all or nothing: the rows before the failed one are stored again. */
    @Test
    void theRowOfTheFailedCommandIsRejectedAndTheOthersImported() throws IOException {
        Path file = tracker(
                "reference,received_on,service_area,type,complainant_name,summary,triaged_on,allocated_on,officer",
                "T-1,2022-01-10,Corporate,Corporate,Ann,Bins,2022-01-11,,",
                "T-2,2022-01-11,Corporate,Corporate,Bob,Parking,2022-01-12,2022-01-13,b.officer",
                "T-3,2022-01-12,Corporate,Corporate,Cy,Library,,,");
        FailingOnce store = new FailingOnce("T-2");
        SettableClock clock = new SettableClock(Instant.parse("2022-03-31T12:00:00Z"));
        StringWriter out = new StringWriter();

        ImportSummary summary = new LegacyImporter(store, clock, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true)).importFile(file);

        assertEquals("imported 2, already present 0, rejected 1, possible duplicates 0", summary.toString());
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        assertTrue(complaints.findByReference("T-1").isPresent());
        assertTrue(complaints.findByReference("T-3").isPresent());
        assertTrue(complaints.findByReference("T-2").isEmpty(), "nothing of T-2 is stored");
        List<String> rejects = Files.readAllLines(summary.rejectedFile());
        assertEquals(2, rejects.size());
        assertTrue(rejects.get(1).startsWith("3,\"refused while storing, after it passed the checks ("),
                rejects.get(1));
        assertTrue(rejects.get(1).contains("disk full"), rejects.get(1));
    }

    /**
     * The next batch is decided while one is stored. When the stored one fails, the rows decided meanwhile are
     * decided again with its remaining rows, so a row closed as a duplicate of a row of the failed batch names the
     * original as finally stored.
     */
    @Test
    void theBatchDecidedWhileAFailedOneWasStoredIsDecidedAgain() throws IOException {
        Path file = tracker(
                "reference,received_on,service_area,type,complainant_name,summary,triaged_on,allocated_on,officer,"
                        + "closed_on,closure_reason,duplicate_of",
                "T-1,2022-01-10,Corporate,Corporate,Ann,Bins,2022-01-11,,,,,",
                "T-2,2022-01-11,Corporate,Corporate,Bob,Parking,2022-01-12,2022-01-13,b.officer,,,",
                "T-3,2022-01-12,Corporate,Corporate,Cy,Library,,,,,,",
                "T-4,2022-01-13,Corporate,Corporate,Di,Bins again,2022-01-14,,,2022-01-15,duplicate,T-1",
                "T-5,2022-01-14,Corporate,Corporate,Ed,Potholes,,,,,,");
        FailingOnce store = new FailingOnce("T-2");
        SettableClock clock = new SettableClock(Instant.parse("2022-03-31T12:00:00Z"));

        ImportSummary summary = new LegacyImporter(store, clock, new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), System::nanoTime, 1_000, 2).importFile(file);

        assertEquals("imported 4, already present 0, rejected 1, possible duplicates 0", summary.toString(),
                Files.readString(summary.rejectedFile()));
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        for (String reference : List.of("T-1", "T-3", "T-4", "T-5")) {
            assertTrue(complaints.findByReference(reference).isPresent(), reference);
        }
        assertEquals(complaints.findByReference("T-1").map(c -> c.id()),
                complaints.findByReference("T-4").orElseThrow().duplicateOf());
        assertEquals(4, store.histories(HistoryFilter.all()).count(), "nothing of T-2 is stored");
    }

    /**
     * A store that fails outright while a batch is stored (the database gone) stops the import with its own
     * error, not with one about the batch it left behind, and stores nothing of the failed batch.
     */
    @Test
    void aStoreFailureStopsTheImportWithItsOwnError() throws IOException {
        Path file = dir.resolve("tracker.csv");
        StringBuilder csv = new StringBuilder("reference,received_on,service_area,type,complainant_name,summary\n");
        for (int i = 1; i <= 5; i++) {
            csv.append("T-").append(i).append(",2022-01-1").append(i).append(",Corporate,Corporate,Ann ").append(i)
                    .append(",Bins ").append(i).append('\n');
        }
        Files.writeString(file, csv);
        InMemoryComplaintStore memory = new InMemoryComplaintStore();
        ForwardingStore down = new ForwardingStore(memory) {
            @Override
            public void appendAll(List<Commit> commits) {
                throw new IllegalStateException("the database could not be reached");
            }
        };
        LegacyImporter importer = new LegacyImporter(down, new SettableClock(Instant.parse("2022-03-31T12:00:00Z")),
                new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), System::nanoTime,
                1_000, 2);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> importer.importFile(file));

        assertEquals("the database could not be reached", e.getMessage());
        assertEquals(0, memory.histories(HistoryFilter.all()).count());
    }

    /** {@code tracker.csv} with these lines, as a spreadsheet saves them (CRLF). */
    private Path tracker(String... lines) throws IOException {
        Path file = dir.resolve("tracker.csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n");
        return file;
    }

    /** A memory store whose first batch fails, storing nothing, at the second command on {@code reference}. */
    private static final class FailingOnce extends ForwardingStore {
        private final String reference;
        private boolean failed;

        FailingOnce(String reference) {
            super(new InMemoryComplaintStore());
            this.reference = reference;
        }

        @Override
        public void appendAll(List<Commit> commits) {
            if (failed) {
                store.appendAll(commits);
                return;
            }
            failed = true;
            int seen = 0;
            for (int i = 0; i < commits.size(); i++) {
                if (commits.get(i).state().reference().equals(reference) && ++seen == 2) {
                    throw new BatchFailedException(i, "item " + i,
                            new IllegalStateException("disk full"));
                }
            }
            throw new AssertionError("no second command on " + reference + " in " + commits);
        }
    }
}
