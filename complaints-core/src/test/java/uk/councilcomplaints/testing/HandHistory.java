package uk.councilcomplaints.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.Page;

/**
 * Builds one complaint's history event by event, for small hand-made scenarios. Times are ISO instants
 * ({@code 2022-01-04T09:00:00Z}) or local date-times in Europe/London ({@code 2022-01-04T09:00}).
 */
public final class HandHistory {

    private final ComplaintId id = ComplaintId.random();
    private final List<ComplaintEvent> events = new ArrayList<>();

    private HandHistory() {
    }

    /** A contact received (and recorded) at {@code at}. */
    public static HandHistory received(String at, Procedure procedure, ServiceArea area) {
        return receivedLate(at, at, procedure, area);
    }

    /** A contact received at {@code at}, recorded at {@code recorded}. */
    public static HandHistory receivedLate(String at, String recorded, Procedure procedure, ServiceArea area) {
        HandHistory h = new HandHistory();
        h.add(at, recorded, Status.RECEIVED,
                new EventData.Received("H-" + h.id.value().toString().substring(0, 8), procedure, area, Channel.EMAIL,
                        Optional.empty()));
        return h;
    }

    public HandHistory triaged(String at, Procedure procedure, ServiceArea area) {
        return add(at, at, Status.TRIAGED, new EventData.Triaged(procedure, area));
    }

    public HandHistory reclassified(String at, Classification classification) {
        return add(at, at, classification == Classification.SERVICE_REQUEST ? Status.SERVICE_REQUEST
                : Status.SIGNPOSTED, new EventData.Reclassified(classification));
    }

    public HandHistory allocated(String at, String officer, String team) {
        return add(at, at, Status.ALLOCATED, new EventData.Allocated(officer, team));
    }

    public HandHistory acknowledged(String at) {
        return add(at, at, Status.ACKNOWLEDGED, new EventData.Acknowledged());
    }

    public HandHistory sentToService(String at) {
        return add(at, at, Status.WITH_SERVICE, new EventData.SentToService());
    }

    public HandHistory responded(String at, Outcome outcome) {
        return respondedLate(at, at, outcome);
    }

    public HandHistory respondedLate(String at, String recorded, Outcome outcome) {
        return add(at, recorded, Status.RESPONDED, new EventData.Responded(outcome, Set.of(Remedy.APOLOGY)));
    }

    public HandHistory escalated(String at, Stage to) {
        return add(at, at, Status.ESCALATED, new EventData.Escalated(to));
    }

    public HandHistory referredToOmbudsman(String at) {
        return add(at, at, Status.RESPONDED, new EventData.ReferredToOmbudsman());
    }

    public HandHistory withdrawn(String at) {
        return add(at, at, Status.WITHDRAWN,
                new EventData.Closed(ClosureReason.WITHDRAWN, Optional.empty()));
    }

    /** An ISO instant, or a local date-time in Europe/London. */
    public static Instant instant(String text) {
        return text.endsWith("Z") ? Instant.parse(text)
                : LocalDateTime.parse(text).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    /** A local date-time in Europe/London. */
    public static Instant london(String localDateTime) {
        return instant(localDateTime);
    }

    /** A contact received at {@code at} under {@code procedure}, in the Other service area. */
    public static HandHistory received(Procedure procedure, String at) {
        return received(at, procedure, ServiceArea.OTHER);
    }

    /** Triage confirms the procedure and area it has. */
    public HandHistory triaged(String at) {
        ComplaintHistory h = build();
        return triaged(at, h.current().procedure(), h.current().serviceArea());
    }

    /** An upheld response. */
    public HandHistory responded(String at) {
        return responded(at, Outcome.UPHELD);
    }

    public HandHistory extended(String at, int workingDays) {
        return add(at, at, build().current().status(), new EventData.Extended(workingDays));
    }

    public HandHistory agreed(String at, LocalDate date) {
        return add(at, at, build().current().status(), new EventData.ResponseDateAgreed(date));
    }

    public HandHistory paused(String at) {
        return add(at, at, build().current().status(), new EventData.Paused());
    }

    public HandHistory resumed(String at) {
        return add(at, at, build().current().status(), new EventData.Resumed());
    }

    /** Any event, happening and recorded at {@code at}. */
    public HandHistory add(Status status, String at, EventData data) {
        return add(at, at, status, data);
    }

    /** Any event, happening at {@code occurred} and recorded at {@code recorded}: a late entry. */
    public HandHistory addRecorded(String occurred, String recorded, EventData data) {
        return add(occurred, recorded, build().current().status(), data);
    }

    public HandHistory panelMet(String at) {
        return add(at, at, build().current().status(), new EventData.PanelMet());
    }

    public HandHistory panelReported(String at) {
        return add(at, at, build().current().status(), new EventData.PanelReported());
    }

    private HandHistory add(String occurred, String recorded, Status status, EventData data) {
        events.add(new ComplaintEvent(id, events.size() + 1, status, instant(occurred), instant(recorded),
                "tester", Optional.of("test"), data));
        return this;
    }

    public ComplaintHistory build() {
        return new ComplaintHistory(events);
    }

    /** A read-only store holding just these histories: enough for {@link Reports}. */
    public static ComplaintStore store(HandHistory... histories) {
        List<ComplaintHistory> all = Stream.of(histories).map(HandHistory::build).toList();
        return new ComplaintStore() {
            @Override
            public Stream<ComplaintHistory> histories(HistoryFilter filter) {
                return all.stream();
            }

            @Override
            public void appendAll(List<Commit> commits) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ClockPage clocks(ClockQuery query) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.util.List<uk.councilcomplaints.feed.FeedEvent> eventsAfter(long position, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<Complaint> load(ComplaintId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<ComplaintEvent> history(ComplaintId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Page<Complaint> find(ComplaintQuery query) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<PersonalData> personalData(ComplaintId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextReferenceNumber(int year) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
