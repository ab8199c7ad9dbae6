package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.councilcomplaints.testing.Fixtures.OFFICER;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.ForwardingStore;
import uk.councilcomplaints.testing.ReferenceStore;

/** A batch's units of commands, and what deciding a batch reads from the store. */
class BatchTest {

    private final ReadCountingStore store = new ReadCountingStore();
    private SettableClock clock;
    private Complaints complaints;

    @BeforeEach
    void setUp() {
        clock = SettableClock.at("2022-02-07T09:00:00Z");
        complaints = Complaints.builder(store).clock(clock).build();
    }

    private ReceiveContact contact(String reference) {
        return Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE, clock.instant()).withReference(reference);
    }

    @Test
    void aUnitRefusedAtItsThirdCommandLeavesTheBatchAsItWas() {
        Complaint existing = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
        Batch batch = complaints.batch();
        Complaint kept = batch.allOrNone(b -> b.receive(contact("KEPT-1"), OFFICER));

        IllegalStateException refused = new IllegalStateException("the third command is refused");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> batch.allOrNone(b -> {
            Complaint fresh = b.receive(contact("GONE-1"), OFFICER);
            b.execute(fresh.id(), Command.Triage.asReceived(), OFFICER);
            b.execute(existing.id(), new Command.Acknowledge(), OFFICER);
            throw refused;
        }));
        assertSame(refused, thrown);
        assertEquals(1, batch.size(), "only the first unit's command");

        // the refused unit's reference and the existing complaint's version are free again
        Complaint again = batch.receive(contact("GONE-1"), OFFICER);
        Complaint acknowledged = batch.execute(existing.id(), new Command.Acknowledge(), OFFICER);
        assertEquals(Status.ACKNOWLEDGED, acknowledged.status());
        assertEquals(existing.version() + 1, acknowledged.version());
        store.appends.clear();
        batch.commit();

        assertEquals(Optional.of(kept), store.load(kept.id()));
        assertEquals(Optional.of(again), store.load(again.id()));
        assertEquals(Optional.of(acknowledged), store.load(existing.id()));
        assertEquals(List.of(kept.id(), again.id(), existing.id()), store.appends.stream().map(Commit::id).toList(),
                "the kept unit's command and the two after the refused unit, in order");
    }

    @Test
    void aUnitRefusedByTheRulesJoinsNothingAndLaterUnitsStillJoin() {
        Batch batch = complaints.batch();
        Complaint fresh = batch.allOrNone(b -> b.receive(contact("A-1"), OFFICER));
        assertThrows(CommandRejectedException.class, () -> batch.allOrNone(b -> {
            b.execute(fresh.id(), Command.Triage.asReceived(), OFFICER);
            return b.execute(fresh.id(), Command.Triage.asReceived(), OFFICER); // triaged twice
        }));
        assertEquals(Status.RECEIVED, batch.allOrNone(b -> b.receive(contact("A-2"), OFFICER)).status());
        Complaint triaged = batch.allOrNone(b -> b.execute(fresh.id(), Command.Triage.asReceived(), OFFICER));
        assertEquals(2, triaged.version(), "the refused unit's triage was undone");
        assertEquals(3, batch.size());
        batch.commit();
        assertEquals(Optional.of(triaged), store.load(fresh.id()));
    }

    @Test
    void aNewContactReadsOnlyWhetherItsReferenceIsUsedAndNothingOnceLookedUp() {
        complaints.receive(contact("OLD-1"), OFFICER);
        Batch batch = complaints.batch();
        store.reads.clear();

        Complaint first = batch.receive(contact("NEW-1"), OFFICER);
        batch.execute(first.id(), Command.Triage.asReceived(), OFFICER);
        assertEquals(List.of("find [NEW-1]"), store.reads, "no load or history of a new complaint");

        store.reads.clear();
        assertEquals(Set.of("OLD-1"), batch.referencesUsed(List.of("NEW-2", "OLD-1", "NEW-3")));
        assertEquals(List.of("find [NEW-2, OLD-1, NEW-3]"), store.reads, "one call for all");
        Complaint second = batch.receive(contact("NEW-2"), OFFICER);
        batch.execute(second.id(), Command.Triage.asReceived(), OFFICER);
        assertThrows(DuplicateReferenceException.class, () -> batch.receive(contact("OLD-1"), OFFICER));
        assertEquals(Set.of("OLD-1"), batch.referencesUsed(List.of("OLD-1", "NEW-3")));
        assertEquals(1, store.reads.size(), "answers are kept: " + store.reads);
    }

    /** An importer asks about every row's reference, a malformed one too: no stored reference holds it. */
    @Test
    void aReferenceNoStoredValueCanHoldIsNotUsedAndNotAskedOfTheStore() {
        complaints.receive(contact("OLD-1"), OFFICER);
        Batch batch = complaints.batch();
        store.reads.clear();

        assertEquals(Set.of("OLD-1"), batch.referencesUsed(List.of("OLD\n1", "OLD-1", "\u0000", "")));
        assertEquals(List.of("find [OLD-1]"), store.reads);
    }

    @Test
    void aCommandAtAnExpectedVersionIsDecidedOnlyAtThatVersion() {
        Complaint existing = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
        Batch batch = complaints.batch();

        VersionConflictException stale = assertThrows(VersionConflictException.class,
                () -> batch.execute(existing.id(), existing.version() - 1, new Command.Acknowledge(), OFFICER));
        assertEquals(0, batch.size());
        Complaint acknowledged = batch.execute(existing.id(), existing.version(), new Command.Acknowledge(), OFFICER);
        assertEquals(Status.ACKNOWLEDGED, acknowledged.status());
        assertEquals(existing.version() + 1, acknowledged.version());
        assertEquals(1, batch.size());
        assertTrue(stale.getMessage().contains(existing.id().toString()), stale.getMessage());
        batch.commit();
        assertEquals(Optional.of(acknowledged), store.load(existing.id()));
    }

    @Test
    void aCommittedBatchTakesNothingMore() {
        Complaint existing = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
        Batch batch = complaints.batch();
        batch.receive(contact("A-1"), OFFICER);
        batch.commit();
        store.appends.clear();

        List<Executable> calls = List.of(
                () -> batch.receive(contact("A-2"), OFFICER),
                () -> batch.execute(existing.id(), new Command.Acknowledge(), OFFICER),
                () -> batch.execute(existing.id(), existing.version(), new Command.Acknowledge(), OFFICER),
                () -> batch.allOrNone(b -> b.receive(contact("A-3"), OFFICER)),
                () -> batch.allOrNone(b -> "a unit that issues nothing"),
                () -> batch.referencesUsed(List.of("A-4")),
                batch::commit);
        for (Executable call : calls) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertEquals("the batch was already committed", e.getMessage());
        }
        assertEquals(List.of(), store.appends);
        assertEquals(Optional.of(existing), store.load(existing.id()));
    }

    /** The reference store, listing the reads that a batch could make of it. */
    private static final class ReadCountingStore extends ForwardingStore {
        final List<String> reads = new ArrayList<>();
        final List<Commit> appends = new ArrayList<>();

        ReadCountingStore() {
            super(ReferenceStore.correct());
        }

        @Override
        public void appendAll(List<Commit> commits) {
            appends.addAll(commits);
            store.appendAll(commits);
        }

        @Override
        public Page<Complaint> find(ComplaintQuery query) {
            reads.add("find " + query.references());
            return store.find(query);
        }

        @Override
        public Optional<Complaint> load(ComplaintId id) {
            reads.add("load");
            return store.load(id);
        }

        @Override
        public List<ComplaintEvent> history(ComplaintId id) {
            reads.add("history");
            return store.history(id);
        }


        @Override
        public Optional<PersonalData> personalData(ComplaintId id) {
            reads.add("personalData");
            return store.personalData(id);
        }
    }
}
