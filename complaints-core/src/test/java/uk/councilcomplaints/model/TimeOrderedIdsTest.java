package uk.councilcomplaints.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** New complaints' ids are UUID version 7 and each orders after the one before, whatever the clock does. */
class TimeOrderedIdsTest {

    @Test
    void anIdIsVersion7WithTheTimeItWasMadeFirst() {
        long before = System.currentTimeMillis();
        UUID id = ComplaintId.next().value();
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(before <= millis && millis <= after, before + " <= " + millis + " <= " + after);
    }

    @Test
    void eachIdOrdersAfterTheLastEvenWhenTheClockStandsStillOrGoesBack() {
        long now = System.currentTimeMillis();
        TimeOrderedIds generator = new TimeOrderedIds();
        List<ComplaintId> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(ComplaintId.next());
        }
        assertTrue(ids.get(ids.size() - 1).value().getMostSignificantBits() >>> 16 <= System.currentTimeMillis());
        ids.clear();
        for (long millis : new long[] {now, now + 1, now + 60_000, now + 60_000, now + 60_000, now, now - 3_600_000,
                0}) {
            ids.add(generator.next(millis));
        }
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1).compareTo(ids.get(i)) < 0, ids.get(i - 1) + " then " + ids.get(i));
            assertEquals(7, ids.get(i).value().version(), ids.get(i).toString());
            assertEquals(2, ids.get(i).value().variant(), ids.get(i).toString());
        }
        // after the clock went back, the time part stays where it was, and the steps after it are not all one
        assertEquals(now + 60_000, ids.get(ids.size() - 1).value().getMostSignificantBits() >>> 16);
        long step = ids.get(ids.size() - 1).value().getLeastSignificantBits()
                - ids.get(ids.size() - 2).value().getLeastSignificantBits();
        long stepBefore = ids.get(ids.size() - 2).value().getLeastSignificantBits()
                - ids.get(ids.size() - 3).value().getLeastSignificantBits();
        assertTrue(step != 1 || stepBefore != 1, step + ", " + stepBefore);
    }

    @Test
    void aStepCarriesFromTheBitsAfterTheVariantIntoThoseAfterTheVersionAndThenIntoTheTime() {
        assertEquals(UUID.fromString("01890000-0000-7abc-8000-000000000001"),
                TimeOrderedIds.following(UUID.fromString("01890000-0000-7abc-8000-000000000000"), 1));
        assertEquals(UUID.fromString("01890000-0000-7abc-8000-000100000000"),
                TimeOrderedIds.following(UUID.fromString("01890000-0000-7abc-8000-000000000000"), 1L << 32));
        assertEquals(UUID.fromString("01890000-0000-7abd-8000-000000000000"),
                TimeOrderedIds.following(UUID.fromString("01890000-0000-7abc-bfff-ffffffffffff"), 1));
        assertEquals(UUID.fromString("01890000-0000-7abd-8000-0000fffffffe"),
                TimeOrderedIds.following(UUID.fromString("01890000-0000-7abc-bfff-ffffffffffff"), 0xFFFF_FFFFL));
        assertEquals(UUID.fromString("01890000-0001-7000-8000-000000000000"),
                TimeOrderedIds.following(UUID.fromString("01890000-0000-7fff-bfff-ffffffffffff"), 1));
    }

    @Test
    void idsMadeOnSeveralThreadsAreAllDifferentAndInOrderOnEach() throws InterruptedException, ExecutionException {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ComplaintId>>> made = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                made.add(threads.submit(() -> {
                    List<ComplaintId> ids = new ArrayList<>();
                    for (int i = 0; i < 20_000; i++) {
                        ids.add(ComplaintId.next());
                    }
                    return ids;
                }));
            }
            Set<ComplaintId> all = new HashSet<>();
            for (Future<List<ComplaintId>> f : made) {
                List<ComplaintId> ids = f.get();
                for (int i = 1; i < ids.size(); i++) {
                    assertTrue(ids.get(i - 1).compareTo(ids.get(i)) < 0);
                }
                all.addAll(ids);
            }
            assertEquals(80_000, all.size());
        } finally {
            threads.shutdownNow();
        }
    }
}
