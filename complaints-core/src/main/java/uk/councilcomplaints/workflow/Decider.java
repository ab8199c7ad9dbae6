package uk.councilcomplaints.workflow;

import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.learning.CaseRecord;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Status;

/** Turns a command on a complaint into the event it causes and the status it leads to, or rejects it. */
final class Decider {

    record Decision(EventData data, Status to) {
    }

    private Decider() {
    }

    static Decision decide(GuardContext ctx) {
        Complaint c = ctx.complaint();
        Command command = ctx.command();
        Transition row = Transitions.find(command.type(), c.status()).orElseThrow(() ->
                new CommandRejectedException(c, command.type(), "not allowed from " + c.status(),
                        Guards.allowedNow(ctx)));
        if (Guards.reasonRequired(command) && ctx.audit().reason().isEmpty()) {
            throw new InvalidCommandException(command.type().name(),
                    List.of(new Violation("reason", "is required to " + command.type()
                            + (command.type() == CommandType.ESCALATE ? " accepting a late request" : ""))));
        }
        Optional<String> refusal = Guards.check(ctx);
        if (refusal.isPresent()) {
            throw new CommandRejectedException(c, command.type(), refusal.get(), Guards.allowedNow(ctx));
        }
        Status to = target(row, c, command);
        return new Decision(eventOf(ctx), to);
    }

    private static Status target(Transition row, Complaint c, Command command) {
        if (row.keepsStatus()) {
            return c.status();
        }
        if (row.to().size() == 1) {
            return row.to().iterator().next();
        }
        Status chosen;
        if (command instanceof Command.Reclassify r) {
            chosen = r.classification() == Classification.SERVICE_REQUEST ? Status.SERVICE_REQUEST : Status.SIGNPOSTED;
        } else if (command instanceof Command.Close close) {
            chosen = close.reason() == ClosureReason.WITHDRAWN ? Status.WITHDRAWN
                    : close.reason() == ClosureReason.DUPLICATE ? Status.DUPLICATE : Status.OUT_OF_TIME;
        } else {
            throw new IllegalStateException("no target chosen by " + command.type());
        }
        return chosen;
    }

    private static EventData eventOf(GuardContext ctx) {
        Complaint c = ctx.complaint();
        Command command = ctx.command();
        if (command instanceof Command.Triage t) {
            return new EventData.Triaged(t.procedure().orElse(c.procedure()), t.serviceArea().orElse(c.serviceArea()));
        } else if (command instanceof Command.Reclassify r) {
            return new EventData.Reclassified(r.classification());
        } else if (command instanceof Command.Allocate a) {
            return new EventData.Allocated(a.officer(), a.team());
        } else if (command instanceof Command.Acknowledge) {
            return new EventData.Acknowledged();
        } else if (command instanceof Command.SendToService) {
            return new EventData.SentToService();
        } else if (command instanceof Command.SubmitDraft) {
            return new EventData.DraftSubmitted();
        } else if (command instanceof Command.Respond r) {
            return new EventData.Responded(r.outcome(), r.remedies(), r.payment());
        } else if (command instanceof Command.Escalate e) {
            return new EventData.Escalated(c.stage().next().orElseThrow(), e.acceptLateRequest());
        } else if (command instanceof Command.ReferToOmbudsman) {
            return new EventData.ReferredToOmbudsman();
        } else if (command instanceof Command.Close close) {
            return new EventData.Closed(close.reason(), close.duplicateOf());
        } else if (command instanceof Command.AcceptLate) {
            return new EventData.AcceptedLate();
        } else if (command instanceof Command.Extend e) {
            return new EventData.Extended(e.workingDays());
        } else if (command instanceof Command.AgreeResponseDate a) {
            return new EventData.ResponseDateAgreed(a.date());
        } else if (command instanceof Command.Pause) {
            return new EventData.Paused();
        } else if (command instanceof Command.Resume) {
            return new EventData.Resumed();
        } else if (command instanceof Command.RecordPanelMeeting) {
            return new EventData.PanelMet();
        } else if (command instanceof Command.RecordPanelReport) {
            return new EventData.PanelReported();
        } else if (command instanceof Command.ErasePersonalData) {
            return new EventData.PersonalDataErased();
        }
        return recordKeeping(ctx);
    }

    /** The events of the commands that keep the record (refusals, themes, the Ombudsman, learning). */
    private static EventData recordKeeping(GuardContext ctx) {
        Complaint c = ctx.complaint();
        Command command = ctx.command();
        if (command instanceof Command.Refuse r) {
            return EventData.Reclassified.refused(r.exclusion());
        } else if (command instanceof Command.RefuseEscalation) {
            return new EventData.EscalationRefused(c.stage().next().orElseThrow());
        } else if (command instanceof Command.RecordThemes t) {
            return new EventData.ThemesRecorded(t.themes());
        } else if (command instanceof Command.RecordOmbudsmanEnquiry) {
            return new EventData.OmbudsmanEnquiryReceived();
        } else if (command instanceof Command.RecordOmbudsmanDecision d) {
            return new EventData.OmbudsmanDecided(d.decision(), d.remedies(), d.payment(), d.remediesDue());
        } else if (command instanceof Command.RecordOmbudsmanCompliance d) {
            return new EventData.OmbudsmanRemedyComplied(d.day());
        } else if (command instanceof Command.AgreeLearningAction a) {
            return new EventData.LearningActionAgreed(CaseRecord.of(ctx.history()).learningActions().size() + 1, a.action(),
                    a.service(), a.owner(), a.due(), a.linked());
        } else if (command instanceof Command.CompleteLearningAction a) {
            return new EventData.LearningActionDone(a.number(), a.day(), a.evidence());
        } else if (command instanceof Command.RecordLetterSent l) {
            return new EventData.LetterSent(l.letter(), l.notificationId());
        }
        throw new IllegalStateException("unknown command " + command);
    }
}
