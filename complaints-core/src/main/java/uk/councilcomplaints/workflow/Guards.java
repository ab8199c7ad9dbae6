package uk.councilcomplaints.workflow;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.ClockState;

/**
 * The guards of the transition table: rules that look beyond the status. Each returns why the command is
 * not allowed, or empty when it is. Commands that move an SLA clock, accept a late complaint or erase
 * personal data also need a reason.
 */
final class Guards {


    interface Guard {
        Optional<String> check(GuardContext ctx);
    }

    private static final Map<CommandType, Guard> GUARDS = new EnumMap<>(CommandType.class);

    static {
        GUARDS.put(CommandType.RECLASSIFY, ctx -> {
            Command.Reclassify r = (Command.Reclassify) ctx.command();
            return r.classification() == Classification.COMPLAINT
                    ? Optional.of("reclassify to SERVICE_REQUEST or NOT_COUNCIL_COMPLAINT; TRIAGE confirms a complaint")
                    : Optional.empty();
        });
        GUARDS.put(CommandType.ALLOCATE, ctx -> {
            Command.Allocate a = (Command.Allocate) ctx.command();
            Complaint c = ctx.complaint();
            return c.procedure() == Procedure.CORPORATE && c.stage() == Stage.STAGE_2
                    && c.previousStageOfficer().equals(Optional.of(a.officer()))
                    ? Optional.of("corporate stage 2 must be handled by a different officer than stage 1 ("
                            + a.officer() + ")")
                    : Optional.empty();
        });
        GUARDS.put(CommandType.ESCALATE, ctx -> {
            Complaint c = ctx.complaint();
            if (c.procedure() == Procedure.ADULT_SOCIAL_CARE) {
                return Optional.of("adult social care complaints have one stage; record REFER_TO_OMBUDSMAN instead");
            }
            return c.stage() == c.procedure().lastStage()
                    ? Optional.of(c.stage() + " is the last stage of " + c.procedure()
                            + "; record REFER_TO_OMBUDSMAN instead")
                    : Optional.empty();
        });
        GUARDS.put(CommandType.REFER_TO_OMBUDSMAN, ctx -> {
            Complaint c = ctx.complaint();
            if (c.referredToOmbudsman()) {
                return Optional.of("a referral to the Ombudsman is already recorded");
            }
            return c.stage() != c.procedure().lastStage()
                    ? Optional.of("the complaint is at " + c.stage() + " of " + c.procedure()
                            + "; the Ombudsman comes after " + c.procedure().lastStage() + " (ESCALATE first)")
                    : Optional.empty();
        });
        GUARDS.put(CommandType.CLOSE, Guards::checkClose);
        GUARDS.put(CommandType.ACCEPT_LATE, ctx -> {
            Complaint c = ctx.complaint();
            if (c.acceptedLate()) {
                return Optional.of("it was already accepted late");
            }
            return isLate(c) ? Optional.empty()
                    : Optional.of("it was made within 12 months of the matter, so it is not late");
        });
        GUARDS.put(CommandType.EXTEND, ctx -> {
            Complaint c = ctx.complaint();
            int requested = ((Command.Extend) ctx.command()).workingDays();
            int max = ctx.sla().policy().target(c.procedure(), c.stage()).maxExtensionWorkingDays();
            if (c.extensionWorkingDays() + requested > max) {
                return Optional.of(String.format(
                        "an extension of %d working days would make %d in total; the limit for %s %s is %d",
                        requested, c.extensionWorkingDays() + requested, c.procedure(), c.stage(), max));
            }
            return beforeResponseDeadline(ctx, "an extension");
        });
        GUARDS.put(CommandType.AGREE_RESPONSE_DATE, ctx -> {
            Complaint c = ctx.complaint();
            LocalDate date = ((Command.AgreeResponseDate) ctx.command()).date();
            if (c.procedure() != Procedure.ADULT_SOCIAL_CARE) {
                return Optional.of("an agreed response date applies to adult social care complaints; "
                        + c.procedure() + " uses EXTEND");
            }
            LocalDate received = LondonDays.dayOf(c.receivedAt());
            if (date.isBefore(received)) {
                return Optional.of("the agreed date " + date + " is before receipt " + received);
            }
            Optional<Period> limit = ctx.sla().policy().target(c.procedure(), c.stage()).responseLimit();
            if (limit.isPresent()) {
                LocalDate expires = received.plus(limit.get());
                LocalDate agreedOn = LondonDays.dayOf(ctx.occurredAt());
                if (date.isAfter(expires) && agreedOn.isAfter(expires)) {
                    return Optional.of("a response period longer than " + limit.get()
                            + " must be agreed before it expires on " + expires);
                }
            }
            return beforeResponseDeadline(ctx, "a new response date");
        });
        GUARDS.put(CommandType.PAUSE, ctx -> {
            Complaint c = ctx.complaint();
            if (!ctx.sla().policy().pauseAllowed(c.procedure())) {
                return Optional.of("the council's policy does not allow pausing " + c.procedure() + " complaints");
            }
            return c.paused() ? Optional.of("the clock is already paused") : Optional.empty();
        });
        GUARDS.put(CommandType.RESUME, ctx -> ctx.complaint().paused() ? Optional.empty()
                : Optional.of("the clock is not paused"));
        GUARDS.put(CommandType.ERASE_PERSONAL_DATA, ctx -> ctx.complaint().personalDataErased()
                ? Optional.of("its personal data was already erased") : Optional.empty());
    }

    /** Commands that must give a reason. */
    private static final Set<CommandType> REASON_REQUIRED = EnumSet.of(CommandType.ACCEPT_LATE,
            CommandType.EXTEND, CommandType.AGREE_RESPONSE_DATE, CommandType.PAUSE, CommandType.RESUME,
            CommandType.ERASE_PERSONAL_DATA);

    private Guards() {
    }

    /** Why the command is not allowed for this complaint, or empty. */
    static Optional<String> check(GuardContext ctx) {
        Guard guard = GUARDS.get(ctx.command().type());
        return guard == null ? Optional.empty() : guard.check(ctx);
    }

    /** Whether {@code type} must be given a reason. */
    static boolean reasonRequired(CommandType type) {
        return REASON_REQUIRED.contains(type);
    }

    /** Whether the complaint was received more than 12 months after the matter. */
    static boolean isLate(Complaint c) {
        return c.matterDate().map(m -> LondonDays.dayOf(c.receivedAt()).isAfter(m.plusMonths(12)))
                .orElse(false);
    }

    /** Clocks stretch only by agreement before the deadline: after it, the breach stands. */
    private static Optional<String> beforeResponseDeadline(GuardContext ctx, String what) {
        return ctx.sla().responseClock(ctx.history(), ctx.occurredAt())
                .filter(clock -> clock.state() == ClockState.BREACHED)
                .map(clock -> "the response was due by the end of " + clock.dueDate() + "; " + what
                        + " must be agreed before the deadline");
    }

    private static Optional<String> checkClose(GuardContext ctx) {
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
}
