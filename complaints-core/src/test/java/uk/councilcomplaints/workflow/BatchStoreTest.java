package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.councilcomplaints.testing.Fixtures.OFFICER;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.ReferenceStore;

/**
 * The store a batch decides against: the store's complaints with the batch's commits on top, checked as a store
 * checks them, undone to a mark, and everything else read from the store.
 */
class BatchStoreTest {

    private final SettableClock clock = SettableClock.at("2022-02-07T09:00:00Z");
    private final ReferenceStore store = ReferenceStore.correct();
    private final BatchStore overlay = new BatchStore(store);
    /** A new complaint's commits as the facade makes them: received, triaged with a reason, erased. */
    private Commit received;
    private Commit triaged;
    private Commit erased;

    @BeforeEach
    void record() {
        RecordingStore recording = new RecordingStore();
        Complaints complaints = Complaints.builder(recording).clock(clock).build();
        Complaint c = complaints.receive(contact("NEW-1"), OFFICER);
        complaints.execute(c.id(), Command.Triage.asReceived(), OFFICER.because("the resident is in hospital"));
        complaints.anonymise(c.id(), Audit.by("dpo").because("asked by the complainant"));
        received = recording.commits.get(0);
        triaged = recording.commits.get(1);
        erased = recording.commits.get(2);
    }

    private ReceiveContact contact(String reference) {
        return Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE, clock.instant()).withReference(reference);
    }

    private static List<ComplaintEvent> events(Commit... commits) {
        List<ComplaintEvent> all = new ArrayList<>();
        for (Commit c : commits) {
            all.addAll(c.events());
        }
        return all;
    }

    @Test
    void theBatchsCommitsAreReadThroughItAndNotYetFromTheStore() {
        overlay.append(received);
        overlay.append(triaged);

        ComplaintId id = received.id();
        assertEquals(Optional.of(triaged.state()), overlay.load(id));
        assertEquals(events(received, triaged), overlay.history(id));
        assertEquals(received.personalData(), overlay.personalData(id));
        assertTrue(received.personalData().isPresent());
        assertEquals(List.of(received, triaged), overlay.commits());
        assertEquals(Optional.empty(), store.load(id));
        assertEquals(Optional.empty(), store.personalData(id));
    }

    @Test
    void anErasureInTheBatchErasesThePersonalDataAndTheEarlierReasons() {
        overlay.append(received);
        overlay.append(triaged);
        overlay.append(erased);

        ComplaintId id = received.id();
        assertEquals(Optional.empty(), overlay.personalData(id));
        List<ComplaintEvent> history = overlay.history(id);
        assertEquals(Optional.of("the resident is in hospital"), triaged.events().get(0).reason());
        assertEquals(Optional.of(ComplaintEvent.ERASED_REASON), history.get(1).reason());
        assertEquals(Optional.of("asked by the complainant"), history.get(2).reason());
        assertEquals(new ComplaintHistory(history).current(), overlay.load(id).orElseThrow());
    }

    @Test
    void rollingBackRestoresStateHistoryPersonalDataAndTheReference() {
        overlay.append(received);
        int mark = overlay.mark();
        overlay.append(triaged);
        overlay.append(erased);

        overlay.rollback(mark);

        ComplaintId id = received.id();
        assertEquals(Optional.of(received.state()), overlay.load(id));
        assertEquals(events(received), overlay.history(id));
        assertEquals(received.personalData(), overlay.personalData(id));
        assertEquals(List.of(received), overlay.commits());

        overlay.rollback(0);
        assertEquals(Optional.empty(), overlay.load(id));
        assertEquals(List.of(), overlay.history(id));
        assertEquals(Optional.empty(), overlay.personalData(id));
        overlay.append(received); // its reference is free again
        assertEquals(List.of(received), overlay.commits());
    }

    @Test
    void aCommitIsCheckedAgainstTheBatchAndTheStoreAsAStoreChecksIt() {
        VersionConflictException missing = assertThrows(VersionConflictException.class,
                () -> overlay.append(triaged));
        assertTrue(missing.getMessage().contains(received.id().toString()), missing.getMessage());
        overlay.append(received);
        assertThrows(VersionConflictException.class, () -> overlay.append(received), "created twice");
        assertThrows(VersionConflictException.class, () -> overlay.append(erased), "a version skipped");

        RecordingStore recording = new RecordingStore();
        Complaints other = Complaints.builder(recording).clock(clock).build();
        other.receive(contact("NEW-1"), OFFICER);
        other.receive(contact("OLD-1"), OFFICER);
        assertThrows(DuplicateReferenceException.class, () -> overlay.append(recording.commits.get(0)),
                "the reference of a contact earlier in the batch");
        Complaints.builder(store).clock(clock).build().receive(contact("OLD-1"), OFFICER);
        assertThrows(DuplicateReferenceException.class, () -> overlay.append(recording.commits.get(1)),
                "the reference of a stored complaint");
        assertEquals(List.of(received), overlay.commits(), "refused commits join nothing");
    }

    @Test
    void aStoredComplaintsNewEventsFollowItsStoredHistory() {
        RecordingStore recording = new RecordingStore();
        Complaints complaints = Complaints.builder(recording).clock(clock).build();
        Complaint stored = complaints.receive(contact("OLD-1"), OFFICER);
        store.append(recording.commits.get(0));
        complaints.execute(stored.id(), Command.Triage.asReceived(), OFFICER);
        Commit triage = recording.commits.get(1);

        overlay.append(triage);

        assertEquals(events(recording.commits.get(0), triage), overlay.history(stored.id()));
        assertEquals(Optional.of(triage.state()), overlay.load(stored.id()));
        assertEquals(Optional.of(stored), store.load(stored.id()), "the store is untouched");
        assertTrue(overlay.personalData(stored.id()).isPresent());
        assertEquals(store.personalData(stored.id()), overlay.personalData(stored.id()));
    }

    @Test
    void findingStreamingAndReferenceNumbersAreTheStoresOwn() {
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        Complaint stored = complaints.receive(contact("OLD-1"), OFFICER);
        overlay.append(received);

        ComplaintQuery all = ComplaintQuery.builder().build();
        assertEquals(store.find(all), overlay.find(all));
        assertEquals(List.of(stored.id()), overlay.find(all).items().stream().map(Complaint::id).toList());
        assertEquals(List.of(stored.id()), overlay.histories(HistoryFilter.all()).map(ComplaintHistory::id).toList());
        long next = store.nextReferenceNumber(2022);
        assertEquals(next + 1, overlay.nextReferenceNumber(2022));
        assertEquals(next + 2, store.nextReferenceNumber(2022));
    }
}
