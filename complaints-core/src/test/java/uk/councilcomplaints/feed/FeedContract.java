package uk.councilcomplaints.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.ComplaintsException;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Batch;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * What a store must do for the event feed: every stored event once, at strictly increasing positions, a complaint's
 * in version order, read a page at a time in any page sizes; nothing of a failed batch; no reason (which may quote
 * personal data) through the facade; and, with two nodes of eight writers each appending while two readers follow
 * the feed, every reader reads every committed event exactly once and nothing else. A store module extends this
 * class.
 */
public abstract class FeedContract {

    /** A new, empty store on every call. */
    protected abstract ComplaintStore createStore();

    /** Another node on the same data as {@code store} (its own connections); the store itself where there is one. */
    protected abstract ComplaintStore otherNode(ComplaintStore store);

    private static List<ComplaintHistory> histories(ComplaintStore store) {
        try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
            return all.toList();
        }
    }

    /** Reads the whole feed in pages of the sizes {@code random} picks. */
    private static List<FeedEvent> readAll(EventFeed feed, Random random) {
        List<FeedEvent> read = new ArrayList<>();
        long position = 0;
        while (true) {
            List<FeedEvent> page = feed.eventsAfter(position, 1 + random.nextInt(40));
            if (page.isEmpty()) {
                return read;
            }
            read.addAll(page);
            position = page.get(page.size() - 1).position();
        }
    }

    /** Every stored event exactly once, in increasing positions, each complaint's in version order. */
    private static void checkComplete(List<FeedEvent> read, List<ComplaintHistory> stored, String who) {
        Map<ComplaintId, Long> lastVersion = new HashMap<>();
        long lastPosition = 0;
        Set<String> seen = new HashSet<>();
        Map<String, ComplaintEvent> storedEvents = new HashMap<>();
        for (ComplaintHistory h : stored) {
            for (ComplaintEvent e : h.events()) {
                storedEvents.put(e.complaintId() + "/" + e.version(), e);
            }
        }
        for (FeedEvent f : read) {
            assertTrue(f.position() > lastPosition, who + ": positions strictly increase: " + f.position() + " after "
                    + lastPosition);
            lastPosition = f.position();
            ComplaintEvent e = f.event();
            String key = e.complaintId() + "/" + e.version();
            assertTrue(seen.add(key), who + ": " + key + " read twice");
            assertEquals(lastVersion.getOrDefault(e.complaintId(), 0L) + 1, e.version(),
                    who + ": " + e.complaintId() + "'s events in version order");
            lastVersion.put(e.complaintId(), e.version());
            ComplaintEvent kept = storedEvents.get(key);
            assertTrue(kept != null, who + ": " + key + " was never stored (a failed batch?)");
            assertEquals(kept.data(), e.data(), who + ": " + key);
            assertEquals(kept.recordedAt(), e.recordedAt(), who + ": " + key);
            assertEquals(kept.occurredAt(), e.occurredAt(), who + ": " + key);
        }
        assertEquals(storedEvents.keySet(), seen, who + ": every stored event read");
    }

    @Test
    public void everyStoredEventOnceInOrderWhateverThePageSizes() {
        qt().withExamples(15).forAll(lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(1, 80),
                integers().all()).checkAssert((steps, seed) -> {
                    ComplaintStore store = createStore();
                    SettableClock clock = new SettableClock(RandomHistories.START);
                    Complaints complaints = Complaints.builder(store).clock(clock).build();
                    new RandomHistories(complaints, clock).play(steps, true);
                    checkComplete(readAll(complaints.feed(), new Random(seed)), histories(store), "one reader");
                });
    }

    @Test
    public void aFailedBatchLeavesNothingInTheFeedAndReasonsStayOut() {
        ComplaintStore store = createStore();
        Complaints complaints = Complaints.builder(store).clock(SettableClock.at("2022-05-03T09:00:00Z")).build();
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        complaints.execute(c.id(), Command.Triage.asReceived(), Fixtures.OFFICER.because("phoned the resident"));
        long before = complaints.feed().eventsAfter(0, 100).size();
        Batch batch = complaints.batch();
        batch.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE, complaints.clock().instant()),
                Fixtures.OFFICER);
        batch.execute(c.id(), 2, new Command.Allocate("o.one", "Team"), Fixtures.OFFICER);
        complaints.execute(c.id(), new Command.Allocate("o.two", "Team"), Fixtures.OFFICER); // the batch is now stale
        try {
            batch.commit();
            throw new AssertionError("the stale batch was stored");
        } catch (ComplaintsException expected) {
            // nothing of it stored
        }
        List<FeedEvent> feed = complaints.feed().eventsAfter(0, 100);
        assertEquals(before + 1, feed.size(), "the reallocation only");
        assertTrue(feed.stream().allMatch(f -> f.event().reason().isEmpty()), "no reason in the feed");
        assertEquals(List.of(1L, 2L, 3L), feed.stream().map(FeedEvent::position).toList());
        checkComplete(feed, histories(store), "after a failed batch");
    }

    @Test
    public void twoNodesOfEightWritersAndTwoReadersFollowingReadEveryCommittedEventOnce() throws Exception {
        ComplaintStore first = createStore();
        List<ComplaintStore> nodes = List.of(first, otherNode(first));
        Clock clock = Clock.fixed(Instant.parse("2022-05-03T09:00:00Z"), ZoneOffset.UTC);
        List<Complaints> facades = nodes.stream().map(s -> Complaints.builder(s).clock(clock).build()).toList();
        List<ComplaintId> ids = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(Fixtures.receive(facades.get(0), Procedure.CORPORATE, ServiceArea.CORPORATE).id());
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger failedBatches = new AtomicInteger();
        Map<Integer, List<FeedEvent>> readByReader = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(18);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            int reader = r;
            readers.add(pool.submit(() -> {
                EventFeed feed = facades.get(reader).feed();
                List<FeedEvent> read = new ArrayList<>();
                long position = 0;
                start.await();
                while (true) {
                    boolean stillWriting = writing.get();
                    List<FeedEvent> page = feed.eventsAfter(position, 1 + reader * 49);
                    read.addAll(page);
                    if (!page.isEmpty()) {
                        position = page.get(page.size() - 1).position();
                    } else if (!stillWriting) {
                        break;
                    }
                }
                readByReader.put(reader, read);
                return null;
            }));
        }
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            Complaints complaints = facades.get(w % 2);
            Random random = new Random(w);
            writers.add(pool.submit(() -> {
                start.await();
                for (int n = 0; n < 25; n++) {
                    ComplaintId id = ids.get(random.nextInt(8)); // eight complaints shared: writers race on them
                    try {
                        Complaint c = complaints.get(id);
                        Batch batch = complaints.batch();
                        batch.execute(id, c.version(), next(c), Audit.by("writer"));
                        ids.add(batch.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE,
                                clock.instant()), Audit.by("writer")).id());
                        batch.commit();
                    } catch (ComplaintsException conflict) {
                        failedBatches.incrementAndGet(); // another writer got there first: nothing of it stored
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> w : writers) {
            w.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);
        for (Future<?> r : readers) {
            r.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        List<ComplaintHistory> stored = histories(first);
        for (Map.Entry<Integer, List<FeedEvent>> e : readByReader.entrySet()) {
            checkComplete(e.getValue(), stored, "reader " + e.getKey());
        }
        assertTrue(failedBatches.get() > 0, "some batches lost a race and were rolled back");
    }

    /** A command that moves the complaint on, or keeps its status when it has gone as far as this test takes it. */
    private static Command next(Complaint c) {
        return switch (c.status()) {
            case RECEIVED -> Command.Triage.asReceived();
            case TRIAGED -> new Command.Allocate("o.one", "Team");
            case ALLOCATED -> new Command.Acknowledge();
            default -> Command.RecordThemes.of(c.version() % 2 == 0 ? "delay" : "communication");
        };
    }
}
