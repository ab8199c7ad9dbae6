package uk.councilcomplaints.workflow;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.event.EventType;
import uk.councilcomplaints.learning.CaseRecord;
import uk.councilcomplaints.learning.LearningAction;
import uk.councilcomplaints.learning.OmbudsmanCase;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.ClockState;
import uk.councilcomplaints.sla.StageTarget;

/**
 * The guards of the transition table: rules that look beyond the status. Each returns why the command is
 * not allowed, or empty when it is. Commands that move an SLA clock, accept a late complaint or a late
 * request for the next stage, or erase personal data also need a reason.
 */
final class Guards {

    /** Children's social care: the next stage may be requested within 20 working days of a response (SI 2006/1738). */
    static final int CHILDRENS_REQUEST_WINDOW_WORKING_DAYS = 20;

    private Guards() {
    }

    /** Why the command is not allowed for this complaint, or empty: the guard of its command, if it has one. */
    static Optional<String> check(GuardContext ctx) {
        return standing(ctx.command().type(), ctx).or(() -> onTheCommand(ctx));
    }

    /**
     * The commands the complaint's status allows that no guard refuses whatever their values and date: what an
     * officer can do now. {@code ctx}'s command is not looked at.
     */
    static Set<CommandType> allowedNow(GuardContext ctx) {
        Set<CommandType> allowed = EnumSet.noneOf(CommandType.class);
        for (CommandType type : Transitions.allowedFrom(ctx.complaint().status())) {
            if (standing(type, ctx).isEmpty()) {
                allowed.add(type);
            }
        }
        return allowed;
    }

    /** Why a command of {@code type} is refused for this complaint whatever its values and date, or empty. */
    private static Optional<String> standing(CommandType type, GuardContext ctx) {
        // switches, not maps of lambdas filled in a static initializer: PIT takes those lambdas for
        // class-initialisation code and does not mutate them
        return switch (type) {
            case ESCALATE -> escalate(ctx);
            case RESPOND -> respond(ctx);
            case RECORD_PANEL_MEETING -> recordPanelMeeting(ctx);
            case RECORD_PANEL_REPORT -> recordPanelReport(ctx);
            case REFER_TO_OMBUDSMAN -> referToOmbudsman(ctx);
            case ACCEPT_LATE -> acceptLate(ctx);
            case AGREE_RESPONSE_DATE -> agreeResponseDateProcedure(ctx);
            case PAUSE -> pausable(ctx);
            case RESUME -> resume(ctx);
            case ERASE_PERSONAL_DATA -> erasePersonalData(ctx);
            case REFUSE_ESCALATION -> refuseEscalation(ctx);
            case RECORD_OMBUDSMAN_ENQUIRY, RECORD_OMBUDSMAN_DECISION -> beforeOmbudsmanDecision(ctx);
            case RECORD_OMBUDSMAN_COMPLIANCE -> remediesOutstanding(ctx);
            case COMPLETE_LEARNING_ACTION -> learningActionOpen(ctx);
            default -> Optional.empty();
        };
    }

    /** Why the command is refused for its values or its date, once {@link #standing} allows its type. */
    private static Optional<String> onTheCommand(GuardContext ctx) {
        return switch (ctx.command().type()) {
            case RECLASSIFY -> reclassify(ctx);
            case ALLOCATE -> allocate(ctx);
            case ESCALATE -> checkRequestWindow(ctx);
            case CLOSE -> close(ctx);
            case EXTEND -> extend(ctx);
            case AGREE_RESPONSE_DATE -> agreeResponseDate(ctx);
            case PAUSE -> beforeResponseDeadline(ctx, "a pause");
            case RECORD_OMBUDSMAN_DECISION -> ombudsmanDecision(ctx);
            case RECORD_OMBUDSMAN_COMPLIANCE -> ombudsmanCompliance(ctx);
            case AGREE_LEARNING_ACTION -> agreeLearningAction(ctx);
            case COMPLETE_LEARNING_ACTION -> completeLearningAction(ctx);
            default -> Optional.empty();
        };
    }

    private static Optional<String> reclassify(GuardContext ctx) {
        Command.Reclassify r = (Command.Reclassify) ctx.command();
        return r.classification() == Classification.COMPLAINT
                ? Optional.of("reclassify to SERVICE_REQUEST or NOT_COUNCIL_COMPLAINT; TRIAGE confirms a complaint")
                : Optional.empty();
    }

    private static Optional<String> allocate(GuardContext ctx) {
        Command.Allocate a = (Command.Allocate) ctx.command();
        Complaint c = ctx.complaint();
        return (c.procedure() == Procedure.CORPORATE || c.procedure() == Procedure.HOUSING)
                && c.stage() == Stage.STAGE_2
                && c.previousStageOfficer().equals(Optional.of(a.officer()))
                ? Optional.of((c.procedure() == Procedure.HOUSING ? "housing" : "corporate")
                        + " stage 2 must be handled by a different officer than stage 1 (" + a.officer() + ")")
                : Optional.empty();
    }

    private static Optional<String> escalate(GuardContext ctx) {
        Complaint c = ctx.complaint();
        if (c.procedure() == Procedure.ADULT_SOCIAL_CARE) {
            return Optional.of("adult social care complaints have one stage; record REFER_TO_OMBUDSMAN instead");
        }
        return c.stage() == c.procedure().lastStage()
                ? Optional.of(c.stage() + " is the last stage of " + c.procedure()
                        + "; record REFER_TO_OMBUDSMAN instead")
                : Optional.empty();
    }

    private static Optional<String> respond(GuardContext ctx) {
        return atChildrensStage3(ctx.complaint()) && !sinceStageStarted(ctx, EventType.PANEL_REPORTED)
                ? Optional.of("at stage 3 the council responds to the review panel's report; record"
                        + " RECORD_PANEL_REPORT first")
                : Optional.empty();
    }

    private static Optional<String> recordPanelMeeting(GuardContext ctx) {
        if (!atChildrensStage3(ctx.complaint())) {
            return Optional.of(notAtStage3(ctx.complaint()));
        }
        return sinceStageStarted(ctx, EventType.PANEL_MET)
                ? Optional.of("the review panel's meeting is already recorded") : Optional.empty();
    }

    private static Optional<String> recordPanelReport(GuardContext ctx) {
        if (!atChildrensStage3(ctx.complaint())) {
            return Optional.of(notAtStage3(ctx.complaint()));
        }
        if (!sinceStageStarted(ctx, EventType.PANEL_MET)) {
            return Optional.of("the review panel reports after it meets; record RECORD_PANEL_MEETING first");
        }
        return sinceStageStarted(ctx, EventType.PANEL_REPORTED)
                ? Optional.of("the review panel's report is already recorded") : Optional.empty();
    }

    private static Optional<String> referToOmbudsman(GuardContext ctx) {
        Complaint c = ctx.complaint();
        if (c.referredToOmbudsman()) {
            return Optional.of("a referral to the Ombudsman is already recorded");
        }
        return c.stage() != c.procedure().lastStage()
                ? Optional.of("the complaint is at " + c.stage() + " of " + c.procedure()
                        + "; the Ombudsman comes after " + c.procedure().lastStage() + " (ESCALATE first)")
                : Optional.empty();
    }

    private static Optional<String> acceptLate(GuardContext ctx) {
        Complaint c = ctx.complaint();
        if (c.acceptedLate()) {
            return Optional.of("it was already accepted late");
        }
        return isLate(c) ? Optional.empty()
                : Optional.of("it was made within 12 months of the matter, so it is not late");
    }

    private static Optional<String> extend(GuardContext ctx) {
        Complaint c = ctx.complaint();
        int requested = ((Command.Extend) ctx.command()).workingDays();
        int max = ctx.sla().policy().target(c.procedure(), c.stage()).maxExtensionWorkingDays();
        if (c.extensionWorkingDays() + requested > max) {
            return Optional.of(String.format(
                    "an extension of %d working days would make %d in total; the limit for %s %s is %d",
                    requested, c.extensionWorkingDays() + requested, c.procedure(), c.stage(), max));
        }
        return beforeResponseDeadline(ctx, "an extension");
    }

    private static Optional<String> agreeResponseDateProcedure(GuardContext ctx) {
        Procedure procedure = ctx.complaint().procedure();
        return procedure != Procedure.ADULT_SOCIAL_CARE
                ? Optional.of("an agreed response date applies to adult social care complaints; " + procedure
                        + " uses EXTEND")
                : Optional.empty();
    }

    private static Optional<String> agreeResponseDate(GuardContext ctx) {
        Complaint c = ctx.complaint();
        LocalDate date = ((Command.AgreeResponseDate) ctx.command()).date();
        LocalDate agreedOn = LondonDays.dayOf(ctx.occurredAt());
        if (date.isBefore(agreedOn)) {
            return Optional.of("the agreed date " + date + " is before the day it was agreed, " + agreedOn);
        }
        StageTarget target = ctx.sla().policy().target(c.procedure(), c.stage());
        Optional<LocalDate> expires = target.responseLimitEnds(LondonDays.dayOf(c.receivedAt()));
        if (expires.isPresent() && date.isAfter(expires.get()) && agreedOn.isAfter(expires.get())) {
            return Optional.of("a response period longer than " + target.responseLimit().orElseThrow()
                    + " from receipt must be agreed before it ends on " + expires.get());
        }
        return beforeResponseDeadline(ctx, "a new response date");
    }

    private static Optional<String> pausable(GuardContext ctx) {
        Complaint c = ctx.complaint();
        if (!ctx.sla().policy().pauseAllowed(c.procedure())) {
            return Optional.of("the council's policy does not allow pausing " + c.procedure() + " complaints");
        }
        return c.paused() ? Optional.of("the clock is already paused") : Optional.empty();
    }

    private static Optional<String> resume(GuardContext ctx) {
        return ctx.complaint().paused() ? Optional.empty() : Optional.of("the clock is not paused");
    }

    private static Optional<String> erasePersonalData(GuardContext ctx) {
        return ctx.complaint().personalDataErased() ? Optional.of("its personal data was already erased")
                : Optional.empty();
    }

    /** Whether {@code command} must be given a reason. */
    static boolean reasonRequired(Command command) {
        return command.type().reasonRequired()
                || command instanceof Command.Escalate e && e.acceptLateRequest();
    }

    /** Whether the complaint was received more than 12 months after the matter. */
    static boolean isLate(Complaint c) {
        return c.matterDate().map(m -> LondonDays.dayOf(c.receivedAt()).isAfter(m.plusMonths(12)))
                .orElse(false);
    }

    /**
     * Children's social care: the next stage must be requested within 20 working days of the response, or
     * accepted late explicitly. Only that procedure has such a window.
     */
    private static Optional<String> checkRequestWindow(GuardContext ctx) {
        Complaint c = ctx.complaint();
        boolean accepting = ((Command.Escalate) ctx.command()).acceptLateRequest();
        if (c.procedure() != Procedure.CHILDRENS_SOCIAL_CARE) {
            return accepting ? Optional.of(c.procedure() + " sets no window for requesting the next stage, so no"
                    + " request is late") : Optional.empty();
        }
        LocalDate responded = LondonDays.dayOf(c.respondedAt().orElseThrow());
        LocalDate windowEnds = ctx.sla().calendar().plusWorkingDays(responded, CHILDRENS_REQUEST_WINDOW_WORKING_DAYS);
        boolean late = LondonDays.dayOf(ctx.occurredAt()).isAfter(windowEnds);
        String window = c.stage().next().orElseThrow() + " may be requested within "
                + CHILDRENS_REQUEST_WINDOW_WORKING_DAYS + " working days of the " + c.stage() + " response of "
                + responded + ", by the end of " + windowEnds;
        if (late && !accepting) {
            return Optional.of(window + "; to accept a later request, escalate with"
                    + " Command.Escalate.acceptingLateRequest() and a reason");
        }
        if (!late && accepting) {
            return Optional.of(window + ", so this request is not late");
        }
        return Optional.empty();
    }

    private static boolean atChildrensStage3(Complaint c) {
        return c.procedure() == Procedure.CHILDRENS_SOCIAL_CARE && c.stage() == Stage.STAGE_3;
    }

    private static String notAtStage3(Complaint c) {
        return "a review panel sits at stage 3 of CHILDRENS_SOCIAL_CARE; this complaint is at " + c.stage() + " of "
                + c.procedure();
    }

    /**
     * Whether an event of {@code type} was recorded in the complaint's current stage. Review panel events
     * happen only at children's stage 3, the last stage, so any in the history is of the current stage.
     */
    private static boolean sinceStageStarted(GuardContext ctx, EventType type) {
        return ctx.history().events().stream().anyMatch(e -> e.type() == type);
    }

    /** Clocks stretch only by agreement before the deadline: after it, the breach stands. */
    private static Optional<String> beforeResponseDeadline(GuardContext ctx, String what) {
        return ctx.sla().responseClock(ctx.history(), ctx.occurredAt())
                .filter(clock -> clock.state() == ClockState.BREACHED)
                .map(clock -> "the response was due by the end of " + clock.dueDate() + "; " + what
                        + " must be agreed before the deadline");
    }

    private static Optional<String> close(GuardContext ctx) {
        Command.Close close = (Command.Close) ctx.command();
        Complaint c = ctx.complaint();
        if (close.reason() != ClosureReason.DUPLICATE) {
            if (close.duplicateOf().isPresent()) {
                return Optional.of("only a DUPLICATE closure names an original");
            }
            if (close.reason() == ClosureReason.OUT_OF_TIME) {
                if (c.acceptedLate()) {
                    return Optional.of("it was accepted late with a recorded reason");
                }
                if (!isLate(c)) {
                    return Optional.of(c.matterDate().isEmpty()
                            ? "out of time needs the matter date, which is not recorded"
                            : "it was received within 12 months of the matter (" + c.matterDate().get() + ")");
                }
            }
            return Optional.empty();
        }
        if (close.duplicateOf().isEmpty()) {
            return Optional.of("a DUPLICATE closure must name the original complaint");
        }
        if (close.duplicateOf().get().equals(c.id())) {
            return Optional.of("a complaint cannot be a duplicate of itself");
        }
        return ctx.lookup().apply(close.duplicateOf().get()).isPresent() ? Optional.empty()
                : Optional.of("the original complaint " + close.duplicateOf().get() + " does not exist");
    }

    /** Only the corporate and housing procedures may refuse a request for the next stage, and only before the last. */
    private static Optional<String> refuseEscalation(GuardContext ctx) {
        Complaint c = ctx.complaint();
        if (c.procedure() == Procedure.ADULT_SOCIAL_CARE || c.procedure() == Procedure.CHILDRENS_SOCIAL_CARE) {
            return Optional.of("the statutory social care procedures give the complainant the next stage;"
                    + " only the corporate and housing procedures may refuse it");
        }
        return escalate(ctx);
    }

    /** The Ombudsman's involvement follows a recorded referral, and ends with its decision. */
    private static Optional<String> beforeOmbudsmanDecision(GuardContext ctx) {
        if (!ctx.complaint().referredToOmbudsman()) {
            return Optional.of("no referral to the Ombudsman is recorded; record REFER_TO_OMBUDSMAN first");
        }
        return CaseRecord.of(ctx.history()).ombudsman().flatMap(OmbudsmanCase::decidedOn)
                .map(day -> "the Ombudsman's decision of " + day + " is already recorded");
    }

    private static Optional<String> remediesOutstanding(GuardContext ctx) {
        Optional<OmbudsmanCase> record = CaseRecord.of(ctx.history()).ombudsman();
        if (record.isEmpty() || record.get().remediesDue().isEmpty()) {
            return Optional.of("no remedy recommended by the Ombudsman is recorded; record RECORD_OMBUDSMAN_DECISION"
                    + " with its remedies first");
        }
        return record.get().compliedOn().map(day -> "compliance with the Ombudsman's remedies is already recorded, on "
                + day);
    }

    private static Optional<String> ombudsmanDecision(GuardContext ctx) {
        Command.RecordOmbudsmanDecision d = (Command.RecordOmbudsmanDecision) ctx.command();
        LocalDate decided = LondonDays.dayOf(ctx.occurredAt());
        return d.remediesDue().filter(due -> due.isBefore(decided))
                .map(due -> "the remedies are due on " + due + ", before the decision recorded on " + decided);
    }

    private static Optional<String> ombudsmanCompliance(GuardContext ctx) {
        LocalDate day = ((Command.RecordOmbudsmanCompliance) ctx.command()).day();
        LocalDate decided = CaseRecord.of(ctx.history()).ombudsman().orElseThrow().decidedOn().orElseThrow();
        return notBetween(day, decided, LondonDays.dayOf(ctx.occurredAt()), "complied", "the decision");
    }

    private static Optional<String> agreeLearningAction(GuardContext ctx) {
        Command.AgreeLearningAction a = (Command.AgreeLearningAction) ctx.command();
        for (ComplaintId linked : a.linked()) {
            if (linked.equals(ctx.complaint().id())) {
                return Optional.of("an action is linked to other complaints; this one is its own");
            }
            if (ctx.lookup().apply(linked).isEmpty()) {
                return Optional.of("the linked complaint " + linked + " does not exist");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> learningActionOpen(GuardContext ctx) {
        List<LearningAction> actions = CaseRecord.of(ctx.history()).learningActions();
        return actions.stream().anyMatch(a -> a.doneOn().isEmpty()) ? Optional.empty()
                : Optional.of(actions.isEmpty() ? "no learning action is agreed on this complaint; AGREE_LEARNING_ACTION"
                        + " first" : "every learning action on this complaint is done");
    }

    private static Optional<String> completeLearningAction(GuardContext ctx) {
        Command.CompleteLearningAction done = (Command.CompleteLearningAction) ctx.command();
        List<LearningAction> actions = CaseRecord.of(ctx.history()).learningActions();
        if (done.number() > actions.size()) {
            return Optional.of("there is no learning action " + done.number() + " on this complaint (it has "
                    + actions.size() + ")");
        }
        LearningAction action = actions.get(done.number() - 1);
        if (action.doneOn().isPresent()) {
            return Optional.of("learning action " + done.number() + " was already done on " + action.doneOn().get());
        }
        return notBetween(done.day(), action.agreedOn(), LondonDays.dayOf(ctx.occurredAt()), "done",
                "the action was agreed");
    }

    /** Why {@code day} is refused unless it lies from {@code from} to {@code to}, both inclusive. */
    private static Optional<String> notBetween(LocalDate day, LocalDate from, LocalDate to, String what,
            String since) {
        if (day.isBefore(from)) {
            return Optional.of(what + " on " + day + " is before the day " + since + ", " + from);
        }
        return day.isAfter(to) ? Optional.of(what + " on " + day + " is after the day it is recorded as happening, "
                + to) : Optional.empty();
    }
}
