package uk.councilcomplaints.event;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;

/** What an event says happened: one immutable record per {@link EventType}, holding no personal data. */
public sealed interface EventData {

    /** The kind of this event. */
    EventType type();

    /**
     * Applies this event's facts to the state being folded. The new status is set by the fold from the
     * event itself; {@code occurredAt} is when the event happened.
     */
    void applyTo(Complaint.Builder state, Instant occurredAt);

    /** A contact was received and logged. */
    record Received(String reference, Procedure procedure, ServiceArea serviceArea, Channel channel,
            Optional<LocalDate> matterDate) implements EventData {
        public Received {
            requireNonNull(reference, "reference");
            requireNonNull(procedure, "procedure");
            requireNonNull(serviceArea, "serviceArea");
            requireNonNull(channel, "channel");
            requireNonNull(matterDate, "matterDate");
        }

        @Override
        public EventType type() {
            return EventType.RECEIVED;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.classification(Classification.COMPLAINT).procedure(procedure).stage(Stage.STAGE_1)
                    .serviceArea(serviceArea).channel(channel).receivedAt(occurredAt).matterDate(matterDate)
                    .stageStartedAt(occurredAt);
        }
    }

    /** Triage confirmed the contact as a complaint under a procedure and service area. */
    record Triaged(Procedure procedure, ServiceArea serviceArea) implements EventData {
        public Triaged {
            requireNonNull(procedure, "procedure");
            requireNonNull(serviceArea, "serviceArea");
        }

        @Override
        public EventType type() {
            return EventType.TRIAGED;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.procedure(procedure).serviceArea(serviceArea);
        }
    }

    /** Triage found the contact is not a complaint. */
    record Reclassified(Classification classification) implements EventData {
        public Reclassified {
            requireNonNull(classification, "classification");
        }

        @Override
        public EventType type() {
            return EventType.RECLASSIFIED;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.classification(classification);
        }
    }

    /** Allocated, or reallocated, to a complaint officer. */
    record Allocated(String officer, String team) implements EventData {
        public Allocated {
            requireNonNull(officer, "officer");
            requireNonNull(team, "team");
        }

        @Override
        public EventType type() {
            return EventType.ALLOCATED;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.officer(Optional.of(officer)).team(Optional.of(team));
        }
    }

    /** The complaint officer acknowledged the complaint to the complainant. */
    record Acknowledged() implements EventData {
        @Override
        public EventType type() {
            return EventType.ACKNOWLEDGED;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.acknowledgedAt(Optional.of(occurredAt));
        }
    }

    /** Sent to the service to investigate and draft a response. */
    record SentToService() implements EventData {
        @Override
        public EventType type() {
            return EventType.SENT_TO_SERVICE;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            // the status says it all
        }
    }

    /** The service returned its draft response to the complaints team. */
    record DraftSubmitted() implements EventData {
        @Override
        public EventType type() {
            return EventType.DRAFT_SUBMITTED;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            // the status says it all
        }
    }

    /** The response was sent to the complainant. */
    record Responded(Outcome outcome, Set<Remedy> remedies) implements EventData {
        public Responded {
            requireNonNull(outcome, "outcome");
            remedies = ImmutableSet.copyOf(remedies);
        }

        @Override
        public EventType type() {
            return EventType.RESPONDED;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.respondedAt(Optional.of(occurredAt)).outcome(Optional.of(outcome)).remedies(remedies).paused(false);
        }
    }

    /** The complainant asked for the next stage. */
    record Escalated(Stage to) implements EventData {
        public Escalated {
            requireNonNull(to, "to");
        }

        @Override
        public EventType type() {
            return EventType.ESCALATED;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.previousStageOfficer(state.officer()).officer(Optional.empty()).team(Optional.empty())
                    .stage(to).stageStartedAt(occurredAt).acknowledgedAt(Optional.empty())
                    .respondedAt(Optional.empty()).outcome(Optional.empty()).remedies(Set.of())
                    .paused(false).extensionWorkingDays(0).agreedResponseDate(Optional.empty());
        }
    }

    /** A referral of the complaint to the Ombudsman was recorded. */
    record ReferredToOmbudsman() implements EventData {
        @Override
        public EventType type() {
            return EventType.REFERRED_TO_OMBUDSMAN;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.referredToOmbudsman(true);
        }
    }

    /** Closed without a response: withdrawn, duplicate (naming the original) or out of time. */
    record Closed(ClosureReason reason, Optional<ComplaintId> duplicateOf) implements EventData {
        public Closed {
            requireNonNull(reason, "reason");
            requireNonNull(duplicateOf, "duplicateOf");
        }

        @Override
        public EventType type() {
            return EventType.CLOSED;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.closureReason(Optional.of(reason)).duplicateOf(duplicateOf).paused(false);
        }
    }

    /** A complaint made after the 12-month limit was accepted; the event's reason says why. */
    record AcceptedLate() implements EventData {
        @Override
        public EventType type() {
            return EventType.ACCEPTED_LATE;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.acceptedLate(true);
        }
    }

    /** The response deadline of the current stage was extended by some working days. */
    record Extended(int workingDays) implements EventData {
        @Override
        public EventType type() {
            return EventType.EXTENDED;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.extensionWorkingDays(state.extensionWorkingDays() + workingDays);
        }
    }

    /** A response date was agreed with the complainant (adult social care). */
    record ResponseDateAgreed(LocalDate date) implements EventData {
        public ResponseDateAgreed {
            requireNonNull(date, "date");
        }

        @Override
        public EventType type() {
            return EventType.RESPONSE_DATE_AGREED;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.agreedResponseDate(Optional.of(date));
        }
    }

    /** The response clock was paused while waiting for the complainant. */
    record Paused() implements EventData {
        @Override
        public EventType type() {
            return EventType.PAUSED;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.paused(true);
        }
    }

    /** The response clock was resumed. */
    record Resumed() implements EventData {
        @Override
        public EventType type() {
            return EventType.RESUMED;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.paused(false);
        }
    }

    /** The complaint's personal data was erased; its facts remain. */
    record PersonalDataErased() implements EventData {
        @Override
        public EventType type() {
            return EventType.PERSONAL_DATA_ERASED;
        }

        @Override
        public void applyTo(Complaint.Builder state, Instant occurredAt) {
            state.personalDataErased(true);
        }
    }
}
