package uk.councilcomplaints.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.CountQuery;
import uk.councilcomplaints.store.CountQuery.Dimension;
import uk.councilcomplaints.store.GroupCounts;
import uk.councilcomplaints.store.GroupKey;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/** The memory store's columns: what they keep exactly, what they refuse, and what readers see while writers go on. */
class InMemoryColumnsTest {

    private final SettableClock clock = SettableClock.at("2022-01-10T09:00:00Z");
    private final InMemoryComplaintStore store = new InMemoryComplaintStore();
    private final Complaints complaints = Complaints.builder(store).clock(clock).build();

    @Test
    void personalDataComesBackExactlyWhateverItsText() {
        String long500 = "Flat 2, ".repeat(62) + "End";
        List<PersonalData> samples = List.of(
                new PersonalData(Complainant.named("A. Resident"), "Bins"),
                new PersonalData(Complainant.named("Zoë Ødegård 王").withEmail("zoe@example.org")
                        .withPhone("+44 20 7946 0000").withAddress(long500), "Café 🚲 lost; ".repeat(40)),
                new PersonalData(Complainant.named("Broken \ud800 surrogate").withAddress("x"), "\udc00 alone"));
        for (PersonalData data : samples) {
            PersonalData back = PersonalDataCodec.decode(PersonalDataCodec.encode(data));
            assertEquals(data.complainant(), back.complainant());
            assertEquals(data.summary(), back.summary());
        }
    }

    @Test
    void eventTimesFinerThanAMicrosecondAreRefusedAndNothingIsStored() {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        ComplaintEvent received = store.history(c.id()).get(0);
        ComplaintId other = ComplaintId.random();
        ComplaintEvent fine = new ComplaintEvent(other, 1, received.status(), received.occurredAt().plusNanos(1),
                received.recordedAt().plusNanos(1), "importer", Optional.of("import"),
                new EventData.Received("X-1", Procedure.CORPORATE,
                        ServiceArea.CORPORATE, Channel.EMAIL, Optional.empty()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.append(
                Commit.of(0, List.of(fine), new ComplaintHistory(List.of(fine)).current())));
        assertTrue(e.getMessage().contains("microsecond"), e.getMessage());
        assertTrue(store.load(other).isEmpty());
        assertEquals(1, store.size());
    }

    /**
     * A writer reallocates complaints again and again while readers count them: every count sees every
     * complaint exactly once, though each append closes one row and adds another.
     */
    @Test
    void readersCountEachComplaintOnceWhileWritersAppend() throws Exception {
        int n = 40;
        List<ComplaintId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "start").id());
        }
        LocalDate later = LondonDays.dayOf(clock.instant()).plusYears(1);
        CountQuery oneDay = CountQuery.of(new CountQuery.All(Optional.empty()), Set.of(Dimension.OFFICER),
                List.of(later), Optional.empty());
        CountQuery twoDays = CountQuery.of(new CountQuery.OpenAtStartOf(later.minusDays(1), Optional.empty()),
                Set.of(Dimension.OFFICER), List.of(later, later.plusDays(1)), Optional.empty());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < 3_000; i++) {
                        clock.advance(Duration.ofSeconds(1));
                        complaints.execute(ids.get(i % n), new Command.Allocate("officer-" + i % 7, "VoC"),
                                Fixtures.OFFICER);
                    }
                    return 3_000;
                } finally {
                    writing.set(false);
                }
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (CountQuery query : List.of(oneDay, twoDays)) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (writing.get() || reads == 0) {
                        GroupCounts counts = store.count(query);
                        for (LocalDate day : query.asOf()) {
                            assertEquals(n, total(counts, day), "every complaint once on " + day);
                        }
                        reads++;
                    }
                    return reads;
                }));
            }
            assertEquals(3_000, writer.get(2, TimeUnit.MINUTES));
            for (Future<Integer> reader : readers) {
                assertTrue(reader.get(2, TimeUnit.MINUTES) > 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long total(GroupCounts counts, LocalDate day) {
        long sum = 0;
        for (GroupKey key : counts.keys(day)) {
            for (StatusBucket b : StatusBucket.values()) {
                sum += counts.count(day, key, b);
            }
        }
        return sum;
    }

    @Test
    void historiesAreReadOnlyForTheComplaintsAFilterWants() {
        Complaint open = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
        Complaint withdrawn = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        clock.advance(Duration.ofHours(1));
        complaints.execute(withdrawn.id(), Command.Close.withdrawn(), Fixtures.OFFICER);
        Instant now = clock.instant();
        try (Stream<ComplaintHistory> wanted = store.histories(HistoryFilter.openAt(now, KnownAt.latest()))) {
            assertEquals(List.of(open.id()), wanted.map(ComplaintHistory::id).toList());
        }
        try (Stream<ComplaintHistory> wanted = store.histories(HistoryFilter.activeBetween(
                now.minusSeconds(1), now.plusSeconds(1)))) {
            assertEquals(List.of(withdrawn.id()), wanted.map(ComplaintHistory::id).toList());
        }
    }
}
