package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Two nodes, each a store with its own pool on one PostgreSQL, 8 threads each issuing commands through
 * their node's facade on the same complaints and receiving new ones: no update is lost, no reference is
 * given twice, every history matches its complaint's version, and the conflicts that make this so happen.
 */
class TwoNodesTest {

    private static final int THREADS_PER_NODE = 8;
    private static final int COMMANDS_PER_THREAD = 25;

    @Test
    void twoNodesLoseNoUpdateAndGiveNoReferenceTwice() throws Exception {
        try (HikariDataSource poolA = TestDatabases.newPostgresDatabase(THREADS_PER_NODE);
                HikariDataSource poolB = TestDatabases.newPool(poolA, THREADS_PER_NODE)) {
            String council = TestDatabases.freshCouncil();
            JdbcComplaintStore nodeA = JdbcComplaintStore.builder(poolA).council(council).build();
            JdbcComplaintStore nodeB = JdbcComplaintStore.builder(poolB).council(council).build();
            List<Complaints> desks = List.of(Complaints.builder(nodeA).build(), Complaints.builder(nodeB).build());
            List<ComplaintId> shared = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                shared.add(Fixtures.allocated(desks.get(i % 2), Procedure.CORPORATE, ServiceArea.CORPORATE, "start")
                        .id());
            }
            AtomicInteger allocations = new AtomicInteger();
            AtomicInteger received = new AtomicInteger();
            AtomicInteger conflicts = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 2 * THREADS_PER_NODE; t++) {
                    int thread = t;
                    Complaints desk = desks.get(t % 2);
                    done.add(threads.submit(() -> {
                        Random random = new Random(thread);
                        start.await();
                        for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
                            if (random.nextInt(4) == 0) {
                                Fixtures.receive(desk, Procedure.CORPORATE, ServiceArea.OTHER);
                                received.incrementAndGet();
                                continue;
                            }
                            ComplaintId id = shared.get(random.nextInt(shared.size()));
                            while (true) {
                                try {
                                    desk.execute(id, new Command.Allocate("officer-" + thread + "-" + i, "VoC"),
                                            Fixtures.OFFICER);
                                    allocations.incrementAndGet();
                                    break;
                                } catch (VersionConflictException e) {
                                    conflicts.incrementAndGet();
                                }
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get(5, TimeUnit.MINUTES);
                }
            } finally {
                threads.shutdownNow();
            }

            long added = 0;
            for (ComplaintId id : shared) {
                Complaint c = nodeA.load(id).orElseThrow();
                List<ComplaintEvent> history = nodeB.history(id);
                assertEquals(history.size(), c.version(), "version equals the number of events");
                for (int i = 0; i < history.size(); i++) {
                    assertEquals(i + 1, history.get(i).version());
                }
                assertEquals(new ComplaintHistory(history).current(), c, "the stored state is the fold");
                assertEquals(c, nodeB.load(id).orElseThrow(), "both nodes read the same state");
                added += c.version() - 3;
            }
            assertEquals(allocations.get(), added, "every successful command is in a history exactly once");
            Set<String> references = new HashSet<>();
            long complaints;
            try (Stream<ComplaintHistory> histories = nodeB.histories(HistoryFilter.all())) {
                complaints = histories.peek(h -> references.add(h.current().reference())).count();
            }
            assertEquals(shared.size() + received.get(), complaints);
            assertEquals(complaints, references.size(), "no reference was given twice");
            assertTrue(conflicts.get() > 0, "the nodes did meet: " + conflicts + " conflicts");
        }
    }
}
