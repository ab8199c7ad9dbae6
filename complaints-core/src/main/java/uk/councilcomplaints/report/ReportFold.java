package uk.councilcomplaints.report;

import java.time.Instant;
import java.util.List;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;

/**
 * The facts reports count, folded from a prefix of one complaint's events: the few fields of
 * {@link uk.councilcomplaints.model.Complaint} a report groups or filters by, without building one. Mutable
 * and reused from one history to the next; not thread-safe. It must agree with the complete fold of
 * {@link uk.councilcomplaints.event.ComplaintHistory} on these fields (a property test checks it).
 */
final class ReportFold {

    Status status;
    Classification classification;
    Procedure procedure;
    Stage stage;
    ServiceArea serviceArea;
    /** Null until allocated, and again after an escalation. */
    String officer;
    String team;
    Instant receivedAt;

    /**
     * How many leading events count for a view at the instant {@code before} (exclusive, the end of a day),
     * as known at {@code knownAt} (inclusive). Event times are whole microseconds, so "before the end" is
     * "at or before one nanosecond earlier".
     */
    static int visible(List<ComplaintEvent> events, Instant before, Instant knownAt) {
        return ComplaintHistory.visibleCount(events, before.minusNanos(1), knownAt);
    }

    /** Folds the first {@code count} events (at least one) from scratch. */
    ReportFold fold(List<ComplaintEvent> events, int count) {
        for (int i = 0; i < count; i++) {
            apply(events.get(i));
        }
        return this;
    }

    /** Applies one event, as {@link EventData#applyTo} does to the fields tracked here. */
    void apply(ComplaintEvent event) {
        status = event.status();
        EventData data = event.data();
        if (data instanceof EventData.Received r) {
            classification = Classification.COMPLAINT;
            procedure = r.procedure();
            stage = Stage.STAGE_1;
            serviceArea = r.serviceArea();
            officer = null;
            team = null;
            receivedAt = event.occurredAt();
        } else if (data instanceof EventData.Triaged t) {
            procedure = t.procedure();
            serviceArea = t.serviceArea();
        } else if (data instanceof EventData.Reclassified r) {
            classification = r.classification();
        } else if (data instanceof EventData.Allocated a) {
            officer = a.officer();
            team = a.team();
        } else if (data instanceof EventData.Escalated e) {
            stage = e.to();
            officer = null;
            team = null;
        }
    }
}
