package uk.councilcomplaints.event;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Stage;

/** What each event does to a complaint's state: the one place the state fold reads the event vocabulary. */
final class StateFold implements EventData.Visitor<Void> {

    private final StateBuilder state;
    private final Instant occurredAt;

    private StateFold(StateBuilder state, Instant occurredAt) {
        this.state = state;
        this.occurredAt = occurredAt;
    }

    /** Applies {@code event} to the state being folded: its facts, its status, its time and its version. */
    static void apply(StateBuilder state, ComplaintEvent event) {
        event.data().accept(new StateFold(state, event.occurredAt()));
        state.status(event.status()).lastOccurredAt(event.occurredAt()).version(event.version());
    }

    @Override
    public Void received(EventData.Received e) {
        state.classification(Classification.COMPLAINT).procedure(e.procedure()).stage(Stage.STAGE_1)
                .serviceArea(e.serviceArea()).channel(e.channel()).receivedAt(occurredAt).matterDate(e.matterDate())
                .stageStartedAt(occurredAt);
        return null;
    }

    @Override
    public Void triaged(EventData.Triaged e) {
        state.procedure(e.procedure()).serviceArea(e.serviceArea());
        return null;
    }

    @Override
    public Void reclassified(EventData.Reclassified e) {
        state.classification(e.classification());
        return null;
    }

    @Override
    public Void allocated(EventData.Allocated e) {
        state.officer(Optional.of(e.officer())).team(Optional.of(e.team()));
        return null;
    }

    @Override
    public Void acknowledged(EventData.Acknowledged e) {
        state.acknowledgedAt(Optional.of(occurredAt));
        return null;
    }

    @Override
    public Void sentToService(EventData.SentToService e) {
        return null; // the status says it all
    }

    @Override
    public Void draftSubmitted(EventData.DraftSubmitted e) {
        return null; // the status says it all
    }

    @Override
    public Void responded(EventData.Responded e) {
        state.respondedAt(Optional.of(occurredAt)).outcome(Optional.of(e.outcome())).remedies(e.remedies())
                .paused(false);
        return null;
    }

    @Override
    public Void escalated(EventData.Escalated e) {
        state.previousStageOfficer(state.officer()).officer(Optional.empty()).team(Optional.empty())
                .stage(e.to()).stageStartedAt(occurredAt).acknowledgedAt(Optional.empty())
                .respondedAt(Optional.empty()).outcome(Optional.empty()).remedies(Set.of())
                .paused(false).extensionWorkingDays(0).agreedResponseDate(Optional.empty());
        return null;
    }

    @Override
    public Void referredToOmbudsman(EventData.ReferredToOmbudsman e) {
        state.referredToOmbudsman(true);
        return null;
    }

    @Override
    public Void closed(EventData.Closed e) {
        state.closureReason(Optional.of(e.reason())).duplicateOf(e.duplicateOf()).paused(false);
        return null;
    }

    @Override
    public Void acceptedLate(EventData.AcceptedLate e) {
        state.acceptedLate(true);
        return null;
    }

    @Override
    public Void extended(EventData.Extended e) {
        state.extensionWorkingDays(state.extensionWorkingDays() + e.workingDays());
        return null;
    }

    @Override
    public Void responseDateAgreed(EventData.ResponseDateAgreed e) {
        state.agreedResponseDate(Optional.of(e.date()));
        return null;
    }

    @Override
    public Void paused(EventData.Paused e) {
        state.paused(true);
        return null;
    }

    @Override
    public Void resumed(EventData.Resumed e) {
        state.paused(false);
        return null;
    }

    @Override
    public Void panelMet(EventData.PanelMet e) {
        return null; // the SLA clocks read it from the history; the complaint's state does not change
    }

    @Override
    public Void panelReported(EventData.PanelReported e) {
        return null; // the SLA clocks read it from the history; the complaint's state does not change
    }

    @Override
    public Void personalDataErased(EventData.PersonalDataErased e) {
        state.personalDataErased(true);
        return null;
    }

    @Override
    public Void recordKept(EventData e) {
        return null;
    }
}
