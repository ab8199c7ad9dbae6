package uk.councilcomplaints.event;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.Money;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;

/** What an event says happened: one immutable record per {@link EventType}, holding no personal data. */
public sealed interface EventData {

    /** The kind of this event. */
    EventType type();

    /** Calls the visitor's method for this type of event. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per type of event, so that every reader of histories (the state fold, SLA clocks, reports)
     * decides what each type means, and a new type does not compile until each one has. The types that only keep the
     * record beside the state go to {@link #recordKept} by default, so the folds that ignore them say so once.
     *
     * @param <R> what the reader makes of an event
     */
    interface Visitor<R> {
        R received(Received event);

        R triaged(Triaged event);

        R reclassified(Reclassified event);

        R allocated(Allocated event);

        R acknowledged(Acknowledged event);

        R sentToService(SentToService event);

        R draftSubmitted(DraftSubmitted event);

        R responded(Responded event);

        R escalated(Escalated event);

        R referredToOmbudsman(ReferredToOmbudsman event);

        R closed(Closed event);

        R acceptedLate(AcceptedLate event);

        R extended(Extended event);

        R responseDateAgreed(ResponseDateAgreed event);

        R paused(Paused event);

        R resumed(Resumed event);

        R panelMet(PanelMet event);

        R panelReported(PanelReported event);

        R personalDataErased(PersonalDataErased event);

        /**
         * An event that keeps the record beside the complaint's state (refusals of the next stage, themes, the
         * Ombudsman, learning, letters) and changes nothing the state, its clocks or the report tables are folded
         * from: each of those types comes here unless the reader decides it apart. {@link
         * uk.councilcomplaints.learning.CaseRecord} reads them.
         */
        R recordKept(EventData event);

        default R escalationRefused(EscalationRefused event) {
            return recordKept(event);
        }

        default R themesRecorded(ThemesRecorded event) {
            return recordKept(event);
        }

        default R ombudsmanEnquiryReceived(OmbudsmanEnquiryReceived event) {
            return recordKept(event);
        }

        default R ombudsmanDecided(OmbudsmanDecided event) {
            return recordKept(event);
        }

        default R ombudsmanRemedyComplied(OmbudsmanRemedyComplied event) {
            return recordKept(event);
        }

        default R learningActionAgreed(LearningActionAgreed event) {
            return recordKept(event);
        }

        default R learningActionDone(LearningActionDone event) {
            return recordKept(event);
        }

        default R letterSent(LetterSent event) {
            return recordKept(event);
        }
    }

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
        public <R> R accept(Visitor<R> visitor) {
            return visitor.received(this);
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
        public <R> R accept(Visitor<R> visitor) {
            return visitor.triaged(this);
        }
    }

    /**
     * Triage found the contact is not a complaint, or refused to take the complaint on.
     *
     * @param classification what triage found
     * @param exclusion why a {@link Classification#REFUSED} complaint was refused; present exactly then
     */
    record Reclassified(Classification classification, Optional<Exclusion> exclusion) implements EventData {
        public Reclassified {
            requireNonNull(classification, "classification");
            requireNonNull(exclusion, "exclusion");
            if (exclusion.isPresent() != (classification == Classification.REFUSED)) {
                throw new IllegalArgumentException("an exclusion comes with a REFUSED classification, and only then");
            }
        }

        /** A service request or a matter for another organisation. */
        public Reclassified(Classification classification) {
            this(classification, Optional.empty());
        }

        /** A complaint refused for {@code exclusion}. */
        public static Reclassified refused(Exclusion exclusion) {
            return new Reclassified(Classification.REFUSED, Optional.of(exclusion));
        }

        @Override
        public EventType type() {
            return EventType.RECLASSIFIED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.reclassified(this);
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
        public <R> R accept(Visitor<R> visitor) {
            return visitor.allocated(this);
        }
    }

    /** The complaint officer acknowledged the complaint to the complainant. */
    record Acknowledged() implements EventData {
        @Override
        public EventType type() {
            return EventType.ACKNOWLEDGED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.acknowledged(this);
        }
    }

    /** Sent to the service to investigate and draft a response. */
    record SentToService() implements EventData {
        @Override
        public EventType type() {
            return EventType.SENT_TO_SERVICE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.sentToService(this);
        }
    }

    /** The service returned its draft response to the complaints team. */
    record DraftSubmitted() implements EventData {
        @Override
        public EventType type() {
            return EventType.DRAFT_SUBMITTED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.draftSubmitted(this);
        }
    }

    /**
     * The response was sent to the complainant.
     *
     * @param payment the amount of a {@link Remedy#FINANCIAL_REMEDY}, when one was offered
     */
    record Responded(Outcome outcome, Set<Remedy> remedies, Optional<Money> payment) implements EventData {
        public Responded {
            requireNonNull(outcome, "outcome");
            remedies = ImmutableSet.copyOf(remedies);
            requireNonNull(payment, "payment");
        }

        /** A response with no payment. */
        public Responded(Outcome outcome, Set<Remedy> remedies) {
            this(outcome, remedies, Optional.empty());
        }

        @Override
        public EventType type() {
            return EventType.RESPONDED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.responded(this);
        }
    }

    /**
     * The complainant asked for the next stage.
     *
     * @param to the stage asked for
     * @param lateRequestAccepted whether the request came after the procedure's window (children's: 20
     *     working days from the previous stage's response) and the council accepted it; the event's reason
     *     says why
     */
    record Escalated(Stage to, boolean lateRequestAccepted) implements EventData {
        public Escalated {
            requireNonNull(to, "to");
        }

        /** A request within the procedure's window. */
        public Escalated(Stage to) {
            this(to, false);
        }

        @Override
        public EventType type() {
            return EventType.ESCALATED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.escalated(this);
        }
    }

    /** A referral of the complaint to the Ombudsman was recorded. */
    record ReferredToOmbudsman() implements EventData {
        @Override
        public EventType type() {
            return EventType.REFERRED_TO_OMBUDSMAN;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.referredToOmbudsman(this);
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
        public <R> R accept(Visitor<R> visitor) {
            return visitor.closed(this);
        }
    }

    /** A complaint made after the 12-month limit was accepted; the event's reason says why. */
    record AcceptedLate() implements EventData {
        @Override
        public EventType type() {
            return EventType.ACCEPTED_LATE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.acceptedLate(this);
        }
    }

    /** The response deadline of the current stage was extended by some working days. */
    record Extended(int workingDays) implements EventData {
        @Override
        public EventType type() {
            return EventType.EXTENDED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.extended(this);
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
        public <R> R accept(Visitor<R> visitor) {
            return visitor.responseDateAgreed(this);
        }
    }

    /** The response clock was paused while waiting for the complainant. */
    record Paused() implements EventData {
        @Override
        public EventType type() {
            return EventType.PAUSED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.paused(this);
        }
    }

    /** The response clock was resumed. */
    record Resumed() implements EventData {
        @Override
        public EventType type() {
            return EventType.RESUMED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.resumed(this);
        }
    }

    /** Children's stage 3: the review panel met. */
    record PanelMet() implements EventData {
        @Override
        public EventType type() {
            return EventType.PANEL_MET;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.panelMet(this);
        }
    }

    /** Children's stage 3: the review panel reported its findings and recommendations to the council. */
    record PanelReported() implements EventData {
        @Override
        public EventType type() {
            return EventType.PANEL_REPORTED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.panelReported(this);
        }
    }

    /** The complaint's personal data was erased; its facts remain. */
    record PersonalDataErased() implements EventData {
        @Override
        public EventType type() {
            return EventType.PERSONAL_DATA_ERASED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.personalDataErased(this);
        }
    }

    /**
     * The council refused a request for the next stage (corporate and housing procedures); the event's reason
     * says why, as the Codes require.
     *
     * @param requested the stage asked for
     */
    record EscalationRefused(Stage requested) implements EventData {
        public EscalationRefused {
            requireNonNull(requested, "requested");
        }

        @Override
        public EventType type() {
            return EventType.ESCALATION_REFUSED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.escalationRefused(this);
        }
    }

    /**
     * The complaint's themes, codes of the council's {@link uk.councilcomplaints.model.Themes}, replacing any
     * recorded before.
     */
    record ThemesRecorded(Set<String> themes) implements EventData {
        public ThemesRecorded {
            themes = ImmutableSet.copyOf(themes);
        }

        @Override
        public EventType type() {
            return EventType.THEMES_RECORDED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.themesRecorded(this);
        }
    }

    /** The Ombudsman made enquiries about the complaint (after a referral). */
    record OmbudsmanEnquiryReceived() implements EventData {
        @Override
        public EventType type() {
            return EventType.OMBUDSMAN_ENQUIRY_RECEIVED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ombudsmanEnquiryReceived(this);
        }
    }

    /**
     * The Ombudsman's decision, with the remedies it recommended.
     *
     * @param decision what it decided
     * @param remedies the remedies it recommended; only an upheld decision recommends any
     * @param payment the amount of a recommended {@link Remedy#FINANCIAL_REMEDY}
     * @param remediesDue the London day by which the council must comply; present exactly when remedies are
     */
    record OmbudsmanDecided(OmbudsmanDecision decision, Set<Remedy> remedies, Optional<Money> payment,
            Optional<LocalDate> remediesDue) implements EventData {
        public OmbudsmanDecided {
            requireNonNull(decision, "decision");
            remedies = ImmutableSet.copyOf(remedies);
            requireNonNull(payment, "payment");
            requireNonNull(remediesDue, "remediesDue");
        }

        @Override
        public EventType type() {
            return EventType.OMBUDSMAN_DECIDED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ombudsmanDecided(this);
        }
    }

    /** The council complied with the Ombudsman's recommended remedies on {@code day} (a London day). */
    record OmbudsmanRemedyComplied(LocalDate day) implements EventData {
        public OmbudsmanRemedyComplied {
            requireNonNull(day, "day");
        }

        @Override
        public EventType type() {
            return EventType.OMBUDSMAN_REMEDY_COMPLIED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ombudsmanRemedyComplied(this);
        }
    }

    /**
     * A learning and service improvement action agreed from this complaint (and any others linked). Its text is
     * written by staff about the service and is published in the annual report: it must not name the complainant.
     *
     * @param number the action's number on this complaint, from 1
     * @param action what will change
     * @param service the service that will change it
     * @param owner who is responsible
     * @param due the London day it is due
     * @param linked other complaints the same learning came from
     */
    record LearningActionAgreed(int number, String action, ServiceArea service, String owner, LocalDate due,
            Set<ComplaintId> linked) implements EventData {
        public LearningActionAgreed {
            requireNonNull(action, "action");
            requireNonNull(service, "service");
            requireNonNull(owner, "owner");
            requireNonNull(due, "due");
            linked = ImmutableSet.copyOf(linked);
            if (number < 1) {
                throw new IllegalArgumentException("an action number starts at 1, was " + number);
            }
        }

        @Override
        public EventType type() {
            return EventType.LEARNING_ACTION_AGREED;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.learningActionAgreed(this);
        }
    }

    /**
     * A learning action was done on {@code day} (a London day), with the evidence (staff text, published: no
     * personal data).
     */
    record LearningActionDone(int number, LocalDate day, String evidence) implements EventData {
        public LearningActionDone {
            requireNonNull(day, "day");
            requireNonNull(evidence, "evidence");
            if (number < 1) {
                throw new IllegalArgumentException("an action number starts at 1, was " + number);
            }
        }

        @Override
        public EventType type() {
            return EventType.LEARNING_ACTION_DONE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.learningActionDone(this);
        }
    }

    /**
     * A letter or email went to the complainant, through GOV.UK Notify or otherwise.
     *
     * @param letter which letter, a code such as {@code acknowledgement} or {@code response}
     * @param notificationId the sending service's id of the message (GOV.UK Notify's notification id)
     */
    record LetterSent(String letter, String notificationId) implements EventData {
        public LetterSent {
            requireNonNull(letter, "letter");
            requireNonNull(notificationId, "notificationId");
        }

        @Override
        public EventType type() {
            return EventType.LETTER_SENT;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.letterSent(this);
        }
    }
}
