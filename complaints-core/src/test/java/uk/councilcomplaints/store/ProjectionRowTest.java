package uk.councilcomplaints.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.testing.HandHistory;

class ProjectionRowTest {

    private static final ServiceArea HIGHWAYS = ServiceArea.of("highways", "Highways");

    /** Received 23:30 BST on 30 June (22:30Z), triaged into Highways, allocated, escalated after a late response. */
    private static ComplaintHistory history() {
        return HandHistory.received("2022-06-30T22:30:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .triaged("2022-07-01T09:00:00Z", Procedure.CORPORATE, HIGHWAYS)
                .allocated("2022-07-01T10:00:00Z", "jo", "VoC")
                .acknowledged("2022-07-01T11:00:00Z")
                .respondedLate("2022-07-04T16:00:00Z", "2022-07-06T09:00:00Z",
                        Outcome.UPHELD)
                .escalated("2022-07-07T09:00:00Z", Stage.STAGE_2)
                .build();
    }

    @Test
    void oneRowPerEventHoldsTheStateAfterItAndTheNextEventsTimes() {
        ComplaintHistory h = history();
        List<ProjectionRow> rows = ProjectionRow.ofHistory(h.events());
        assertEquals(6, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ProjectionRow row = rows.get(i);
            ComplaintEvent e = h.events().get(i);
            Complaint after = new ComplaintHistory(h.events().subList(0, i + 1)).current();
            assertEquals(e.version(), row.version());
            assertEquals(e.occurredAt(), row.occurredAt());
            assertEquals(e.recordedAt(), row.recordedAt());
            assertEquals(after.status(), row.status());
            assertEquals(after.classification(), row.classification());
            assertEquals(after.procedure(), row.procedure());
            assertEquals(after.stage(), row.stage());
            assertEquals(after.serviceArea(), row.serviceArea());
            assertEquals(after.officer(), row.officer());
            assertEquals(after.team(), row.team());
            assertEquals(LocalDate.of(2022, 6, 30), row.receivedDay(), "the London day: 23:30 BST on 30 June");
            Optional<ComplaintEvent> next = i + 1 < rows.size() ? Optional.of(h.events().get(i + 1)) : Optional.empty();
            assertEquals(next.map(ComplaintEvent::occurredAt), row.nextOccurredAt());
            assertEquals(next.map(ComplaintEvent::recordedAt), row.nextRecordedAt());
        }
        assertEquals(HIGHWAYS, rows.get(1).serviceArea(), "triage moves it without changing a bucket");
        assertEquals(Optional.of("jo"), rows.get(4).officer());
        assertEquals(Optional.empty(), rows.get(5).officer(), "escalation clears the officer");
        assertEquals(Stage.STAGE_2, rows.get(5).stage());
        assertTrue(rows.get(5).isLast());
    }

    @Test
    void aRowIsTheStateFromItsEventUntilTheNextIsBothHappenedAndKnown() {
        List<ProjectionRow> rows = ProjectionRow.ofHistory(history().events());
        ProjectionRow acknowledged = rows.get(3);
        Instant responded = Instant.parse("2022-07-04T16:00:00Z");
        Instant recorded = Instant.parse("2022-07-06T09:00:00Z");
        Instant micro = Instant.parse("2022-07-01T11:00:00Z");
        assertFalse(acknowledged.currentAt(micro.minus(1, ChronoUnit.MICROS), Instant.MAX), "before it happened");
        assertTrue(acknowledged.currentAt(micro, Instant.MAX), "the instant it happened");
        assertFalse(acknowledged.currentAt(micro, micro.minus(1, ChronoUnit.MICROS)), "not yet recorded");
        assertTrue(acknowledged.currentAt(responded.minus(1, ChronoUnit.MICROS), Instant.MAX), "just before the response");
        assertFalse(acknowledged.currentAt(responded, Instant.MAX), "the response happened, known now");
        assertTrue(acknowledged.currentAt(responded, recorded.minus(1, ChronoUnit.MICROS)),
                "the response happened but was not yet recorded");
        assertFalse(acknowledged.currentAt(responded, recorded), "recorded that instant");
        ProjectionRow respondedRow = rows.get(4);
        assertFalse(respondedRow.currentAt(responded, recorded.minus(1, ChronoUnit.MICROS)),
                "a late entry is not the state until it is recorded");
        for (Instant at : List.of(micro, responded, recorded, Instant.parse("2022-07-07T09:00:00Z"))) {
            for (Instant known : List.of(micro, responded, recorded, Instant.MAX)) {
                assertEquals(1, rows.stream().filter(r -> r.currentAt(at, known)).count(),
                        "exactly one row is the state at " + at + " known at " + known);
            }
        }
    }

    @Test
    void aRowIsClosedOnlyByTheComplaintsNextEvent() {
        List<ProjectionRow> rows = ProjectionRow.ofHistory(history().events());
        ProjectionRow last = rows.get(5);
        assertThrows(IllegalArgumentException.class, () -> rows.get(2).followedBy(last));
        List<ProjectionRow> other = ProjectionRow.ofHistory(history().events());
        assertThrows(IllegalArgumentException.class, () -> rows.get(0).followedBy(other.get(1)));
        assertEquals(rows.get(4), rows.get(4).followedBy(last).followedBy(last));
    }

    @Test
    void theRowsOfACommitAreComputedFromTheFold() {
        ComplaintHistory h = history();
        Commit create = Commit.of(0, h.events().subList(0, 3), new ComplaintHistory(h.events().subList(0, 3)).current());
        assertEquals(ProjectionRow.ofHistory(h.events().subList(0, 3)), create.projection());
        Commit next = Commit.of(3, h.events().subList(3, 4), new ComplaintHistory(h.events().subList(0, 4)).current());
        assertEquals(List.of(ProjectionRow.ofHistory(h.events().subList(0, 4)).get(3)), next.projection());
        assertTrue(next.projection().get(0).isLast(), "the commit's last row is open; the store closes it later");
    }

    @Test
    void aCommitRefusesRowsThatDoNotMatchItsEvents() {
        ComplaintHistory h = history();
        List<ComplaintEvent> two = h.events().subList(0, 2);
        Complaint state = new ComplaintHistory(two).current();
        List<ProjectionRow> rows = ProjectionRow.ofHistory(two);
        ProjectionRow wrongArea = new ProjectionRow(rows.get(1).complaintId(), 2, rows.get(1).occurredAt(),
                rows.get(1).recordedAt(), Optional.empty(), Optional.empty(), Status.TRIAGED,
                Classification.COMPLAINT, Procedure.CORPORATE, Stage.STAGE_1, ServiceArea.OTHER, Optional.empty(),
                Optional.empty(), LocalDate.of(2022, 6, 30));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Commit(state.id(), 0, two,
                state, Optional.empty(), false, List.of(rows.get(0), wrongArea)));
        assertTrue(e.getMessage().contains("last projection row"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Commit(state.id(), 0, two, state, Optional.empty(),
                false, List.of(rows.get(0))));
        assertThrows(IllegalArgumentException.class, () -> new Commit(state.id(), 0, two, state, Optional.empty(),
                false, List.of(ProjectionRow.of(two.get(0), new ComplaintHistory(two.subList(0, 1)).current()),
                        rows.get(1))), "the first row must be closed by the second event");
        List<ComplaintEvent> three = h.events().subList(1, 3);
        IllegalArgumentException several = assertThrows(IllegalArgumentException.class,
                () -> Commit.of(1, three, new ComplaintHistory(h.events().subList(0, 3)).current()));
        assertTrue(several.getMessage().contains("must give its projection rows"), several.getMessage());
    }
}
