package uk.councilcomplaints.workflow;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.CleanText;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.ComplaintId;
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

    /** The response is sent to the complainant, with its finding and remedies. */
    record Respond(@NotNull Outcome outcome, @NotNull Set<@NotNull Remedy> remedies) implements Command {
        /** A response with no remedy. */
        public static Respond with(Outcome outcome, Remedy... remedies) {
            return new Respond(outcome, Set.of(remedies));
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
}
