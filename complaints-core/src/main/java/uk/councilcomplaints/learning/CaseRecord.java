package uk.councilcomplaints.learning;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Money;
import uk.councilcomplaints.model.Stage;

/**
 * The record of one complaint beyond its status, folded from its history (pass a history cut at a day and an
 * instant of knowledge to see it as it stood then): the exclusion it was refused for, its themes, payments
 * offered in responses, escalations refused, the Ombudsman's involvement and the learning actions agreed from
 * it. Holds no personal data.
 *
 * @param exclusion why triage refused to take the complaint on, if it did
 * @param themes the themes last recorded
 * @param payments payments offered in the complaint's responses
 * @param escalationsRefused the stages asked for and refused, in order
 * @param ombudsman the Ombudsman's involvement, from the referral
 * @param learningActions the learning actions agreed from this complaint, by number
 * @param lettersSent the letters and emails sent to the complainant, in order
 */
public record CaseRecord(Optional<Exclusion> exclusion, Set<String> themes, List<Payment> payments,
        List<Stage> escalationsRefused, Optional<OmbudsmanCase> ombudsman, List<LearningAction> learningActions,
        List<Letter> lettersSent) {

    public CaseRecord {
        requireNonNull(exclusion, "exclusion");
        themes = ImmutableSet.copyOf(themes);
        payments = ImmutableList.copyOf(payments);
        escalationsRefused = ImmutableList.copyOf(escalationsRefused);
        requireNonNull(ombudsman, "ombudsman");
        learningActions = ImmutableList.copyOf(learningActions);
        lettersSent = ImmutableList.copyOf(lettersSent);
    }

    /**
     * A letter or email sent to the complainant.
     *
     * @param letter which letter, e.g. {@code acknowledgement}
     * @param notificationId the sending service's id of the message
     * @param sentAt when it was sent
     */
    public record Letter(String letter, String notificationId, java.time.Instant sentAt) {
        public Letter {
            requireNonNull(letter, "letter");
            requireNonNull(notificationId, "notificationId");
            requireNonNull(sentAt, "sentAt");
        }
    }

    /** A payment offered in a response. */
    public record Payment(Stage stage, LocalDate day, Money amount) {
        public Payment {
            requireNonNull(stage, "stage");
            requireNonNull(day, "day");
            requireNonNull(amount, "amount");
        }
    }

    /** The record of {@code history}'s events, in order. */
    public static CaseRecord of(ComplaintHistory history) {
        return of(history.events());
    }

    /** The record of {@code events}, one complaint's, in order. */
    public static CaseRecord of(List<ComplaintEvent> events) {
        Optional<Exclusion> exclusion = Optional.empty();
        Set<String> themes = Set.of();
        List<Payment> payments = new ArrayList<>();
        List<Stage> refused = new ArrayList<>();
        OmbudsmanCase ombudsman = null;
        List<LearningAction> actions = new ArrayList<>();
        List<Letter> letters = new ArrayList<>();
        Stage stage = Stage.STAGE_1;
        for (ComplaintEvent e : events) {
            LocalDate day = LondonDays.dayOf(e.occurredAt());
            EventData data = e.data();
            if (data instanceof EventData.Reclassified r) {
                exclusion = r.exclusion();
            } else if (data instanceof EventData.Escalated x) {
                stage = x.to();
            } else if (data instanceof EventData.Responded r) {
                Stage at = stage;
                r.payment().ifPresent(amount -> payments.add(new Payment(at, day, amount)));
            } else if (data instanceof EventData.EscalationRefused x) {
                refused.add(x.requested());
            } else if (data instanceof EventData.ThemesRecorded t) {
                themes = t.themes();
            } else if (data instanceof EventData.ReferredToOmbudsman) {
                ombudsman = OmbudsmanCase.referred(day);
            } else if (data instanceof EventData.OmbudsmanEnquiryReceived && ombudsman != null) {
                ombudsman = ombudsman.withEnquiry(day);
            } else if (data instanceof EventData.OmbudsmanDecided d && ombudsman != null) {
                ombudsman = ombudsman.withDecision(day, d);
            } else if (data instanceof EventData.OmbudsmanRemedyComplied c && ombudsman != null) {
                ombudsman = ombudsman.withCompliance(c.day());
            } else if (data instanceof EventData.LearningActionAgreed a) {
                actions.add(new LearningAction(a.number(), a.action(), a.service(), a.owner(), day, a.due(),
                        a.linked(), Optional.empty(), Optional.empty()));
            } else if (data instanceof EventData.LearningActionDone d && d.number() <= actions.size()) {
                actions.set(d.number() - 1, actions.get(d.number() - 1).done(d.day(), d.evidence()));
            } else if (data instanceof EventData.LetterSent l) {
                letters.add(new Letter(l.letter(), l.notificationId(), e.occurredAt()));
            }
        }
        return new CaseRecord(exclusion, themes, payments, refused, Optional.ofNullable(ombudsman), actions, letters);
    }
}
