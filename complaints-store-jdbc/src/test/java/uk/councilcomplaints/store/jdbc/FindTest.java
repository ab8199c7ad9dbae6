package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.Cursor;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.store.SortField;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Finding in SQL: every filter and order of {@link ComplaintQuery} gives the pages the in-memory store gives,
 * ids order as unsigned 128-bit numbers, references by their UTF-8 bytes, and caller text is only ever data.
 */
class FindTest {

    @ParameterizedTest
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void everyQueryGivesTheMemoryStoresPages(Databases db) {
        AtomicInteger matchedSome = new AtomicInteger();
        qt().withExamples(15).forAll(lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(20, 60),
                lists().of(integers().all()).ofSize(20)).checkAssert((steps, seeds) -> {
                    InMemoryComplaintStore memory = new InMemoryComplaintStore();
                    SettableClock clock = new SettableClock(RandomHistories.START);
                    new RandomHistories(Complaints.builder(memory).clock(clock).build(), clock).play(steps, true);
                    JdbcComplaintStore jdbc = db.store();
                    try (Stream<ComplaintHistory> histories = memory.histories(HistoryFilter.all())) {
                        histories.forEach(h -> jdbc.append(Commit.of(0, h.events(), h.current())));
                    }
                    for (int seed : seeds) {
                        ComplaintQuery query = randomQuery(new Random(seed), memory);
                        List<Complaint> expected = all(memory, query);
                        assertEquals(expected, all(jdbc, query), query.toString());
                        if (!expected.isEmpty()) {
                            matchedSome.incrementAndGet();
                        }
                    }
                });
        assertTrue(matchedSome.get() > 15 * 20 / 8, "only " + matchedSome + " queries matched anything");
    }

    /** Every page of {@code query}, each checked to be full unless it is the last. */
    private static List<Complaint> all(ComplaintStore store, ComplaintQuery query) {
        List<Complaint> found = new ArrayList<>();
        Page<Complaint> page = store.find(query);
        while (true) {
            found.addAll(page.items());
            if (page.next().isEmpty()) {
                return found;
            }
            assertEquals(query.limit(), page.items().size(), "a page before the last is full");
            page = store.find(query.after(Cursor.parse(page.next().get().token())));
        }
    }

    private static ComplaintQuery randomQuery(Random r, ComplaintStore memory) {
        ComplaintQuery.Builder b = ComplaintQuery.builder();
        if (r.nextInt(3) == 0) {
            b.statuses(some(r, Status.values()));
        }
        if (r.nextInt(3) == 0) {
            b.buckets(some(r, StatusBucket.values()));
        }
        if (r.nextInt(4) == 0) {
            b.classification(some(r, Classification.values()).toArray(Classification[]::new));
        }
        if (r.nextInt(4) == 0) {
            b.procedure(some(r, Procedure.values()).toArray(Procedure[]::new));
        }
        if (r.nextInt(4) == 0) {
            b.stage(some(r, Stage.values()).toArray(Stage[]::new));
        }
        if (r.nextInt(4) == 0) {
            b.serviceArea(some(r, RandomHistories.AREAS.toArray(ServiceArea[]::new)).toArray(ServiceArea[]::new));
        }
        if (r.nextInt(4) == 0) {
            b.officer(RandomHistories.OFFICERS.get(r.nextInt(RandomHistories.OFFICERS.size())));
        }
        if (r.nextInt(5) == 0) {
            b.team(RandomHistories.TEAMS.get(r.nextInt(RandomHistories.TEAMS.size())));
        }
        if (r.nextInt(8) == 0) {
            List<Complaint> any = memory.find(ComplaintQuery.builder().limit(50).build()).items();
            b.reference(any.isEmpty() || r.nextInt(4) == 0 ? "NO-SUCH-REF" : any.get(r.nextInt(any.size())).reference());
        }
        if (r.nextInt(3) == 0) {
            Instant from = RandomHistories.START.plus(Duration.ofMinutes(r.nextInt(20 * 24 * 60)));
            b.receivedBetween(from, from.plus(Duration.ofMinutes(r.nextInt(30 * 24 * 60))));
        }
        b.sort(SortField.values()[r.nextInt(SortField.values().length)], r.nextBoolean());
        return b.limit(1 + r.nextInt(7)).build();
    }

    @SafeVarargs
    private static <T> List<T> some(Random r, T... values) {
        List<T> chosen = new ArrayList<>();
        for (T value : values) {
            if (r.nextInt(3) == 0) {
                chosen.add(value);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(values[r.nextInt(values.length)]);
        }
        return chosen;
    }

    @ParameterizedTest
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void idsOrderAsUnsignedNumbersAndReferencesByTheirUtf8Bytes(Databases db) {
        JdbcComplaintStore store = db.store();
        Instant at = Instant.parse("2022-05-04T10:00:00Z");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // ids in unsigned order: signed order would put the last three first
        List<String> ids = List.of("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-7fff-ffffffffffff",
                "00000000-0000-0000-8000-000000000000", "7fffffff-ffff-ffff-ffff-ffffffffffff",
                "80000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-fffffffffffe");
        // references in UTF-8 byte order: UTF-16 order would put the emoji (a surrogate pair) before U+FFFD
        List<String> references = List.of("Z", "a", "b", "\u00e9", "\ufffd", "\ud83d\ude00");
        List<Integer> shuffled = List.of(3, 0, 5, 1, 4, 2);
        for (int i : shuffled) {
            receive(store, new ComplaintId(UUID.fromString(ids.get(i))), tag + references.get(i), at);
        }
        ComplaintQuery byId = ComplaintQuery.builder().limit(2).build();
        ComplaintQuery byReference = ComplaintQuery.builder().sort(SortField.REFERENCE, false).limit(4).build();
        assertEquals(ids, all(store, byId).stream().map(c -> c.id().toString()).toList(), "same received time: by id");
        assertEquals(references, all(store, byReference).stream().map(c -> c.reference().substring(8)).toList());
        List<String> reversed = new ArrayList<>(references);
        Collections.reverse(reversed);
        assertEquals(reversed, all(store, ComplaintQuery.builder().sort(SortField.REFERENCE, true).limit(4).build())
                .stream().map(c -> c.reference().substring(8)).toList());
    }

    @ParameterizedTest
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void callerTextIsOnlyEverData(Databases db) {
        JdbcComplaintStore store = db.store();
        Complaint c = receive(store, ComplaintId.random(), "O'Brien-1", Instant.parse("2022-05-04T10:00:00Z"));
        for (String hostile : List.of("x' OR '1'='1", "'; DROP TABLE complaints; --", "%", "O''Brien-1")) {
            assertEquals(List.of(), store.find(ComplaintQuery.builder().officer(hostile).build()).items(), hostile);
            assertEquals(List.of(), store.find(ComplaintQuery.builder().reference(hostile).build()).items(), hostile);
        }
        assertEquals(List.of(c), store.find(ComplaintQuery.builder().reference("O'Brien-1").build()).items());
        assertEquals(Optional.of(c), store.load(c.id()), "the table is still there");
    }

    private static Complaint receive(JdbcComplaintStore store, ComplaintId id, String reference, Instant at) {
        ComplaintEvent received = new ComplaintEvent(id, 1, Status.RECEIVED, at, at, "importer", Optional.empty(),
                new EventData.Received(reference, Procedure.CORPORATE, ServiceArea.CORPORATE, Channel.LETTER,
                        Optional.empty()));
        Complaint state = new ComplaintHistory(List.of(received)).current();
        store.append(Commit.of(0, List.of(received), state));
        return state;
    }
}
