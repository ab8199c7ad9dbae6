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
final class ReportFold implements EventData.Visitor<Void> {

    Status status;
    Classification classification;
    Procedure procedure;
    Stage stage;
    ServiceArea serviceArea;
    /** Null until allocated, and again after an escalation. */
    String officer;
    String team;
    Instant receivedAt;
    /** When the event being applied happened. */
    private Instant occurredAt;

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

    /** Applies one event to the fields tracked here, as the state fold does. */
    void apply(ComplaintEvent event) {
        status = event.status();
        occurredAt = event.occurredAt();
        event.data().accept(this);
    }

    @Override
    public Void received(EventData.Received e) {
        classification = Classification.COMPLAINT;
        procedure = e.procedure();
        stage = Stage.STAGE_1;
        serviceArea = e.serviceArea();
        officer = null;
        team = null;
        receivedAt = occurredAt;
        return null;
    }

    @Override
    public Void triaged(EventData.Triaged e) {
        procedure = e.procedure();
        serviceArea = e.serviceArea();
        return null;
    }

    @Override
    public Void reclassified(EventData.Reclassified e) {
        classification = e.classification();
        return null;
    }

    @Override
    public Void allocated(EventData.Allocated e) {
        officer = e.officer();
        team = e.team();
        return null;
    }

    @Override
    public Void escalated(EventData.Escalated e) {
        stage = e.to();
        officer = null;
        team = null;
        return null;
    }

    // the events below change nothing a report groups or filters by (the status is taken from every event)

    @Override
    public Void acknowledged(EventData.Acknowledged e) {
        return null;
    }

    @Override
    public Void sentToService(EventData.SentToService e) {
        return null;
    }

    @Override
    public Void draftSubmitted(EventData.DraftSubmitted e) {
        return null;
    }

    @Override
    public Void responded(EventData.Responded e) {
        return null;
    }

    @Override
    public Void referredToOmbudsman(EventData.ReferredToOmbudsman e) {
        return null;
    }

    @Override
    public Void closed(EventData.Closed e) {
        return null;
    }

    @Override
    public Void acceptedLate(EventData.AcceptedLate e) {
        return null;
    }

    @Override
    public Void extended(EventData.Extended e) {
        return null;
    }

    @Override
    public Void responseDateAgreed(EventData.ResponseDateAgreed e) {
        return null;
    }

    @Override
    public Void paused(EventData.Paused e) {
        return null;
    }

    @Override
    public Void resumed(EventData.Resumed e) {
        return null;
    }

    @Override
    public Void panelMet(EventData.PanelMet e) {
        return null; // the review panel changes no fact a report groups or filters by
    }

    @Override
    public Void panelReported(EventData.PanelReported e) {
        return null; // the review panel changes no fact a report groups or filters by
    }

    @Override
    public Void personalDataErased(EventData.PersonalDataErased e) {
        return null;
    }

    @Override
    public Void recordKept(EventData e) {
        return null;
    }
}
