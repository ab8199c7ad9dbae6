package uk.councilcomplaints.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.sla.WorkingCalendar;

/** Builds histories by hand, with local (Europe/London) times, for SLA tests. */
public final class HistoryBuilder {

    private final ComplaintId id = ComplaintId.random();
    private final List<ComplaintEvent> events = new ArrayList<>();

    public static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    public static HistoryBuilder received(Procedure procedure, String at) {
        HistoryBuilder b = new HistoryBuilder();
        b.add(Status.RECEIVED, at, new EventData.Received("REF-1", procedure, ServiceArea.OTHER, Channel.EMAIL,
                Optional.empty()));
        return b;
    }

    public HistoryBuilder add(Status status, String at, EventData data) {
        Instant when = london(at);
        events.add(new ComplaintEvent(id, events.size() + 1, status, when, when, "t", Optional.empty(), data));
        return this;
    }

    public HistoryBuilder triaged(String at) {
        ComplaintHistory h = build();
        return add(Status.TRIAGED, at, new EventData.Triaged(h.current().procedure(), ServiceArea.OTHER));
    }

    public HistoryBuilder acknowledged(String at) {
        return add(Status.ACKNOWLEDGED, at, new EventData.Acknowledged());
    }

    public HistoryBuilder responded(String at) {
        return add(Status.RESPONDED, at, new EventData.Responded(Outcome.UPHELD, Set.of()));
    }

    public HistoryBuilder extended(String at, int days) {
        return add(Status.ACKNOWLEDGED, at, new EventData.Extended(days));
    }

    public HistoryBuilder agreed(String at, LocalDate date) {
        return add(Status.ACKNOWLEDGED, at, new EventData.ResponseDateAgreed(date));
    }

    public HistoryBuilder escalated(String at, Stage to) {
        return add(Status.ESCALATED, at, new EventData.Escalated(to));
    }

    public HistoryBuilder paused(String at) {
        return add(Status.WITH_SERVICE, at, new EventData.Paused());
    }

    public HistoryBuilder resumed(String at) {
        return add(Status.WITH_SERVICE, at, new EventData.Resumed());
    }

    public ComplaintHistory build() {
        return new ComplaintHistory(events);
    }
}
