package uk.councilcomplaints.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.councilcomplaints.testing.Fixtures.OFFICER;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.event.EventType;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.CommandRejectedException;
import uk.councilcomplaints.workflow.Complaints;

/**
 * What every {@link ComplaintStore} must do. A store module extends this class and supplies a store; tests
 * isolate themselves with random ids and references, so a store may be shared between tests.
 */
public abstract class ComplaintStoreContract {

    protected SettableClock clock;
    protected ComplaintStore store;
    protected Complaints complaints;

    /** A store to test; may be empty or shared with earlier tests. */
    protected abstract ComplaintStore createStore();

    @BeforeEach
    void setUpFacade() {
        clock = SettableClock.at("2022-01-10T09:00:00Z");
        store = createStore();
        complaints = Complaints.builder(store).clock(clock).build();
    }

    private static String uniqueReference() {
        return "T-" + ComplaintId.random().value().toString().substring(0, 18);
    }

    @Test
    void receivedComplaintLoadsWithItsEventAndPersonalDataApart() {
        Complaint c = complaints.receive(Fixtures.contact(Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS,
                clock.instant()).withReference(uniqueReference()).withMatterDate(LocalDate.of(2021, 12, 1)), OFFICER);

        Complaint loaded = store.load(c.id()).orElseThrow();
        assertEquals(c, loaded);
        assertEquals(Status.RECEIVED, loaded.status());
        assertEquals(Optional.of(LocalDate.of(2021, 12, 1)), loaded.matterDate());
        List<ComplaintEvent> history = store.history(c.id());
        assertEquals(1, history.size());
        assertEquals(EventType.RECEIVED, history.get(0).type());
        assertEquals(1, history.get(0).version());
        assertEquals("A. Resident", store.personalData(c.id()).orElseThrow().complainant().name());
        assertEquals("Missed visits by carers", store.personalData(c.id()).orElseThrow().summary());
    }

    @Test
    void unknownComplaintHasNoStateNoHistoryNoPersonalData() {
        ComplaintId unknown = ComplaintId.random();
        assertTrue(store.load(unknown).isEmpty());
        assertTrue(store.history(unknown).isEmpty());
        assertTrue(store.personalData(unknown).isEmpty());
    }

    @Test
    void everyEventTypeRoundTripsWithBothTimesUnchanged() {
        Complaint original = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        clock.advance(Duration.ofDays(400));
        Complaint c = complaints.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE,
                clock.instant().minus(Duration.ofHours(3)).plusNanos(123_456_789))
                .withMatterDate(LocalDate.of(2021, 1, 4)), OFFICER);
        ComplaintId id = c.id();
        step(id, Command.Triage.as(Procedure.CORPORATE, ServiceArea.of("highways", "Highways")));
        step(id, new Command.AcceptLate(), "carer was in hospital");
        step(id, new Command.Allocate("jo.bloggs", "VoC"));
        step(id, new Command.Allocate("sam.smith", "VoC"));
        step(id, new Command.Acknowledge());
        step(id, new Command.Extend(5), "service needs site visit");
        step(id, new Command.Pause(), "waiting for photos");
        step(id, new Command.Resume(), "photos received");
        step(id, new Command.SendToService());
        step(id, new Command.SubmitDraft());
        // a late entry: the response went out two days ago
        clock.advance(Duration.ofDays(3));
        Instant sent = clock.instant().minus(Duration.ofDays(2));
        Instant respondRecorded = clock.instant();
        complaints.execute(id, new Command.Respond(Outcome.UPHELD, Set.of(Remedy.APOLOGY, Remedy.FINANCIAL_REMEDY)),
                Audit.by("jo.bloggs").occurredAt(sent).because("posted Friday, recorded Monday"));
        step(id, new Command.Escalate());
        step(id, new Command.Allocate("pat.jones", "VoC"));
        step(id, new Command.Close(uk.councilcomplaints.model.ClosureReason.DUPLICATE, Optional.of(original.id())));
        step(id, new Command.ErasePersonalData(), "retention period ended");

        Complaint adult = Fixtures.respond(complaints,
                Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "a.b"));
        step(adult.id(), new Command.ReferToOmbudsman());
        Complaint reclassified = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.OTHER);
        step(reclassified.id(), new Command.Reclassify(Classification.SERVICE_REQUEST));
        Complaint adult2 = Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "c.d");
        step(adult2.id(), new Command.AgreeResponseDate(LocalDate.of(2023, 6, 30)), "agreed by phone");
        Complaint child = Fixtures.respond(complaints,
                Fixtures.allocated(complaints, Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS, "e.f"));
        step(child.id(), new Command.Escalate());
        child = Fixtures.respond(complaints, step(child.id(), new Command.Allocate("g.h", "VoC")));
        step(child.id(), new Command.Escalate());
        step(child.id(), new Command.Allocate("i.j", "VoC"));
        step(child.id(), new Command.RecordPanelMeeting());
        step(child.id(), new Command.RecordPanelReport());

        Set<EventType> seen = new HashSet<>();
        for (ComplaintId each : List.of(id, adult.id(), reclassified.id(), adult2.id(), child.id())) {
            List<ComplaintEvent> history = store.history(each);
            for (int i = 0; i < history.size(); i++) {
                ComplaintEvent e = history.get(i);
                seen.add(e.type());
                assertEquals(i + 1, e.version());
                assertFalse(e.occurredAt().isAfter(e.recordedAt()));
                assertEquals(e.occurredAt(), e.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            }
            assertEquals(new ComplaintHistory(history).current(), store.load(each).orElseThrow(),
                    "the stored state is the fold of the stored events");
        }
        assertEquals(Set.of(EventType.values()), seen, "every event type was stored and read back");

        ComplaintEvent response = store.history(id).stream().filter(e -> e.type() == EventType.RESPONDED)
                .findFirst().orElseThrow();
        assertEquals(sent.truncatedTo(java.time.temporal.ChronoUnit.MICROS), response.occurredAt());
        assertEquals(respondRecorded, response.recordedAt(), "recorded when the command was issued");
        assertEquals(Optional.of("posted Friday, recorded Monday"), response.reason());
        assertEquals(new EventData.Responded(Outcome.UPHELD, Set.of(Remedy.APOLOGY, Remedy.FINANCIAL_REMEDY)),
                response.data());
        assertEquals(c.receivedAt(), store.history(id).get(0).occurredAt());
        assertTrue(store.personalData(id).isEmpty(), "personal data erased");
        assertTrue(store.personalData(original.id()).isPresent(), "other complaints keep theirs");
        Complaint after = store.load(id).orElseThrow();
        assertEquals(Status.DUPLICATE, after.status());
        assertEquals(Optional.of(original.id()), after.duplicateOf());
        assertEquals(ServiceArea.of("highways", "Highways"), after.serviceArea());
        assertEquals("Highways", after.serviceArea().name());
        assertTrue(after.personalDataErased());
    }

    private Complaint step(ComplaintId id, Command command) {
        clock.advance(Duration.ofMinutes(7));
        return complaints.execute(id, command, OFFICER);
    }

    private Complaint step(ComplaintId id, Command command, String reason) {
        clock.advance(Duration.ofMinutes(7));
        return complaints.execute(id, command, OFFICER.because(reason));
    }

    @Test
    void staleVersionIsRejectedAndStoresNothing() {
        Complaint c = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
        List<ComplaintEvent> before = store.history(c.id());

        VersionConflictException e = assertThrows(VersionConflictException.class,
                () -> complaints.execute(c.id(), 1, new Command.Acknowledge(), OFFICER));
        assertEquals(1, e.expectedVersion());
        assertEquals(3, e.actualVersion());

        // straight to the store: a commit decided on version 2 while the complaint is at 3
        List<ComplaintEvent> twoEvents = before.subList(0, 2);
        Complaint atTwo = new ComplaintHistory(twoEvents).current();
        ComplaintEvent stale = new ComplaintEvent(c.id(), 3, Status.ACKNOWLEDGED, clock.instant(), clock.instant(),
                "x", Optional.empty(), new EventData.Acknowledged());
        Complaint staleState = new ComplaintHistory(List.of(twoEvents.get(0), twoEvents.get(1), stale)).current();
        assertEquals(2, atTwo.version());
        VersionConflictException direct = assertThrows(VersionConflictException.class,
                () -> store.append(Commit.of(2, List.of(stale), staleState)));
        assertEquals(2, direct.expectedVersion());
        assertEquals(before, store.history(c.id()));
        assertEquals(c, store.load(c.id()).orElseThrow());
    }

    @Test
    void creatingAnExistingComplaintIsAConflict() {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        List<ComplaintEvent> history = store.history(c.id());
        assertThrows(VersionConflictException.class, () -> store.append(Commit.of(0, history, c)));
        assertEquals(history, store.history(c.id()));
    }

    @Test
    void referencesAreUniqueAndAClashStoresNothing() {
        String reference = uniqueReference();
        Complaint first = complaints.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE,
                clock.instant()).withReference(reference), OFFICER);
        DuplicateReferenceException e = assertThrows(DuplicateReferenceException.class,
                () -> complaints.receive(Fixtures.contact(Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS,
                        clock.instant()).withReference(reference), OFFICER));
        assertTrue(e.getMessage().contains(reference));
        List<Complaint> withReference = complaints.find(ComplaintQuery.builder().reference(reference).build()).items();
        assertEquals(List.of(first), withReference);
        assertEquals(Optional.of(first), complaints.findByReference(reference));
    }

    @Test
    void generatedReferencesAreUniqueAndNamedByYear() {
        Set<String> references = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            references.add(Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE).reference());
        }
        assertEquals(30, references.size());
        assertTrue(references.stream().allMatch(r -> r.matches("CMP-2022-\\d{6}")), references.toString());
    }

    @Test
    void aGeneratedReferenceSkipsANumberACouncilAlreadyUsed() {
        long last = store.nextReferenceNumber(2022);
        String taken = String.format("CMP-2022-%06d", last + 1);
        complaints.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE, clock.instant())
                .withReference(taken), OFFICER);
        Complaint generated = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        assertEquals(String.format("CMP-2022-%06d", last + 2), generated.reference());
    }

    @Test
    void findFiltersByStatusBucketProcedureAreaAndOfficer() {
        String officer = "officer-" + ComplaintId.random();
        ServiceArea area = ServiceArea.of("area-" + Integer.toHexString(new Random().nextInt()), "Test area");
        Complaint a = Fixtures.allocated(complaints, Procedure.CORPORATE, area, officer);
        Complaint b = Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE, area, officer);
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, area);
        complaints.execute(b.id(), new Command.Acknowledge(), OFFICER);

        assertEquals(Set.of(a, c), ids(ComplaintQuery.builder().serviceArea(area).procedure(Procedure.CORPORATE)),
                "by area and procedure");
        assertEquals(Set.of(a.id(), b.id()), idsOf(ComplaintQuery.builder().officer(officer)));
        assertEquals(Set.of(b.id()), idsOf(ComplaintQuery.builder().officer(officer).status(Status.ACKNOWLEDGED)));
        assertEquals(Set.of(c.id()),
                idsOf(ComplaintQuery.builder().serviceArea(area).bucket(StatusBucket.UNALLOCATED)));
        assertEquals(Set.of(), idsOf(ComplaintQuery.builder().serviceArea(area).bucket(StatusBucket.COMPLETE)));
    }

    private Set<Complaint> ids(ComplaintQuery.Builder query) {
        return new HashSet<>(store.find(query.build()).items());
    }

    private Set<ComplaintId> idsOf(ComplaintQuery.Builder query) {
        return store.find(query.build()).items().stream().map(Complaint::id).collect(Collectors.toSet());
    }

    @Test
    void keysetPagingVisitsEveryMatchOnceInOrder() {
        ServiceArea area = ServiceArea.of("paging-" + Integer.toHexString(new Random().nextInt() & 0xffff), "Paging");
        List<ComplaintId> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            if (i % 5 != 0) {
                clock.advance(Duration.ofMinutes(1)); // every fifth shares its received time: ties broken by id
            }
            created.add(Fixtures.receive(complaints, Procedure.CORPORATE, area).id());
        }
        for (boolean descending : new boolean[] {false, true}) {
            for (SortField sort : SortField.values()) {
                ComplaintQuery query = ComplaintQuery.builder().serviceArea(area).sort(sort, descending).limit(10)
                        .build();
                List<Complaint> all = new ArrayList<>();
                int pages = 0;
                Page<Complaint> page = store.find(query);
                while (true) {
                    pages++;
                    assertTrue(page.items().size() <= 10);
                    all.addAll(page.items());
                    if (page.next().isEmpty()) {
                        break;
                    }
                    // the cursor survives a trip through a web page
                    page = store.find(query.after(Cursor.parse(page.next().get().token())));
                }
                assertEquals(3, pages, sort + (descending ? " desc" : " asc"));
                assertEquals(25, all.size());
                assertEquals(new HashSet<>(created), all.stream().map(Complaint::id).collect(Collectors.toSet()));
                List<Complaint> sorted = new ArrayList<>(all);
                sorted.sort(query.order());
                assertEquals(sorted, all, "pages come in the query's order");
            }
        }
    }

    @Test
    void historiesStreamHoldsEveryComplaint() {
        Complaint a = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "x");
        Complaint b = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        try (Stream<ComplaintHistory> histories = store.histories()) {
            List<ComplaintHistory> found = histories.filter(h -> h.id().equals(a.id()) || h.id().equals(b.id()))
                    .collect(Collectors.toList());
            assertEquals(2, found.size());
            for (ComplaintHistory h : found) {
                assertEquals(store.history(h.id()), h.events());
            }
        }
    }

    @Test
    void rejectedCommandChangesNothing() {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        CommandRejectedException e = assertThrows(CommandRejectedException.class,
                () -> complaints.execute(c.id(), new Command.Acknowledge(), OFFICER));
        assertTrue(e.getMessage().contains(c.reference()), e.getMessage());
        assertTrue(e.getMessage().contains("RECEIVED"), e.getMessage());
        assertTrue(e.getMessage().contains("ACKNOWLEDGE"), e.getMessage());
        assertTrue(e.getMessage().contains("TRIAGE"), "names the allowed commands: " + e.getMessage());
        assertEquals(1, store.history(c.id()).size());
        assertEquals(c, store.load(c.id()).orElseThrow());
    }

    @Test
    void returnedValuesCannotChangeTheStore() {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        List<ComplaintEvent> history = store.history(c.id());
        assertThrows(UnsupportedOperationException.class, () -> history.clear());
        assertThrows(UnsupportedOperationException.class, () -> store.load(c.id()).orElseThrow().remedies().clear());
        assertEquals(1, store.history(c.id()).size());
    }

    /** 8 threads issue commands on the same 20 complaints; no update may be lost. */
    @Test
    void concurrentCommandsLoseNothing() throws Exception {
        int threads = 8;
        int complaintsCount = 20;
        int commandsPerThread = 40;
        List<ComplaintId> ids = new ArrayList<>();
        for (int i = 0; i < complaintsCount; i++) {
            ids.add(Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "start").id());
        }
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    start.await();
                    for (int i = 0; i < commandsPerThread; i++) {
                        ComplaintId id = ids.get(random.nextInt(complaintsCount));
                        while (true) {
                            try {
                                complaints.execute(id, new Command.Allocate("officer-" + thread + "-" + i, "VoC"),
                                        OFFICER);
                                succeeded.incrementAndGet();
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
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * commandsPerThread, succeeded.get());
        long added = 0;
        for (ComplaintId id : ids) {
            Complaint c = store.load(id).orElseThrow();
            List<ComplaintEvent> history = store.history(id);
            assertEquals(history.size(), c.version(), "version equals the number of events");
            for (int i = 0; i < history.size(); i++) {
                assertEquals(i + 1, history.get(i).version());
            }
            added += c.version() - 3;
        }
        assertEquals(succeeded.get(), added, "every successful command is in a history exactly once");
    }
}
