package uk.councilcomplaints.workflow;

import static uk.councilcomplaints.model.Status.ACKNOWLEDGED;
import static uk.councilcomplaints.model.Status.ALLOCATED;
import static uk.councilcomplaints.model.Status.DUPLICATE;
import static uk.councilcomplaints.model.Status.ESCALATED;
import static uk.councilcomplaints.model.Status.IN_REVIEW;
import static uk.councilcomplaints.model.Status.OUT_OF_TIME;
import static uk.councilcomplaints.model.Status.RECEIVED;
import static uk.councilcomplaints.model.Status.REFUSED;
import static uk.councilcomplaints.model.Status.RESPONDED;
import static uk.councilcomplaints.model.Status.SERVICE_REQUEST;
import static uk.councilcomplaints.model.Status.SIGNPOSTED;
import static uk.councilcomplaints.model.Status.TRIAGED;
import static uk.councilcomplaints.model.Status.WITHDRAWN;
import static uk.councilcomplaints.model.Status.WITH_SERVICE;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.councilcomplaints.model.Status;

/**
 * The status state machine in one table: which command may be issued from which status, and where it
 * leads. Guards that look beyond the status (a duplicate names an existing original, out of time only when
 * late, a different officer at corporate and housing stage 2, extension limits) are listed in {@link Guards}.
 *
 * <pre>
 *  RECEIVED --TRIAGE--> TRIAGED --ALLOCATE--> ALLOCATED --ACKNOWLEDGE--> ACKNOWLEDGED --SEND_TO_SERVICE--> WITH_SERVICE
 *     |                    |                                                  |                               |
 *     +--RECLASSIFY--------+--> SERVICE_REQUEST | SIGNPOSTED                  |                        SUBMIT_DRAFT
 *     +--REFUSE------------+--> REFUSED (an exclusion in the policy)          |                               |
 *                                                                             |                               v
 *  ESCALATED --ALLOCATE--> ALLOCATED              RESPONDED &lt;------RESPOND-----+------------------------ IN_REVIEW
 *      ^                                              |
 *      +-----------------ESCALATE---------------------+   (children's 1-2-3, corporate and housing 1-2; REFER_TO_OMBUDSMAN after the last stage)
 *
 *  any open status --CLOSE--> WITHDRAWN | DUPLICATE | OUT_OF_TIME
 *  open after triage: EXTEND, AGREE_RESPONSE_DATE, PAUSE, RESUME; RECORD_PANEL_MEETING, RECORD_PANEL_REPORT
 *                     (children's stage 3) keep the status
 *  RESPONDED: REFUSE_ESCALATION (corporate, housing); after REFER_TO_OMBUDSMAN, RECORD_OMBUDSMAN_ENQUIRY,
 *             RECORD_OMBUDSMAN_DECISION, RECORD_OMBUDSMAN_COMPLIANCE; all keep the status
 *  any status after triage as a complaint: RECORD_THEMES; once taken on: AGREE_LEARNING_ACTION,
 *             COMPLETE_LEARNING_ACTION; both keep the status
 *  any status: RECORD_LETTER_SENT (a letter or email to the complainant) keeps it
 * </pre>
 */
public final class Transitions {

    /** Statuses in which the complaint is still being handled ({@link Status#open()}). */
    private static final Set<Status> OPEN = Sets.immutableEnumSet(Stream.of(Status.values()).filter(Status::open)
            .toList());

    /** Open statuses after triage, in which a response clock runs. */
    private static final Set<Status> CLOCK_RUNNING =
            ImmutableSet.copyOf(EnumSet.of(TRIAGED, ESCALATED, ALLOCATED, ACKNOWLEDGED, WITH_SERVICE, IN_REVIEW));

    /** Every status of a complaint that triage did not turn away: themes may be recorded there. */
    private static final Set<Status> TRIAGED_AS_COMPLAINT = ImmutableSet.copyOf(EnumSet.complementOf(
            EnumSet.of(RECEIVED, SERVICE_REQUEST, SIGNPOSTED)));

    /** Every status of a complaint taken on: learning may come from it, whatever became of it. */
    private static final Set<Status> TAKEN_ON = ImmutableSet.copyOf(EnumSet.complementOf(
            EnumSet.of(RECEIVED, SERVICE_REQUEST, SIGNPOSTED, REFUSED)));

    private static final List<Transition> TABLE = ImmutableList.of(
            row(CommandType.TRIAGE, Set.of(RECEIVED), Set.of(TRIAGED)),
            row(CommandType.RECLASSIFY, Set.of(RECEIVED, TRIAGED), Set.of(SERVICE_REQUEST, SIGNPOSTED)),
            row(CommandType.ALLOCATE, Set.of(TRIAGED, ESCALATED), Set.of(ALLOCATED)),
            row(CommandType.ALLOCATE, Set.of(ALLOCATED, ACKNOWLEDGED, WITH_SERVICE, IN_REVIEW), Set.of()),
            row(CommandType.ACKNOWLEDGE, Set.of(ALLOCATED), Set.of(ACKNOWLEDGED)),
            row(CommandType.SEND_TO_SERVICE, Set.of(ACKNOWLEDGED, IN_REVIEW), Set.of(WITH_SERVICE)),
            row(CommandType.SUBMIT_DRAFT, Set.of(WITH_SERVICE), Set.of(IN_REVIEW)),
            row(CommandType.RESPOND, Set.of(ACKNOWLEDGED, WITH_SERVICE, IN_REVIEW), Set.of(RESPONDED)),
            row(CommandType.ESCALATE, Set.of(RESPONDED), Set.of(ESCALATED)),
            row(CommandType.REFER_TO_OMBUDSMAN, Set.of(RESPONDED), Set.of()),
            row(CommandType.CLOSE, OPEN, Set.of(WITHDRAWN, DUPLICATE, OUT_OF_TIME)),
            row(CommandType.ACCEPT_LATE, OPEN, Set.of()),
            row(CommandType.EXTEND, CLOCK_RUNNING, Set.of()),
            row(CommandType.AGREE_RESPONSE_DATE, CLOCK_RUNNING, Set.of()),
            row(CommandType.PAUSE, CLOCK_RUNNING, Set.of()),
            row(CommandType.RESUME, CLOCK_RUNNING, Set.of()),
            row(CommandType.RECORD_PANEL_MEETING, CLOCK_RUNNING, Set.of()),
            row(CommandType.RECORD_PANEL_REPORT, CLOCK_RUNNING, Set.of()),
            row(CommandType.ERASE_PERSONAL_DATA, EnumSet.allOf(Status.class), Set.of()),
            row(CommandType.REFUSE, Set.of(RECEIVED, TRIAGED), Set.of(REFUSED)),
            row(CommandType.REFUSE_ESCALATION, Set.of(RESPONDED), Set.of()),
            row(CommandType.RECORD_THEMES, TRIAGED_AS_COMPLAINT, Set.of()),
            row(CommandType.RECORD_OMBUDSMAN_ENQUIRY, Set.of(RESPONDED), Set.of()),
            row(CommandType.RECORD_OMBUDSMAN_DECISION, Set.of(RESPONDED), Set.of()),
            row(CommandType.RECORD_OMBUDSMAN_COMPLIANCE, Set.of(RESPONDED), Set.of()),
            row(CommandType.AGREE_LEARNING_ACTION, TAKEN_ON, Set.of()),
            row(CommandType.COMPLETE_LEARNING_ACTION, TAKEN_ON, Set.of()),
            row(CommandType.RECORD_LETTER_SENT, EnumSet.allOf(Status.class), Set.of()));

    private Transitions() {
    }

    /** Every row of the table. */
    public static List<Transition> table() {
        return TABLE;
    }

    /** The commands that may be issued from {@code status}, guards aside. */
    public static Set<CommandType> allowedFrom(Status status) {
        return TABLE.stream().filter(t -> t.from().contains(status)).map(Transition::command)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CommandType.class)));
    }

    /** The row for {@code command} from {@code status}, if the command is allowed there. */
    public static Optional<Transition> find(CommandType command, Status status) {
        return TABLE.stream().filter(t -> t.command() == command && t.from().contains(status)).findFirst();
    }

    private static Transition row(CommandType command, Set<Status> from, Set<Status> to) {
        return new Transition(command, from, to);
    }
}
