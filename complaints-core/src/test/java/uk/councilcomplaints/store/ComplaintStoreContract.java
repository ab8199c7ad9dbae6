package uk.councilcomplaints.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static uk.councilcomplaints.testing.Fixtures.OFFICER;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.event.EventType;
import uk.councilcomplaints.event.UncheckedFold;
import uk.councilcomplaints.learning.CaseRecord;
import uk.councilcomplaints.learning.OmbudsmanCase;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Money;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.ReferenceStore;
import uk.councilcomplaints.testing.States;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.CommandRejectedException;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

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
        complaints.execute(id, Command.Respond.withPayment(Outcome.UPHELD, Money.parse("250.50"), Remedy.APOLOGY),
                Audit.by("jo.bloggs").occurredAt(sent).because("posted Friday, recorded Monday"));
        step(id, Command.RecordThemes.of("delay", "communication"));
        step(id, new Command.RecordLetterSent("response", "740e5834-3a29-46b4-9a6f-16142fde533a"));
        step(id, new Command.AgreeLearningAction("Letters give a named contact", ServiceArea.of("highways", "Highways"),
                "Head of Highways", LocalDate.of(2023, 3, 31), Set.of(original.id())));
        step(id, new Command.CompleteLearningAction(1, LondonDays.dayOf(clock.instant()), "Template changed"));
        step(id, new Command.Escalate());
        step(id, new Command.Allocate("pat.jones", "VoC"));
        step(id, new Command.Close(uk.councilcomplaints.model.ClosureReason.DUPLICATE, Optional.of(original.id())));
        step(id, new Command.ErasePersonalData(), "retention period ended");

        Complaint adult = Fixtures.respond(complaints,
                Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "a.b"));
        step(adult.id(), new Command.ReferToOmbudsman());
        step(adult.id(), new Command.RecordOmbudsmanEnquiry());
        step(adult.id(), new Command.RecordOmbudsmanDecision(OmbudsmanDecision.UPHELD,
                Set.of(Remedy.APOLOGY, Remedy.FINANCIAL_REMEDY), Optional.of(Money.pounds(300)),
                Optional.of(LondonDays.dayOf(clock.instant()).plusMonths(1))));
        step(adult.id(), new Command.RecordOmbudsmanCompliance(LondonDays.dayOf(clock.instant())));
        Complaint refused = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        step(refused.id(), new Command.Refuse(Exclusion.LEGAL_PROCEEDINGS), "claim issued in the county court");
        Complaint corporate = Fixtures.respond(complaints,
                Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "k.l"));
        step(corporate.id(), new Command.RefuseEscalation(), "no new issue raised");
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
        for (ComplaintId each : List.of(id, adult.id(), reclassified.id(), adult2.id(), child.id(), refused.id(),
                corporate.id())) {
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
        assertEquals(Optional.of(ComplaintEvent.ERASED_REASON), response.reason(),
                "the reason given (posted Friday, recorded Monday) went with the personal data");
        assertEquals(new EventData.Responded(Outcome.UPHELD, Set.of(Remedy.APOLOGY, Remedy.FINANCIAL_REMEDY),
                Optional.of(new Money(25_050))), response.data());
        assertEquals(EventData.Reclassified.refused(Exclusion.LEGAL_PROCEEDINGS), store.history(refused.id()).get(1).data());
        assertEquals(Status.REFUSED, store.load(refused.id()).orElseThrow().status());
        CaseRecord record = CaseRecord.of(store.history(id));
        assertEquals(Set.of("delay", "communication"), record.themes());
        assertEquals("740e5834-3a29-46b4-9a6f-16142fde533a", record.lettersSent().get(0).notificationId());
        assertEquals(Optional.of(LondonDays.dayOf(clock.instant())), record.learningActions().get(0).doneOn());
        assertEquals(Set.of(original.id()), record.learningActions().get(0).linked());
        assertEquals(Optional.of("Template changed"), record.learningActions().get(0).evidence());
        OmbudsmanCase ombudsman = CaseRecord.of(store.history(adult.id())).ombudsman().orElseThrow();
        assertEquals(Optional.of(OmbudsmanDecision.UPHELD), ombudsman.decision());
        assertEquals(Optional.of(Money.pounds(300)), ombudsman.payment());
        assertEquals(OmbudsmanCase.Compliance.ON_TIME, ombudsman.compliance(LondonDays.dayOf(clock.instant())));
        assertEquals(List.of(Stage.STAGE_2), CaseRecord.of(store.history(corporate.id())).escalationsRefused());
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
        Optional<PersonalData> personal = store.personalData(c.id());
        assertThrows(VersionConflictException.class, () -> store.append(Commit.of(0, history, c)),
                "retrying a create with the same id must throw VersionConflictException, not "
                        + "DuplicateReferenceException");
        VersionConflictException otherReference = assertThrows(VersionConflictException.class,
                () -> store.append(newComplaint(c.id(), uniqueReference(), ServiceArea.OTHER, clock.instant(),
                        Optional.of(new PersonalData(Complainant.named("Someone Else"), "another summary")))),
                "the id is taken, whatever the reference");
        assertEquals(0, otherReference.expectedVersion());
        assertEquals(history, store.history(c.id()));
        assertEquals(c, store.load(c.id()).orElseThrow());
        assertEquals(personal, store.personalData(c.id()), "the refused create changed no personal data");
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

    /** A commit creating {@code c} with its history and personal data as {@code source} holds them. */
    private static Commit creation(ComplaintStore source, Complaint c) {
        List<ComplaintEvent> events = source.history(c.id());
        return new Commit(c.id(), 0, events, c, source.personalData(c.id()), false);
    }

    /** Every complaint by procedure at the end of 2022 (the fixtures' year). */
    private static final CountQuery EVERY_CASE = CountQuery.of(new CountQuery.All(Optional.empty()),
            Set.of(CountQuery.Dimension.PROCEDURE), List.of(LocalDate.of(2022, 12, 31)), Optional.empty());

    @Test
    void aBatchIsStoredWholeOrNotAtAll() {
        ReferenceStore scratchStore = ReferenceStore.correct();
        Complaints scratch = Complaints.builder(scratchStore).clock(clock).build();
        Complaint a = scratch.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE, clock.instant())
                .withReference(uniqueReference()), OFFICER);
        Complaint b = scratch.receive(Fixtures.contact(Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS,
                clock.instant()).withReference(uniqueReference()), OFFICER);
        Complaint bTriaged = scratch.execute(b.id(), Command.Triage.asReceived(), OFFICER);
        List<ComplaintEvent> bEvents = scratchStore.history(b.id());
        Commit createA = creation(scratchStore, a);
        Commit createB = new Commit(b.id(), 0, bEvents.subList(0, 1), b, scratchStore.personalData(b.id()), false);
        Commit triageB = new Commit(b.id(), 1, bEvents.subList(1, 2), bTriaged, Optional.empty(), false);
        Complaint stored = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
        List<ComplaintEvent> storedEvents = store.history(stored.id());
        ComplaintEvent stale = new ComplaintEvent(stored.id(), 2, Status.ACKNOWLEDGED, clock.instant(),
                clock.instant(), "x", Optional.empty(), new EventData.Acknowledged());
        Commit staleCommit = Commit.of(1, List.of(stale),
                new ComplaintHistory(List.of(storedEvents.get(0), stale)).current());
        GroupCounts before = store.count(EVERY_CASE);

        BatchFailedException conflict = assertThrows(BatchFailedException.class,
                () -> store.appendAll(List.of(createA, createB, triageB, staleCommit)));
        assertEquals(3, conflict.index());
        assertInstanceOf(VersionConflictException.class, conflict.getCause());
        assertNothingOf(a, b);
        assertEquals(storedEvents, store.history(stored.id()), "the complaint the batch failed on is unchanged");
        assertEquals(before, store.count(EVERY_CASE), "no projection rows either");

        Complaint clash = scratch.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE,
                clock.instant()).withReference(stored.reference()), OFFICER);
        BatchFailedException duplicate = assertThrows(BatchFailedException.class,
                () -> store.appendAll(List.of(createA, createB, creation(scratchStore, clash))));
        assertEquals(2, duplicate.index());
        assertInstanceOf(DuplicateReferenceException.class, duplicate.getCause());
        assertNothingOf(a, b);

        store.appendAll(List.of(createA, createB, triageB));
        assertEquals(Optional.of(a), store.load(a.id()));
        assertEquals(Optional.of(bTriaged), store.load(b.id()));
        assertEquals(bEvents, store.history(b.id()));
        assertEquals(scratchStore.personalData(b.id()), store.personalData(b.id()));
    }

    private void assertNothingOf(Complaint... complaints) {
        for (Complaint c : complaints) {
            assertTrue(store.load(c.id()).isEmpty(), "nothing of a failed batch is stored: " + c.reference());
            assertTrue(store.history(c.id()).isEmpty());
            assertTrue(store.personalData(c.id()).isEmpty());
            assertTrue(store.find(ComplaintQuery.builder().reference(c.reference()).build()).items().isEmpty());
        }
    }

    @Test
    void aSubjectIsFoundByTheKeysOfItsPersonalDataUntilTheyAreErased() {
        String name = "Zoë Williams " + uniqueReference();
        Complaint c = complaints.receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE, Channel.PHONE,
                clock.instant(), Complainant.named(name).withEmail(uniqueReference() + "@Example.ORG"), "bins"),
                OFFICER);
        String email = store.personalData(c.id()).orElseThrow().complainant().email().orElseThrow();
        for (DataSubject subject : List.of(DataSubject.named(name.toUpperCase(Locale.ROOT)),
                DataSubject.named("  " + name.replace(" ", "   ") + " "),
                DataSubject.named(name.replace("ë", "e")).ignoringAccents(),
                DataSubject.withEmail(email.toLowerCase(Locale.ROOT)))) {
            assertEquals(List.of(c), store.find(ComplaintQuery.builder().subject(subject).build()).items(),
                    subject.toString());
        }
        assertEquals(List.of(), store.find(ComplaintQuery.builder().subject(DataSubject.named(name.replace("ë", "e")))
                .build()).items(), "accents count unless ignored");
        clock.advance(Duration.ofMinutes(5));
        complaints.anonymise(c.id(), Audit.by("dpo").because("asked"));
        assertEquals(List.of(), store.find(ComplaintQuery.builder().subject(DataSubject.named(name)).build()).items(),
                "erased personal data is found by nothing");
        assertEquals(List.of(), store.find(ComplaintQuery.builder().subject(DataSubject.withEmail(email)).build())
                .items());
    }

    /** Text no stored value can hold: NUL (which PostgreSQL refuses in any text), other controls, lone surrogates. */
    private static final List<String> UNSTORABLE = List.of("\u0000", "R\u0000", "x\u0000y", "\u0001", "a\u001fb",
            "\u007f", "\u0085", "\ud800", "a\udc00", "line\nbreak");

    @Test
    void aLookupOfTextNoStoredValueCanHoldIsRefusedNamingTheFieldBeforeAnyStoreSeesIt() {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        for (String bad : UNSTORABLE) {
            Map<String, org.junit.jupiter.api.function.Executable> lookups = Map.of(
                    "officer", () -> store.find(ComplaintQuery.builder().officer(bad).build()),
                    "team", () -> store.find(ComplaintQuery.builder().team(bad).build()),
                    "reference", () -> complaints.findByReference(bad),
                    "reference ", () -> store.find(ComplaintQuery.builder().references(List.of("R-1", bad)).build()),
                    "reference  ", () -> new Cursor(c.receivedAt(), bad, c.lastOccurredAt(), c.id()),
                    "name", () -> DataSubject.named(bad),
                    "email", () -> DataSubject.withEmail("a" + bad + "@example.org"));
            lookups.forEach((field, lookup) -> {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, lookup,
                        field + " " + bad.codePoints().mapToObj(Integer::toHexString).toList());
                assertTrue(e.getMessage().startsWith(field.strip() + ": "), e.getMessage());
            });
        }
        assertEquals(Optional.of(c), store.load(c.id()), "the store still answers");
    }

    @Test
    void aMalformedEmailAddressIsRefusedNotAnsweredWithNothing() {
        for (String bad : List.of("not an email", "a@", "@example.org", "a@@example.org", " ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DataSubject.withEmail(bad), bad);
            assertTrue(e.getMessage().startsWith("email: "), e.getMessage());
        }
    }

    @Test
    void findingByReferencesGivesExactlyTheStoredOnesAmongThoseAsked() {
        String a = uniqueReference();
        String b = uniqueReference();
        String free = uniqueReference();
        complaints.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE, clock.instant())
                .withReference(a), OFFICER);
        complaints.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE, clock.instant())
                .withReference(b), OFFICER);
        assertEquals(Set.of(a, b), referencesFound(List.of(free, b, a, b)));
        assertEquals(Set.of(), referencesFound(List.of(free)));
        assertEquals(Set.of(a), referencesFound(List.of(a.toLowerCase(Locale.ROOT), a)),
                "references are compared exactly");
    }

    private Set<String> referencesFound(List<String> references) {
        return store.find(ComplaintQuery.builder().references(references).build()).items().stream()
                .map(Complaint::reference).collect(Collectors.toSet());
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
        try (Stream<ComplaintHistory> histories = store.histories(HistoryFilter.all())) {
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

    /** A new complaint as a creating commit straight to the SPI, received (and recorded) at {@code at}. */
    private static Commit newComplaint(ComplaintId id, String reference, ServiceArea area, Instant at,
            Optional<PersonalData> personal) {
        ComplaintEvent received = new ComplaintEvent(id, 1, Status.RECEIVED, at, at, "contract", Optional.empty(),
                new EventData.Received(reference, Procedure.CORPORATE, area, Channel.EMAIL, Optional.empty()));
        return new Commit(id, 0, List.of(received), new ComplaintHistory(List.of(received)).current(), personal, false);
    }

    /** The commit of one more event on a complaint as the store holds it. */
    private Commit next(ComplaintId id, Instant occurred, Instant recorded, EventData.Allocated data) {
        Complaint current = store.load(id).orElseThrow();
        ComplaintEvent e = new ComplaintEvent(id, current.version() + 1, current.status(), occurred, recorded,
                "contract", Optional.of("straight to the store"), data);
        return Commit.of(current.version(), List.of(e), UncheckedFold.next(current, e));
    }

    @Test
    void appendRefusesEventsDatedOrRecordedBeforeTheLatestStoredEvent() {
        Complaint c = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
        clock.advance(Duration.ofDays(3));
        Instant acknowledged = clock.instant().minus(Duration.ofDays(2));
        complaints.execute(c.id(), new Command.Acknowledge(), OFFICER.occurredAt(acknowledged).because("posted Friday"));
        Instant happened = acknowledged.plus(Duration.ofHours(1));
        complaints.execute(c.id(), new Command.SendToService(), OFFICER.occurredAt(happened).because("sent Friday"));
        List<ComplaintEvent> before = store.history(c.id());
        Complaint stateBefore = store.load(c.id()).orElseThrow();
        ComplaintEvent last = before.get(before.size() - 1);
        Instant recorded = last.recordedAt();
        assertTrue(happened.isBefore(recorded));

        Commit happenedEarlier = next(c.id(), happened.minus(Duration.ofNanos(1000)), recorded.plusSeconds(60),
                new EventData.Allocated("sam", "VoC"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.append(happenedEarlier), "a store checks new events follow its last (Commit.checkFollows)");
        assertTrue(e.getMessage().contains(happened.toString()), e.getMessage());
        Commit recordedEarlier = next(c.id(), happened.plusSeconds(60), recorded.minus(Duration.ofNanos(1000)),
                new EventData.Allocated("sam", "VoC"));
        e = assertThrows(IllegalArgumentException.class, () -> store.append(recordedEarlier));
        assertTrue(e.getMessage().contains(recorded.toString()), e.getMessage());
        assertEquals(before, store.history(c.id()), "a refused commit stores nothing");
        assertEquals(stateBefore, store.load(c.id()).orElseThrow());

        // at the very same instants as the last event: in order
        store.append(next(c.id(), happened, recorded, new EventData.Allocated("sam", "VoC")));
        assertEquals(before.size() + 1, store.history(c.id()).size());
        assertEquals(Optional.of("sam"), store.load(c.id()).orElseThrow().officer());
    }

    @Test
    void personalDataIsStoredOnlyWithItsComplaint() {
        String reference = uniqueReference();
        ComplaintId first = ComplaintId.random();
        PersonalData original = new PersonalData(Complainant.named("First Person"), "first summary");
        store.append(newComplaint(first, reference, ServiceArea.OTHER, clock.instant(), Optional.of(original)));

        ComplaintId second = ComplaintId.random();
        assertThrows(DuplicateReferenceException.class, () -> store.append(newComplaint(second, reference,
                ServiceArea.OTHER, clock.instant(), Optional.of(new PersonalData(Complainant.named("Second"), "s")))));
        assertTrue(store.load(second).isEmpty(), "the refused complaint was not stored");
        assertTrue(store.personalData(second).isEmpty(),
                "personal data must be consistent with load (no personal data for a complaint load cannot find)");
        assertEquals(Optional.of(original), store.personalData(first));

        Commit stale = new Commit(first, 5, List.of(new ComplaintEvent(first, 6, Status.RECEIVED, clock.instant(),
                clock.instant(), "x", Optional.empty(), new EventData.PersonalDataErased())),
                States.with(States.with(store.load(first).orElseThrow(), "version", 6L), "personalDataErased", true),
                Optional.empty(), true);
        assertThrows(VersionConflictException.class, () -> store.append(stale));
        assertEquals(Optional.of(original), store.personalData(first), "a stale erasure erases nothing");
    }

    /**
     * Threads share counters, as in ShedLock's FuzzTester: in each round every thread reads the same complaint
     * at the same version, waits for the others, then appends after that version. Exactly one may succeed;
     * the others must get {@link VersionConflictException}. A store that skips the version check loses
     * updates, and the counts show it.
     */
    @Test
    void concurrentAppendsAfterOneVersionLetExactlyOneThrough() throws Exception {
        int threads = 8;
        int rounds = 24;
        List<ComplaintId> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "start").id());
        }
        Instant base = clock.instant();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        Map<ComplaintId, Map<Long, String>> winners = new ConcurrentHashMap<>();
        race(threads, rounds, (thread, round) -> {
            ComplaintId id = ids.get(round % ids.size());
            Complaint read = store.load(id).orElseThrow();
            return () -> {
                Instant at = base.plus(Duration.ofMinutes(round + 1));
                String officer = "officer-" + thread + "-" + round;
                ComplaintEvent e = new ComplaintEvent(id, read.version() + 1, read.status(), at, at, "thread-" + thread,
                        Optional.empty(), new EventData.Allocated(officer, "VoC"));
                try {
                    store.append(Commit.of(read.version(), List.of(e), UncheckedFold.next(read, e)));
                    succeeded.incrementAndGet();
                    winners.computeIfAbsent(id, k -> new ConcurrentHashMap<>()).merge(e.version(), officer,
                            (a, b) -> a + " and " + b);
                } catch (VersionConflictException conflict) {
                    conflicts.incrementAndGet();
                }
            };
        });
        assertEquals(rounds * (threads - 1), conflicts.get(), "every thread but one conflicts in every round");
        assertEquals(rounds, succeeded.get(), "exactly one append per round succeeds");
        for (ComplaintId id : ids) {
            List<ComplaintEvent> history = store.history(id);
            assertEquals(new ComplaintHistory(history).current(), store.load(id).orElseThrow(), "state is the fold");
            Map<Long, String> won = winners.getOrDefault(id, Map.of());
            assertEquals(3 + won.size(), history.size(), "every winning append is in the history, once");
            for (ComplaintEvent e : history.subList(3, history.size())) {
                assertEquals(won.get(e.version()), ((EventData.Allocated) e.data()).officer(),
                        "the event at version " + e.version() + " is the one whose append succeeded");
            }
        }
    }

    /** Creating commits of new complaints, with personal data: {@code rounds} batches of {@code size}. */
    private List<List<Commit>> newComplaints(int rounds, int size) {
        List<List<Commit>> batches = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<Commit> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(newComplaint(ComplaintId.random(), uniqueReference(), ServiceArea.OTHER, clock.instant(),
                        Optional.of(new PersonalData(Complainant.named("Person " + r + "." + i), "summary"))));
            }
            batches.add(batch);
        }
        return batches;
    }

    /**
     * Retrying a create, even at the same moment from several threads, is a version conflict: threads append
     * the same creating commits in the same order, so each create races its retries.
     */
    @Test
    void concurrentCreatesOfOneComplaintLetOneThroughAndConflictTheRest() throws Exception {
        int threads = 4;
        List<List<Commit>> batches = newComplaints(300, 2);
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        race(threads, batches.size(), (thread, round) -> () -> {
            for (Commit create : batches.get(round)) {
                try {
                    store.append(create);
                    succeeded.incrementAndGet();
                } catch (VersionConflictException e) {
                    conflicts.incrementAndGet();
                } catch (DuplicateReferenceException e) {
                    wrong.add("thread " + thread + ": " + e.getMessage());
                }
            }
        });
        assertNone(wrong,
                "retrying a create with the same id must throw VersionConflictException, not DuplicateReferenceException");
        int creates = batches.size() * batches.get(0).size();
        assertEquals(creates, succeeded.get(), "each create succeeds once");
        assertEquals(creates * (threads - 1), conflicts.get());
        for (List<Commit> batch : batches) {
            for (Commit create : batch) {
                assertEquals(create.events(), store.history(create.id()));
                assertEquals(create.personalData(), store.personalData(create.id()));
            }
        }
    }

    /** While complaints are created, a reader that finds personal data can always load the complaint. */
    @Test
    void personalDataNeverShowsForAComplaintLoadCannotFind() throws Exception {
        int readers = 3;
        List<List<Commit>> batches = newComplaints(20, 50);
        List<String> inconsistent = Collections.synchronizedList(new ArrayList<>());
        race(readers + 1, batches.size(), (thread, round) -> () -> {
            for (Commit create : batches.get(round)) {
                if (thread == 0) {
                    store.append(create);
                    continue;
                }
                while (true) {
                    boolean personal = store.personalData(create.id()).isPresent();
                    boolean loaded = store.load(create.id()).isPresent();
                    if (personal && !loaded) {
                        inconsistent.add("personal data of " + create.id() + " was visible before load found it");
                    }
                    if (loaded || Thread.currentThread().isInterrupted()) {
                        break;
                    }
                    Thread.onSpinWait();
                }
            }
        });
        assertNone(inconsistent,
                "personal data must be consistent with load (no personal data for a complaint load cannot find)");
        for (List<Commit> batch : batches) {
            for (Commit create : batch) {
                assertEquals(create.personalData(), store.personalData(create.id()));
            }
        }
    }

    /** A step of a race: prepared before the threads line up, then run by all of them at once. */
    private interface RaceStep {
        Runnable prepare(int thread, int round) throws Exception;
    }

    /**
     * Runs {@code rounds} rounds on {@code threads} threads: in each round every thread prepares its step,
     * all spin until each has prepared (so that the steps start together, not one by one as blocked threads
     * wake), run their steps, and wait for each other before the next round.
     */
    private static void race(int threads, int rounds, RaceStep step) throws Exception {
        AtomicIntegerArray ready = new AtomicIntegerArray(rounds);
        CyclicBarrier done = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CompletionService<Void> finished = new ExecutorCompletionService<>(pool);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                finished.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        Runnable run = step.prepare(thread, round);
                        ready.incrementAndGet(round);
                        for (long spins = 1; ready.get(round) < threads; spins++) {
                            Thread.onSpinWait();
                            if (spins % 1000 == 0) {
                                if (Thread.interrupted()) {
                                    throw new InterruptedException("round " + round + " never started");
                                }
                                Thread.yield();
                            }
                        }
                        run.run();
                        done.await(1, TimeUnit.MINUTES);
                    }
                    return null;
                });
            }
            for (int t = 0; t < threads; t++) {
                // in the order they finish, so that one thread's failure is reported at once
                Future<Void> f = finished.poll(3, TimeUnit.MINUTES);
                assertTrue(f != null, "the race did not finish in 3 minutes");
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fails with the number of {@code problems} and the first few, if there are any. */
    private static void assertNone(List<String> problems, String rule) {
        synchronized (problems) {
            if (!problems.isEmpty()) {
                throw new AssertionError(rule + ": " + problems.size() + " times, e.g. "
                        + problems.subList(0, Math.min(3, problems.size())));
            }
        }
    }

    /** References whose UTF-8 and UTF-16 orders differ, and a '|' that a cursor token must survive. */
    private static final List<String> REFERENCE_PIECES = List.of("A", "z", "0", "-", "|", "é", "ß", "ÿ", "Ā",
            "中", "\ud7ff", "\ue000", "\ufffd", "😀", "🐈");
    private static final long TOP_BIT = Long.MIN_VALUE;

    /**
     * Paging through {@code find} with random page sizes visits every match exactly once, in the order an SQL
     * database gives (ids as unsigned 128-bit numbers, references by their UTF-8 bytes, computed here from
     * those definitions), for every sort field, both directions; references hold accents, characters near
     * U+FFFF and emoji, and ids have their top bits set and clear, with ties on the sort field.
     */
    @Test
    void pagingWithRandomLimitsVisitsEveryMatchOnceInTheSqlOrder() {
        Random random = new Random();
        qt().withExamples(40).withShrinkCycles(30)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(1, 30),
                        lists().of(integers().between(1, 12)).ofSizeBetween(1, 6))
                .checkAssert((specs, limits) -> {
                    String token = Integer.toHexString(random.nextInt() >>> 1);
                    ServiceArea area = ServiceArea.of("sql-order-" + token, "SQL order");
                    long[] highs = {random.nextLong() | TOP_BIT, random.nextLong() & ~TOP_BIT};
                    Instant base = clock.instant();
                    List<Complaint> made = new ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        int n = specs.get(i);
                        long low = (n / 2) % 2 == 0 ? random.nextLong() | TOP_BIT : random.nextLong() & ~TOP_BIT;
                        ComplaintId id = new ComplaintId(new UUID(highs[n % 2], low));
                        int pieces = REFERENCE_PIECES.size();
                        String reference = "Ü" + token + "-" + REFERENCE_PIECES.get((n / 4) % pieces)
                                + REFERENCE_PIECES.get((n / 4 / pieces) % pieces) + "-" + i;
                        Instant received = base.plus(Duration.ofMinutes((n / 1000) % 3));
                        store.append(newComplaint(id, reference, area, received, Optional.empty()));
                        int lastActivity = (n / 3000) % 3;
                        if (lastActivity > 0) {
                            store.append(next(id, received.plus(Duration.ofMinutes(lastActivity - 1)),
                                    received.plus(Duration.ofMinutes(lastActivity - 1)),
                                    new EventData.Allocated("paging", "VoC")));
                        }
                        made.add(store.load(id).orElseThrow());
                    }
                    for (SortField sort : SortField.values()) {
                        for (boolean descending : new boolean[] {false, true}) {
                            List<Complaint> expected = new ArrayList<>(made);
                            Comparator<Complaint> sql = sqlOrder(sort);
                            expected.sort(descending ? sql.reversed() : sql);
                            List<Complaint> paged = new ArrayList<>();
                            Optional<Cursor> cursor = Optional.empty();
                            for (int page = 0; ; page++) {
                                int limit = limits.get(page % limits.size());
                                ComplaintQuery.Builder query = ComplaintQuery.builder().serviceArea(area)
                                        .sort(sort, descending).limit(limit);
                                cursor.ifPresent(at -> query.after(Cursor.parse(at.token())));
                                Page<Complaint> found = store.find(query.build());
                                int remaining = expected.size() - paged.size();
                                String where = sort + (descending ? " desc" : " asc") + ", page " + page;
                                assertEquals(Math.min(limit, remaining), found.items().size(), where);
                                assertEquals(remaining > limit, found.next().isPresent(), where + ": a next page");
                                paged.addAll(found.items());
                                if (found.next().isEmpty()) {
                                    break;
                                }
                                cursor = found.next();
                            }
                            assertEquals(expected, paged, sort + (descending ? " desc" : " asc"));
                        }
                    }
                });
    }

    /** The order an SQL database gives, written from its definition. */
    private static Comparator<Complaint> sqlOrder(SortField sort) {
        Comparator<Complaint> field = switch (sort) {
            case RECEIVED_AT -> Comparator.comparing(Complaint::receivedAt);
            case REFERENCE -> (a, b) -> Arrays.compareUnsigned(a.reference().getBytes(StandardCharsets.UTF_8),
                    b.reference().getBytes(StandardCharsets.UTF_8));
            case LAST_ACTIVITY -> Comparator.comparing(Complaint::lastOccurredAt);
        };
        return field.thenComparing(c -> new BigInteger(1, ByteBuffer.allocate(16)
                .putLong(c.id().value().getMostSignificantBits())
                .putLong(c.id().value().getLeastSignificantBits()).array()));
    }
}
