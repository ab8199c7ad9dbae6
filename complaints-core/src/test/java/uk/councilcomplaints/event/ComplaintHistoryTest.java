package uk.councilcomplaints.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;

/** A history is in order on both time axes, of one complaint, in whole microseconds, or it is refused. */
class ComplaintHistoryTest {

    private static final ComplaintId ID = ComplaintId.random();

    static ComplaintEvent event(ComplaintId id, long version, String occurred, String recorded) {
        EventData data = version == 1
                ? new EventData.Received("R-" + id.value().toString().substring(0, 8), Procedure.CORPORATE,
                        ServiceArea.CORPORATE, Channel.EMAIL, Optional.empty())
                : new EventData.Allocated("officer-" + version, "VoC");
        return new ComplaintEvent(id, version, version == 1 ? Status.RECEIVED : Status.ALLOCATED,
                Instant.parse(occurred), Instant.parse(recorded), "tester", Optional.of("test"), data);
    }

    private static List<ComplaintEvent> valid() {
        List<ComplaintEvent> events = new ArrayList<>();
        events.add(event(ID, 1, "2022-03-01T09:00:00Z", "2022-03-01T09:00:00Z"));
        events.add(new ComplaintEvent(ID, 2, Status.TRIAGED, Instant.parse("2022-03-01T10:00:00Z"),
                Instant.parse("2022-03-01T10:00:00Z"), "tester", Optional.empty(),
                new EventData.Triaged(Procedure.CORPORATE, ServiceArea.CORPORATE)));
        // a late entry: happened on the 2nd, recorded on the 4th
        events.add(event(ID, 3, "2022-03-02T09:00:00Z", "2022-03-04T09:00:00Z"));
        return events;
    }

    private static IllegalArgumentException refused(List<ComplaintEvent> events) {
        return assertThrows(IllegalArgumentException.class, () -> new ComplaintHistory(events));
    }

    @Test
    void aHistoryInOrderOnBothAxesIsAccepted() {
        ComplaintHistory h = new ComplaintHistory(valid());
        assertEquals(3, h.current().version());
        assertEquals(Status.ALLOCATED, h.current().status());
    }

    @Test
    void eventsAtTheSameInstantsAsTheOneBeforeAreInOrder() {
        List<ComplaintEvent> events = valid();
        events.add(event(ID, 4, "2022-03-02T09:00:00Z", "2022-03-04T09:00:00Z"));
        assertEquals(4, new ComplaintHistory(events).events().size());
    }

    @Test
    void anEventThatHappenedBeforeTheOneBeforeItIsRefused() {
        List<ComplaintEvent> events = valid();
        events.add(event(ID, 4, "2022-03-02T08:59:59.999999Z", "2022-03-04T09:00:00Z"));
        String message = refused(events).getMessage();
        assertTrue(message.contains("version 4") && message.contains("version 3"), message);
        assertTrue(message.contains("2022-03-02T08:59:59.999999Z") && message.contains("2022-03-02T09:00:00Z"),
                message);
        assertTrue(message.contains("happened"), message);
    }

    @Test
    void anEventRecordedBeforeTheOneBeforeItIsRefused() {
        List<ComplaintEvent> events = valid();
        events.add(event(ID, 4, "2022-03-03T09:00:00Z", "2022-03-04T08:59:59Z"));
        String message = refused(events).getMessage();
        assertTrue(message.contains("version 4") && message.contains("version 3"), message);
        assertTrue(message.contains("2022-03-04T08:59:59Z") && message.contains("2022-03-04T09:00:00Z"), message);
        assertTrue(message.contains("recorded"), message);
    }

    @Test
    void anEventOfAnotherComplaintIsRefused() {
        ComplaintId other = ComplaintId.random();
        List<ComplaintEvent> events = valid();
        events.add(event(other, 4, "2022-03-05T09:00:00Z", "2022-03-05T09:00:00Z"));
        String message = refused(events).getMessage();
        assertTrue(message.contains(other.toString()) && message.contains(ID.toString()), message);
    }

    @Test
    void instantsFinerThanMicrosecondsAreRefused() {
        List<ComplaintEvent> occurred = valid();
        occurred.add(event(ID, 4, "2022-03-05T09:00:00.000000500Z", "2022-03-05T10:00:00Z"));
        String message = refused(occurred).getMessage();
        assertTrue(message.contains("occurredAt 2022-03-05T09:00:00.000000500Z") && message.contains("version 4"),
                message);

        List<ComplaintEvent> recorded = valid();
        recorded.add(event(ID, 4, "2022-03-05T09:00:00Z", "2022-03-05T10:00:00.000000001Z"));
        assertTrue(refused(recorded).getMessage().contains("recordedAt 2022-03-05T10:00:00.000000001Z"));

        List<ComplaintEvent> first = List.of(event(ID, 1, "2022-03-01T09:00:00.1234567Z", "2022-03-01T09:00:01Z"));
        assertTrue(refused(first).getMessage().contains("2022-03-01T09:00:00.123456700Z"));
        // whole microseconds are fine
        new ComplaintHistory(List.of(event(ID, 1, "2022-03-01T09:00:00.123456Z", "2022-03-01T09:00:01Z")));
    }

    @Test
    void versionsStartAtOneAndRunWithoutGaps() {
        List<ComplaintEvent> gap = valid();
        gap.add(event(ID, 5, "2022-03-05T09:00:00Z", "2022-03-05T09:00:00Z"));
        String message = refused(gap).getMessage();
        assertTrue(message.contains("version 5") && message.contains("version 3"), message);
        assertTrue(refused(valid().subList(1, 3)).getMessage().contains("starts at version 1"));
    }

    @Test
    void onlyTheFirstEventIsReceived() {
        List<ComplaintEvent> events = valid();
        ComplaintEvent received = events.get(0);
        events.add(new ComplaintEvent(ID, 4, Status.RECEIVED, Instant.parse("2022-03-05T09:00:00Z"),
                Instant.parse("2022-03-05T09:00:00Z"), "tester", Optional.empty(), received.data()));
        assertTrue(refused(events).getMessage().contains("only version 1"));
        ComplaintEvent triage = valid().get(1);
        ComplaintEvent triageFirst = new ComplaintEvent(ID, 1, triage.status(), triage.occurredAt(),
                triage.recordedAt(), "tester", Optional.empty(), triage.data());
        assertTrue(refused(List.of(triageFirst)).getMessage().contains("starts with RECEIVED"));
    }
}
