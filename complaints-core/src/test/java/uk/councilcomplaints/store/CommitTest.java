package uk.councilcomplaints.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.testing.States;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;

/** A commit's own checks, and the check a store makes against the event it holds last. */
class CommitTest {

    private final ComplaintId id = ComplaintId.random();
    private final ComplaintEvent received = new ComplaintEvent(id, 1, Status.RECEIVED,
            Instant.parse("2022-03-01T09:00:00Z"), Instant.parse("2022-03-01T09:00:00Z"), "tester", Optional.empty(),
            new EventData.Received("C-1", Procedure.CORPORATE, ServiceArea.CORPORATE, Channel.EMAIL,
                    Optional.empty()));

    private ComplaintEvent allocated(long version, String occurred, String recorded) {
        return new ComplaintEvent(id, version, Status.ALLOCATED, Instant.parse(occurred), Instant.parse(recorded),
                "tester", Optional.of("late"), new EventData.Allocated("officer-" + version, "VoC"));
    }

    private Commit after(List<ComplaintEvent> stored, ComplaintEvent... events) {
        List<ComplaintEvent> all = new java.util.ArrayList<>(stored);
        all.addAll(List.of(events));
        return Commit.of(stored.size(), List.of(events), new ComplaintHistory(all).current());
    }

    @Test
    void aNewComplaintIsItsReceivedEventAndItsFold() {
        Commit c = Commit.of(0, List.of(received), new ComplaintHistory(List.of(received)).current());
        assertTrue(c.creates());
        assertEquals(1, c.newVersion());
        c.checkFollows(Optional.empty());
    }

    @Test
    void aNewComplaintWhoseStateIsNotTheFoldOfItsEventsIsRefused() {
        Complaint folded = new ComplaintHistory(List.of(received)).current();
        Complaint wrong = States.with(folded, "serviceArea", ServiceArea.ADULTS);
        String message = assertThrows(IllegalArgumentException.class,
                () -> Commit.of(0, List.of(received), wrong)).getMessage();
        assertTrue(message.contains("fold") && message.contains(id.toString()), message);
    }

    @Test
    void theNewEventsMustBeInOrderAmongThemselves() {
        ComplaintEvent second = allocated(2, "2022-03-02T09:00:00Z", "2022-03-02T09:00:00Z");
        ComplaintEvent third = allocated(3, "2022-03-01T12:00:00Z", "2022-03-02T09:00:00Z");
        List<ComplaintEvent> all = List.of(received, second, third);
        String message = assertThrows(IllegalArgumentException.class,
                () -> Commit.of(1, List.of(second, third), new ComplaintHistory(all).current())).getMessage();
        assertTrue(message.contains("version 3") && message.contains("2022-03-01T12:00:00Z")
                && message.contains("2022-03-02T09:00:00Z"), message);
        ComplaintEvent recordedEarlier = allocated(3, "2022-03-02T08:00:00Z", "2022-03-02T08:00:00Z");
        message = assertThrows(IllegalArgumentException.class, () -> Commit.of(1, List.of(second, recordedEarlier),
                new ComplaintHistory(List.of(received, second, recordedEarlier)).current())).getMessage();
        assertTrue(message.contains("version 3") && message.contains("2022-03-02T08:00:00Z"), message);
    }

    @Test
    void theEventsMustStartAfterTheExpectedVersionAndBelongToTheComplaint() {
        ComplaintEvent second = allocated(2, "2022-03-02T09:00:00Z", "2022-03-02T09:00:00Z");
        Complaint state = new ComplaintHistory(List.of(received, second)).current();
        String message = assertThrows(IllegalArgumentException.class,
                () -> Commit.of(2, List.of(second), state)).getMessage();
        assertTrue(message.contains("version 3") && message.contains("was 2"), message);
        ComplaintId other = ComplaintId.random();
        message = assertThrows(IllegalArgumentException.class,
                () -> new Commit(other, 1, List.of(second), state, Optional.empty(), false)).getMessage();
        assertTrue(message.contains(other.toString()) && message.contains(id.toString()), message);
    }

    @Test
    void theStateMustBeWhereTheLastEventLeftIt() {
        ComplaintEvent second = allocated(2, "2022-03-02T09:00:00Z", "2022-03-02T09:00:00Z");
        Complaint state = new ComplaintHistory(List.of(received, second)).current();
        Commit.of(1, List.of(second), state);
        assertThrows(IllegalArgumentException.class,
                () -> Commit.of(1, List.of(second), States.with(state, "status", Status.TRIAGED)));
        assertThrows(IllegalArgumentException.class, () -> Commit.of(1, List.of(second),
                States.with(state, "lastOccurredAt", Instant.parse("2022-03-01T09:00:00Z"))));
        assertThrows(IllegalArgumentException.class,
                () -> Commit.of(1, List.of(second), States.with(state, "version", 3L)));
    }

    @Test
    void aStoreFindsTheNewEventsFollowItsLastEvent() {
        ComplaintEvent second = allocated(2, "2022-03-01T09:00:00Z", "2022-03-01T09:00:00Z");
        after(List.of(received), second).checkFollows(Optional.of(received)); // the same instants: in order
        ComplaintEvent later = allocated(2, "2022-03-01T09:00:00.000001Z", "2022-03-03T09:00:00Z");
        after(List.of(received), later).checkFollows(Optional.of(received));
    }

    @Test
    void aStoreRefusesEventsDatedOrRecordedBeforeItsLastEvent() {
        ComplaintEvent stored = allocated(2, "2022-03-02T09:00:00Z", "2022-03-03T09:00:00Z");
        // built as if following a different version 2: each commit is in order by itself
        ComplaintEvent otherTwo = allocated(2, "2022-03-01T10:00:00Z", "2022-03-01T10:00:00Z");
        Commit happenedBefore = after(List.of(received, otherTwo),
                allocated(3, "2022-03-02T08:59:59.999999Z", "2022-03-03T10:00:00Z"));
        String message = assertThrows(IllegalArgumentException.class,
                () -> happenedBefore.checkFollows(Optional.of(stored))).getMessage();
        assertTrue(message.contains("version 3") && message.contains("version 2")
                && message.contains("2022-03-02T08:59:59.999999Z") && message.contains("2022-03-02T09:00:00Z"),
                message);
        Commit recordedBefore = after(List.of(received, otherTwo),
                allocated(3, "2022-03-02T09:00:00Z", "2022-03-03T08:59:59Z"));
        message = assertThrows(IllegalArgumentException.class,
                () -> recordedBefore.checkFollows(Optional.of(stored))).getMessage();
        assertTrue(message.contains("recorded") && message.contains("2022-03-03T08:59:59Z")
                && message.contains("2022-03-03T09:00:00Z"), message);
    }

    @Test
    void aStaleOrMissingVersionIsAConflict() {
        ComplaintEvent second = allocated(2, "2022-03-02T09:00:00Z", "2022-03-02T09:00:00Z");
        Commit update = after(List.of(received), second);
        VersionConflictException missing = assertThrows(VersionConflictException.class,
                () -> update.checkFollows(Optional.empty()));
        assertEquals(1, missing.expectedVersion());
        assertEquals(0, missing.actualVersion());
        VersionConflictException stale = assertThrows(VersionConflictException.class,
                () -> update.checkFollows(Optional.of(second)));
        assertEquals(2, stale.actualVersion());
        Commit create = Commit.of(0, List.of(received), new ComplaintHistory(List.of(received)).current());
        VersionConflictException exists = assertThrows(VersionConflictException.class,
                () -> create.checkFollows(Optional.of(received)));
        assertEquals(0, exists.expectedVersion());
        assertEquals(1, exists.actualVersion());
    }

    @Test
    void theLastStoredEventMustBeOfTheSameComplaint() {
        ComplaintId other = ComplaintId.random();
        ComplaintEvent foreign = new ComplaintEvent(other, 1, Status.RECEIVED, received.occurredAt(),
                received.recordedAt(), "tester", Optional.empty(), received.data());
        Commit update = after(List.of(received), allocated(2, "2022-03-02T09:00:00Z", "2022-03-02T09:00:00Z"));
        String message = assertThrows(IllegalArgumentException.class,
                () -> update.checkFollows(Optional.of(foreign))).getMessage();
        assertTrue(message.contains(other.toString()), message);
    }
}
