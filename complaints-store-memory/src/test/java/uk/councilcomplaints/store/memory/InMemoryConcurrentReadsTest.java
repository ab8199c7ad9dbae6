package uk.councilcomplaints.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventType;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Reads while appends and erasures run: every history read is the stored history's prefix, whole (an erasure's
 * renumbered reasons all there or none), and every state read is the fold of a prefix of the final history.
 */
class InMemoryConcurrentReadsTest {

    private static final int WRITERS = 3;
    private static final int READERS = 3;
    private static final int COMPLAINTS_PER_WRITER = 150;

    private final InMemoryComplaintStore store = new InMemoryComplaintStore();
    private final Complaints complaints = Complaints.builder(store)
            .clock(Clock.fixed(Instant.parse("2022-02-01T10:00:00Z"), ZoneOffset.UTC)).build();

    @Test
    void everyReadSeesAWholePrefixOfTheHistoryWhileAppendsAndErasuresRun() throws Exception {
        Map<ComplaintId, Boolean> ids = new ConcurrentHashMap<>();
        Queue<Complaint> statesRead = new ConcurrentLinkedQueue<>();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < COMPLAINTS_PER_WRITER; i++) {
                        write(ids);
                    }
                    return null;
                }));
            }
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                long seed = r;
                readers.add(pool.submit(() -> {
                    start.await();
                    Random random = new Random(seed);
                    long reads = 0;
                    while (writing.get() || reads < 100) {
                        List<ComplaintId> known = new ArrayList<>(ids.keySet());
                        if (known.isEmpty()) {
                            continue;
                        }
                        ComplaintId id = known.get(random.nextInt(known.size()));
                        store.load(id).ifPresent(statesRead::add);
                        check(store.history(id), problems);
                        if (random.nextInt(50) == 0) {
                            try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
                                all.forEach(h -> check(h.events(), problems));
                            }
                        }
                        reads++;
                    }
                    return reads;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            long reads = 0;
            for (Future<Long> reader : readers) {
                reads += reader.get(2, TimeUnit.MINUTES);
            }
            assertTrue(reads >= READERS * 100L, "reads made: " + reads);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, problems.size(), problems.size() + " inconsistent reads, the first: "
                + problems.stream().limit(3).toList());
        assertEquals(WRITERS * COMPLAINTS_PER_WRITER, ids.size());
        for (Complaint read : statesRead) {
            List<ComplaintEvent> all = store.history(read.id());
            List<ComplaintEvent> prefix = all.subList(0, Math.toIntExact(read.version()));
            assertEquals(new ComplaintHistory(prefix).current(), read, "a state read is the fold of a prefix");
        }
    }

    /** Receives a complaint, takes it four steps with a reason each, and erases its personal data. */
    private void write(Map<ComplaintId, Boolean> ids) {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        ids.put(c.id(), true);
        complaints.execute(c.id(), Command.Triage.asReceived(), Audit.by("t").because("triaged " + c.id()));
        complaints.execute(c.id(), new Command.Allocate("jo", "VoC"), Audit.by("t").because("allocated " + c.id()));
        complaints.execute(c.id(), new Command.Acknowledge(), Audit.by("jo").because("acknowledged " + c.id()));
        complaints.anonymise(c.id(), Audit.by("dpo").because("asked"));
    }

    /**
     * A history read must be valid, and erased all or nothing: the events before an erasure hold the erased
     * note, those of a history read before it their own reasons.
     */
    private static void check(List<ComplaintEvent> history, Queue<String> problems) {
        try {
            new ComplaintHistory(history);
        } catch (RuntimeException e) {
            problems.add("not a history: " + e);
            return;
        }
        Optional<ComplaintEvent> erasure = history.stream()
                .filter(e -> e.type() == EventType.PERSONAL_DATA_ERASED).findFirst();
        for (ComplaintEvent e : history) {
            boolean before = erasure.isPresent() && e.version() < erasure.get().version();
            boolean erased = e.reason().equals(Optional.of(ComplaintEvent.ERASED_REASON));
            if (e.reason().isPresent() && before != erased) {
                problems.add("version " + e.version() + " of " + e.complaintId() + " read with reason "
                        + e.reason().get() + (erasure.isPresent() ? " after" : " before") + " the erasure");
            }
        }
    }
}
