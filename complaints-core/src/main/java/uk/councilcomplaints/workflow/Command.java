package uk.councilcomplaints.workflow;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.CleanText;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.Money;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.SupportedDate;

/**
 * A request to change an existing complaint. Which command is allowed from which status, and its guards,
 * is in {@link Transitions}.
 */
public sealed interface Command {

    /** The command's name in the transition table. */
    CommandType type();

    /** Confirms the contact as a complaint, optionally correcting its procedure or service area. */
    record Triage(@NotNull Optional<Procedure> procedure, @NotNull Optional<ServiceArea> serviceArea)
            implements Command {
        /** Confirms as received. */
        public static Triage asReceived() {
            return new Triage(Optional.empty(), Optional.empty());
        }

        /** Confirms under another procedure and service area. */
        public static Triage as(Procedure procedure, ServiceArea serviceArea) {
            return new Triage(Optional.of(procedure), Optional.of(serviceArea));
        }

        @Override
        public CommandType type() {
            return CommandType.TRIAGE;
        }
    }

    /** Triage found a service request or a matter for another organisation: recorded and closed. */
    record Reclassify(@NotNull Classification classification) implements Command {
        @Override
        public CommandType type() {
            return CommandType.RECLASSIFY;
        }
    }

    /** Allocates (or reallocates) the complaint to an officer and team, each one line of at most 200 characters. */
    record Allocate(@NotNull @CleanText(max = 200) String officer, @NotNull @CleanText(max = 200) String team)
            implements Command {
        @Override
        public CommandType type() {
            return CommandType.ALLOCATE;
        }
    }

    /** The officer acknowledged the complaint to the complainant. */
    record Acknowledge() implements Command {
        @Override
        public CommandType type() {
            return CommandType.ACKNOWLEDGE;
        }
    }

    /** Sends the complaint to the service to investigate and draft a response. */
    record SendToService() implements Command {
        @Override
        public CommandType type() {
            return CommandType.SEND_TO_SERVICE;
        }
    }

    /** The service returns its draft response to the complaints team for review. */
    record SubmitDraft() implements Command {
        @Override
        public CommandType type() {
            return CommandType.SUBMIT_DRAFT;
        }
    }

    /**
     * The response is sent to the complainant, with its finding and remedies; a {@link Remedy#FINANCIAL_REMEDY}
     * comes with its amount ({@code payment}), and only then.
     */
    record Respond(@NotNull Outcome outcome, @NotNull Set<@NotNull Remedy> remedies, @NotNull Optional<Money> payment)
            implements Command {
        /** A response without a payment. */
        public Respond(Outcome outcome, Set<Remedy> remedies) {
            this(outcome, remedies, Optional.empty());
        }

        /** A response with these remedies and no payment. */
        public static Respond with(Outcome outcome, Remedy... remedies) {
            return new Respond(outcome, Set.of(remedies));
        }

        /** A response offering a payment of {@code amount} (a financial remedy) and any other remedies. */
        public static Respond withPayment(Outcome outcome, Money amount, Remedy... others) {
            Set<Remedy> remedies = new java.util.HashSet<>(Set.of(others));
            remedies.add(Remedy.FINANCIAL_REMEDY);
            return new Respond(outcome, remedies, Optional.of(amount));
        }

        @Override
        public CommandType type() {
            return CommandType.RESPOND;
        }
    }

    /**
     * The complainant asks for the next stage (children's 1 to 2 to 3, corporate and housing 1 to 2). A children's
     * request must come within 20 working days of the previous stage's response; a later one is allowed
     * only when the council accepts it explicitly ({@link #acceptingLateRequest()}) with a reason.
     *
     * @param acceptLateRequest whether the council accepts a request made after the window
     */
    record Escalate(boolean acceptLateRequest) implements Command {
        /** A request within the window. */
        public Escalate() {
            this(false);
        }

        /** A request after the window, accepted by the council; the audit reason says why. */
        public static Escalate acceptingLateRequest() {
            return new Escalate(true);
        }

        @Override
        public CommandType type() {
            return CommandType.ESCALATE;
        }
    }

    /** Records that the complaint went to the Ombudsman after the last stage. */
    record ReferToOmbudsman() implements Command {
        @Override
        public CommandType type() {
            return CommandType.REFER_TO_OMBUDSMAN;
        }
    }

    /** Closes an open complaint without a response. A duplicate names its original. */
    record Close(@NotNull ClosureReason reason, @NotNull Optional<ComplaintId> duplicateOf) implements Command {
        /** Withdrawn by the complainant. */
        public static Close withdrawn() {
            return new Close(ClosureReason.WITHDRAWN, Optional.empty());
        }

        /** A duplicate of {@code original}. */
        public static Close duplicateOf(ComplaintId original) {
            return new Close(ClosureReason.DUPLICATE, Optional.of(original));
        }

        /** Made out of time. */
        public static Close outOfTime() {
            return new Close(ClosureReason.OUT_OF_TIME, Optional.empty());
        }

        @Override
        public CommandType type() {
            return CommandType.CLOSE;
        }
    }

    /** Accepts a complaint made after the 12-month limit; the audit reason says why. */
    record AcceptLate() implements Command {
        @Override
        public CommandType type() {
            return CommandType.ACCEPT_LATE;
        }
    }

    /** Extends the current stage's response deadline; the audit reason says why. */
    record Extend(@Positive @Max(130) int workingDays) implements Command {
        @Override
        public CommandType type() {
            return CommandType.EXTEND;
        }
    }

    /** Records a response date agreed with the complainant (adult social care). */
    record AgreeResponseDate(@NotNull @SupportedDate LocalDate date) implements Command {
        @Override
        public CommandType type() {
            return CommandType.AGREE_RESPONSE_DATE;
        }
    }

    /** Pauses the response clock while waiting for the complainant, where policy allows. */
    record Pause() implements Command {
        @Override
        public CommandType type() {
            return CommandType.PAUSE;
        }
    }

    /** Resumes a paused response clock. */
    record Resume() implements Command {
        @Override
        public CommandType type() {
            return CommandType.RESUME;
        }
    }

    /** Children's stage 3: records that the review panel met. */
    record RecordPanelMeeting() implements Command {
        @Override
        public CommandType type() {
            return CommandType.RECORD_PANEL_MEETING;
        }
    }

    /** Children's stage 3: records that the review panel reported to the council, after meeting. */
    record RecordPanelReport() implements Command {
        @Override
        public CommandType type() {
            return CommandType.RECORD_PANEL_REPORT;
        }
    }

    /** Erases the complaint's personal data (after the retention period, or on request); its facts remain. */
    record ErasePersonalData() implements Command {
        @Override
        public CommandType type() {
            return CommandType.ERASE_PERSONAL_DATA;
        }
    }

    /**
     * Triage refuses to take the complaint on, for an exclusion in the council's policy (Code section 2); the
     * audit reason says why, and the complainant is told they may go to the Ombudsman.
     */
    record Refuse(@NotNull Exclusion exclusion) implements Command {
        @Override
        public CommandType type() {
            return CommandType.REFUSE;
        }
    }

    /**
     * Refuses the complainant's request for the next stage (corporate and housing procedures); the audit reason
     * says why, as the Codes require.
     */
    record RefuseEscalation() implements Command {
        @Override
        public CommandType type() {
            return CommandType.REFUSE_ESCALATION;
        }
    }

    /** Records the complaint's themes (codes of the council's taxonomy), replacing any recorded before. */
    record RecordThemes(@NotNull @Size(min = 1, max = 10) Set<@NotNull String> themes) implements Command {
        /** The themes with these codes. */
        public static RecordThemes of(String... codes) {
            return new RecordThemes(Set.of(codes));
        }

        @Override
        public CommandType type() {
            return CommandType.RECORD_THEMES;
        }
    }

    /** The Ombudsman made enquiries about a complaint referred to it. */
    record RecordOmbudsmanEnquiry() implements Command {
        @Override
        public CommandType type() {
            return CommandType.RECORD_OMBUDSMAN_ENQUIRY;
        }
    }

    /**
     * The Ombudsman's decision on a complaint referred to it, with the remedies it recommended (only when
     * upheld), a payment's amount (with a financial remedy, and only then) and the day the council must comply
     * by (with remedies, and only then).
     */
    record RecordOmbudsmanDecision(@NotNull OmbudsmanDecision decision, @NotNull Set<@NotNull Remedy> remedies,
            @NotNull Optional<Money> payment, @NotNull Optional<@SupportedDate LocalDate> remediesDue)
            implements Command {
        /** A decision recommending no remedy. */
        public static RecordOmbudsmanDecision of(OmbudsmanDecision decision) {
            return new RecordOmbudsmanDecision(decision, Set.of(), Optional.empty(), Optional.empty());
        }

        @Override
        public CommandType type() {
            return CommandType.RECORD_OMBUDSMAN_DECISION;
        }
    }

    /** The council complied with the Ombudsman's recommended remedies on {@code day} (not in the future). */
    record RecordOmbudsmanCompliance(@NotNull @SupportedDate LocalDate day) implements Command {
        @Override
        public CommandType type() {
            return CommandType.RECORD_OMBUDSMAN_COMPLIANCE;
        }
    }

    /**
     * Agrees a learning and service improvement action from this complaint: what will change (staff text,
     * published in the annual report, so no personal data), the service, the owner, the day it is due, and other
     * complaints the same learning came from.
     */
    record AgreeLearningAction(@NotNull @CleanText(max = 500) String action, @NotNull ServiceArea service,
            @NotNull @CleanText(max = 200) String owner, @NotNull @SupportedDate LocalDate due,
            @NotNull @Size(max = 50) Set<@NotNull ComplaintId> linked) implements Command {
        @Override
        public CommandType type() {
            return CommandType.AGREE_LEARNING_ACTION;
        }
    }

    /** Records that learning action {@code number} of this complaint was done on {@code day}, with the evidence. */
    record CompleteLearningAction(@Positive int number, @NotNull @SupportedDate LocalDate day,
            @NotNull @CleanText(max = 500) String evidence) implements Command {
        @Override
        public CommandType type() {
            return CommandType.COMPLETE_LEARNING_ACTION;
        }
    }

    /**
     * Records that a letter or email went to the complainant: which letter (a code of lower-case letters, digits and
     * hyphens, such as {@code acknowledgement}) and the sending service's id of the message.
     */
    record RecordLetterSent(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String letter,
            @NotNull @CleanText(max = 100) String notificationId) implements Command {
        @Override
        public CommandType type() {
            return CommandType.RECORD_LETTER_SENT;
        }
    }
}
