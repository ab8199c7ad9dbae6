package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.BatchFailedException;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Batch;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.CommandRejectedException;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * The bulk path: a facade batch decides commands exactly as one by one (each seeing the batch's earlier
 * ones) and the JDBC store writes the batch in one transaction; a failure names the command and stores
 * nothing of the batch.
 */
class BatchTest {

    /** Where a script's commands go: the facade one by one, or a batch. */
    private interface Desk {
        Complaint receive(ReceiveContact contact, Audit audit);

        Complaint execute(ComplaintId id, Command command, Audit audit);
    }

    private static Desk oneByOne(Complaints complaints) {
        return new Desk() {
            @Override
            public Complaint receive(ReceiveContact contact, Audit audit) {
                return complaints.receive(contact, audit);
            }

            @Override
            public Complaint execute(ComplaintId id, Command command, Audit audit) {
                return complaints.execute(id, command, audit);
            }
        };
    }

    private static Desk batched(Batch batch) {
        return new Desk() {
            @Override
            public Complaint receive(ReceiveContact contact, Audit audit) {
                return batch.receive(contact, audit);
            }

            @Override
            public Complaint execute(ComplaintId id, Command command, Audit audit) {
                return batch.execute(id, command, audit);
            }
        };
    }

    /** Receives three complaints and works on them, the later commands depending on the earlier ones. */
    private static List<Complaint> script(Desk desk, SettableClock clock) {
        Audit officer = Fixtures.OFFICER;
        Complaint a = desk.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE, clock.instant()),
                officer);
        clock.advance(Duration.ofMinutes(5));
        desk.execute(a.id(), Command.Triage.asReceived(), officer);
        Complaint b = desk.receive(Fixtures.contact(Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, clock.instant())
                .withReference("OWN-7").withMatterDate(LocalDate.of(2022, 1, 3)), officer);
        clock.advance(Duration.ofMinutes(5));
        desk.execute(a.id(), new Command.Allocate("jo", "VoC"), officer);
        desk.execute(b.id(), Command.Triage.asReceived(), officer);
        CommandRejectedException rejected = assertThrows(CommandRejectedException.class,
                () -> desk.execute(b.id(), new Command.Acknowledge(), officer));
        assertTrue(rejected.getMessage().contains("TRIAGED"), rejected.getMessage());
        Complaint c = desk.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE, clock.instant()),
                officer);
        clock.advance(Duration.ofMinutes(5));
        desk.execute(c.id(), Command.Close.duplicateOf(a.id()), officer);
        desk.execute(a.id(), new Command.Acknowledge(), officer);
        clock.advance(Duration.ofDays(2));
        desk.execute(a.id(), new Command.Extend(5), officer.because("site visit needed"));
        desk.execute(b.id(), new Command.ErasePersonalData(), officer.because("asked to be forgotten"));
        return List.of(a, b, c);
    }

    @ParameterizedTest
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void aBatchDecidesExactlyAsOneByOne(Databases db) {
        JdbcComplaintStore single = db.store();
        SettableClock singleClock = SettableClock.at("2022-02-07T09:00:00Z");
        List<Complaint> one = script(oneByOne(Complaints.builder(single).clock(singleClock).build()), singleClock);

        JdbcComplaintStore batchStore = db.store();
        SettableClock batchClock = SettableClock.at("2022-02-07T09:00:00Z");
        Batch batch = Complaints.builder(batchStore).clock(batchClock).build().batch();
        List<Complaint> batched = script(batched(batch), batchClock);
        assertEquals(10, batch.size(), "the rejected command joined nothing");
        assertTrue(batchStore.load(batched.get(0).id()).isEmpty(), "nothing is stored before the commit");
        batch.commit();

        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            names.put(one.get(i).id().toString(), "complaint-" + i);
            names.put(batched.get(i).id().toString(), "complaint-" + i);
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(one.get(i).reference(), batched.get(i).reference());
            assertEquals(normal(single.history(one.get(i).id()), names),
                    normal(batchStore.history(batched.get(i).id()), names));
            assertEquals(normal(List.of(single.load(one.get(i).id()).orElseThrow()), names),
                    normal(List.of(batchStore.load(batched.get(i).id()).orElseThrow()), names));
            assertEquals(single.personalData(one.get(i).id()), batchStore.personalData(batched.get(i).id()));
        }
        assertTrue(batchStore.personalData(batched.get(1).id()).isEmpty(), "erased within the batch");
        assertEquals(5, batchStore.history(batched.get(0).id()).size(), "received, triaged, allocated, acknowledged, extended");
    }

    /** The values' text with every complaint id replaced by a name, so two stores' histories compare. */
    private static String normal(List<?> values, Map<String, String> names) {
        String text = values.toString();
        for (Map.Entry<String, String> e : names.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text;
    }

    @ParameterizedTest
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void aStaleCommandFailsTheBatchByItsIndexAndStoresNothing(Databases db) {
        JdbcComplaintStore store = db.store();
        SettableClock clock = SettableClock.at("2022-02-07T09:00:00Z");
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        Complaint existing = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");

        Batch batch = complaints.batch();
        Complaint first = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.OTHER);
        Complaint n1 = batch.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.OTHER, clock.instant()),
                Fixtures.OFFICER);
        batch.execute(existing.id(), new Command.Acknowledge(), Fixtures.OFFICER);
        Complaint n2 = batch.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.OTHER, clock.instant()),
                Fixtures.OFFICER);
        batch.execute(n2.id(), Command.Triage.asReceived(), Fixtures.OFFICER);
        // meanwhile another user acknowledges the existing complaint
        Complaint meanwhile = complaints.execute(existing.id(), new Command.Acknowledge(), Fixtures.OFFICER);

        BatchFailedException e = assertThrows(BatchFailedException.class, batch::commit);
        assertEquals(1, e.index());
        assertTrue(e.getMessage().contains("nothing of the batch was stored"), e.getMessage());
        assertTrue(e.getMessage().contains("ACKNOWLEDGE on " + existing.reference()), e.getMessage());
        VersionConflictException conflict = assertInstanceOf(VersionConflictException.class, e.getCause());
        assertEquals(3, conflict.expectedVersion());
        assertEquals(4, conflict.actualVersion());
        assertTrue(store.load(n1.id()).isEmpty());
        assertTrue(store.load(n2.id()).isEmpty());
        assertTrue(store.history(n2.id()).isEmpty());
        assertTrue(store.personalData(n1.id()).isEmpty());
        assertEquals(Optional.of(meanwhile), store.load(existing.id()));
        assertEquals(4, store.history(existing.id()).size());
        assertEquals(Optional.of(first), store.load(first.id()), "what others stored stays");
        assertThrows(IllegalStateException.class, batch::commit, "a batch commits once");
    }

    @ParameterizedTest
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void aReferenceTakenMeanwhileFailsTheBatchByItsIndexAndStoresNothing(Databases db) {
        JdbcComplaintStore store = db.store();
        SettableClock clock = SettableClock.at("2022-02-07T09:00:00Z");
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        Batch batch = complaints.batch();
        List<Complaint> batched = new ArrayList<>();
        for (String reference : List.of("IMPORT-1", "IMPORT-2", "IMPORT-3")) {
            batched.add(batch.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.OTHER, clock.instant())
                    .withReference(reference), Fixtures.OFFICER));
        }
        assertThrows(DuplicateReferenceException.class, () -> batch.receive(Fixtures.contact(Procedure.CORPORATE,
                ServiceArea.OTHER, clock.instant()).withReference("IMPORT-2"), Fixtures.OFFICER),
                "a reference the batch already holds is refused at once");
        complaints.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.OTHER, clock.instant())
                .withReference("IMPORT-3"), Fixtures.OFFICER);

        BatchFailedException e = assertThrows(BatchFailedException.class, batch::commit);
        assertEquals(2, e.index());
        assertInstanceOf(DuplicateReferenceException.class, e.getCause());
        for (Complaint c : batched) {
            assertTrue(store.load(c.id()).isEmpty(), c.reference());
        }
        assertEquals(1, store.find(ComplaintQuery.builder().reference("IMPORT-3").build()).items().size());
    }

    @ParameterizedTest
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void aLargeBatchIsStoredWhole(Databases db) {
        JdbcComplaintStore store = db.store();
        SettableClock clock = SettableClock.at("2022-02-07T09:00:00Z");
        Batch batch = Complaints.builder(store).clock(clock).build().batch();
        for (int i = 0; i < 300; i++) {
            Complaint c = batch.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.OTHER, clock.instant()),
                    Fixtures.OFFICER);
            batch.execute(c.id(), Command.Triage.asReceived(), Fixtures.OFFICER);
            if (i % 3 == 0) {
                batch.execute(c.id(), new Command.Allocate("jo", "VoC"), Fixtures.OFFICER);
            }
            clock.advance(Duration.ofSeconds(10));
        }
        batch.commit();
        try (Stream<ComplaintHistory> histories = store.histories(HistoryFilter.all())) {
            List<ComplaintHistory> all = histories.toList();
            assertEquals(300, all.size());
            assertEquals(300 * 2 + 100, all.stream().mapToInt(h -> h.events().size()).sum());
            for (ComplaintHistory h : all) {
                assertEquals(h.current(), store.load(h.id()).orElseThrow());
                assertTrue(store.personalData(h.id()).isPresent());
            }
        }
    }

    /** More references than one query takes: the store's answer is the same as asking one by one. */
    @ParameterizedTest
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void referencesUsedAnswersForThousandsOfReferences(Databases db) {
        JdbcComplaintStore store = db.store();
        SettableClock clock = SettableClock.at("2022-02-07T09:00:00Z");
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        Batch batch = complaints.batch();
        String prefix = "MANY-" + ComplaintId.random().value().toString().substring(0, 8) + "-";
        List<String> stored = List.of(prefix + 0, prefix + 999, prefix + 1000, prefix + 2499);
        for (String reference : stored) {
            batch.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.OTHER, clock.instant())
                    .withReference(reference), Fixtures.OFFICER);
        }
        batch.commit();
        List<String> asked = new ArrayList<>();
        for (int i = 2499; i >= 0; i--) {
            asked.add(prefix + i);
        }
        assertEquals(Set.copyOf(stored), complaints.batch().referencesUsed(asked));
        assertEquals(Set.of(prefix + 1000), complaints.batch().referencesUsed(List.of(prefix + 1000, prefix + 1001)));
    }

    @ParameterizedTest
    @MethodSource("uk.councilcomplaints.store.jdbc.Databases#both")
    void commitsOnOneComplaintMustFollowEachOther(Databases db) {
        JdbcComplaintStore store = db.store();
        Complaints complaints = Complaints.builder(new InMemoryComplaintStore())
                .clock(SettableClock.at("2022-02-07T09:00:00Z")).build();
        Complaint c = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
        List<ComplaintEvent> events = complaints.history(c.id());
        Commit received = Commit.of(0, events.subList(0, 1), new ComplaintHistory(events.subList(0, 1)).current());
        Commit allocated = Commit.of(2, events.subList(2, 3), c);
        BatchFailedException e = assertThrows(BatchFailedException.class,
                () -> store.appendAll(List.of(received, allocated)));
        assertEquals(1, e.index());
        assertInstanceOf(VersionConflictException.class, e.getCause());
        assertTrue(store.load(c.id()).isEmpty());
    }
}
