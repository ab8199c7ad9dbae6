package uk.councilcomplaints.report;

import java.time.Instant;
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
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.Page;

/** Builds one complaint's history event by event, for small hand-made scenarios; times are ISO instants. */
final class HandHistory {

    private final ComplaintId id = ComplaintId.random();
    private final List<ComplaintEvent> events = new ArrayList<>();

    private HandHistory() {
    }

    /** A contact received (and recorded) at {@code at}. */
    static HandHistory received(String at, Procedure procedure, ServiceArea area) {
        return receivedLate(at, at, procedure, area);
    }

    /** A contact received at {@code at}, recorded at {@code recorded}. */
    static HandHistory receivedLate(String at, String recorded, Procedure procedure, ServiceArea area) {
        HandHistory h = new HandHistory();
        h.add(at, recorded, Status.RECEIVED,
                new EventData.Received("H-" + h.id.value().toString().substring(0, 8), procedure, area, Channel.EMAIL,
                        Optional.empty()));
        return h;
    }

    HandHistory triaged(String at, Procedure procedure, ServiceArea area) {
        return add(at, at, Status.TRIAGED, new EventData.Triaged(procedure, area));
    }

    HandHistory reclassified(String at, Classification classification) {
        return add(at, at, classification == Classification.SERVICE_REQUEST ? Status.SERVICE_REQUEST
                : Status.SIGNPOSTED, new EventData.Reclassified(classification));
    }

    HandHistory allocated(String at, String officer, String team) {
        return add(at, at, Status.ALLOCATED, new EventData.Allocated(officer, team));
    }

    HandHistory acknowledged(String at) {
        return add(at, at, Status.ACKNOWLEDGED, new EventData.Acknowledged());
    }

    HandHistory sentToService(String at) {
        return add(at, at, Status.WITH_SERVICE, new EventData.SentToService());
    }

    HandHistory responded(String at, Outcome outcome) {
        return respondedLate(at, at, outcome);
    }

    HandHistory respondedLate(String at, String recorded, Outcome outcome) {
        return add(at, recorded, Status.RESPONDED, new EventData.Responded(outcome, Set.of(Remedy.APOLOGY)));
    }

    HandHistory escalated(String at, Stage to) {
        return add(at, at, Status.ESCALATED, new EventData.Escalated(to));
    }

    HandHistory referredToOmbudsman(String at) {
        return add(at, at, Status.RESPONDED, new EventData.ReferredToOmbudsman());
    }

    HandHistory withdrawn(String at) {
        return add(at, at, Status.WITHDRAWN,
                new EventData.Closed(ClosureReason.WITHDRAWN, Optional.empty()));
    }

    private HandHistory add(String occurred, String recorded, Status status, EventData data) {
        events.add(new ComplaintEvent(id, events.size() + 1, status, Instant.parse(occurred), Instant.parse(recorded),
                "tester", Optional.of("test"), data));
        return this;
    }

    ComplaintHistory build() {
        return new ComplaintHistory(events);
    }

    /** A read-only store holding just these histories: enough for {@link Reports}. */
    static ComplaintStore store(HandHistory... histories) {
        List<ComplaintHistory> all = Stream.of(histories).map(HandHistory::build).toList();
        return new ComplaintStore() {
            @Override
            public Stream<ComplaintHistory> histories() {
                return all.stream();
            }

            @Override
            public void append(Commit commit) {
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
