package uk.councilcomplaints.examples.bench;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventType;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.sla.SlaPolicy;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * The commands a complaints team issues in a working day, chosen for a complaint as it stands: mostly the
 * next step of its procedure (triage, allocate, acknowledge, send to the service, draft, respond), sometimes a
 * reclassification, a reallocation, a withdrawal, an extension, an agreed date or a pause, an escalation or a
 * referral to the Ombudsman after a response, the review panel at children's stage 3, and an erasure after
 * closure. Only commands the state and the guards allow; empty once nobody would act on the complaint again.
 */
final class CommandMix {

    private static final List<String> OFFICERS = List.of("a.patel", "b.jones", "c.okafor", "d.smith", "e.wu",
            "f.hughes", "g.martin", "h.ahmed");
    private static final List<String> TEAMS = List.of("Voice of the customer", "Recovery team");
    private static final int EXTENSION_WORKING_DAYS = 5;

    /** A command and the reason its audit gives, if any. */
    record Step(Command command, Optional<String> reason) {
        static Step of(Command command) {
            return new Step(command, Optional.empty());
        }

        static Step because(Command command, String reason) {
            return new Step(command, Optional.of(reason));
        }
    }

    private final SlaPolicy policy;

    CommandMix(SlaPolicy policy) {
        this.policy = policy;
    }

    /** A new contact received at {@code now}: three in ten adults, three in ten children's, the rest corporate. */
    static ReceiveContact contact(SplittableRandom random, Instant now) {
        Procedure procedure = BenchmarkData.procedure(random);
        ServiceArea area = BenchmarkData.area(procedure, random);
        int resident = random.nextInt(1_000_000);
        return ReceiveContact.of(procedure, area, Channel.values()[random.nextInt(Channel.values().length)], now,
                Complainant.named("Resident " + resident).withEmail("resident" + resident + "@example.org"),
                "Complaint about " + area.name() + ", contact " + resident);
    }

    /** The next command for the complaint, or empty when its handling is over. */
    Optional<Step> next(ComplaintHistory history, SplittableRandom random, Instant now) {
        Complaint c = history.current();
        int p = random.nextInt(100);
        Step step = switch (c.status()) {
            case RECEIVED -> p < 82 ? Step.of(Command.Triage.asReceived())
                    : p < 96 ? Step.of(reclassify(random)) : Step.of(Command.Close.withdrawn());
            case TRIAGED -> p < 92 ? allocate(c, random) : Step.of(reclassify(random));
            case ESCALATED -> allocate(c, random);
            case ALLOCATED -> p < 75 ? Step.of(new Command.Acknowledge())
                    : p < 85 ? allocate(c, random) : p < 95 ? stretch(c, now) : Step.of(Command.Close.withdrawn());
            case ACKNOWLEDGED -> p < 80 ? Step.of(new Command.SendToService())
                    : p < 90 ? respond(history, random) : stretch(c, now);
            case WITH_SERVICE -> p < 70 ? Step.of(new Command.SubmitDraft())
                    : p < 85 ? stretch(c, now) : p < 95 ? allocate(c, random) : Step.of(Command.Close.withdrawn());
            case IN_REVIEW -> p < 75 ? respond(history, random)
                    : p < 95 ? Step.of(new Command.SendToService()) : stretch(c, now);
            case RESPONDED -> afterResponse(c, p);
            case SERVICE_REQUEST, SIGNPOSTED, WITHDRAWN, DUPLICATE, OUT_OF_TIME, REFUSED -> p < 10 && !c.personalDataErased()
                    ? Step.because(new Command.ErasePersonalData(), "the complainant asked for erasure") : null;
        };
        return Optional.ofNullable(step);
    }

    private static Command reclassify(SplittableRandom random) {
        return new Command.Reclassify(random.nextInt(3) < 2 ? Classification.SERVICE_REQUEST
                : Classification.NOT_COUNCIL_COMPLAINT);
    }

    /** An officer other than the current one and, at a later stage, the previous stage's. */
    private static Step allocate(Complaint c, SplittableRandom random) {
        String officer;
        do {
            officer = OFFICERS.get(random.nextInt(OFFICERS.size()));
        } while (c.officer().equals(Optional.of(officer)) || c.previousStageOfficer().equals(Optional.of(officer)));
        return Step.of(new Command.Allocate(officer, TEAMS.get(random.nextInt(TEAMS.size()))));
    }

    /** The response; at children's stage 3 the review panel meets and reports first. */
    private static Step respond(ComplaintHistory history, SplittableRandom random) {
        Complaint c = history.current();
        if (c.procedure() == Procedure.CHILDRENS_SOCIAL_CARE && c.stage() == c.procedure().lastStage()) {
            boolean met = history.events().stream().anyMatch(e -> e.type() == EventType.PANEL_MET);
            boolean reported = history.events().stream().anyMatch(e -> e.type() == EventType.PANEL_REPORTED);
            if (!met) {
                return Step.of(new Command.RecordPanelMeeting());
            }
            if (!reported) {
                return Step.of(new Command.RecordPanelReport());
            }
        }
        Outcome outcome = Outcome.values()[random.nextInt(Outcome.values().length)];
        return Step.of(outcome == Outcome.NOT_UPHELD ? Command.Respond.with(outcome)
                : Command.Respond.with(outcome, Remedy.APOLOGY));
    }

    /**
     * Moves the response clock: resumes a paused clock; otherwise an agreed date (adults), an extension within
     * the stage's limit, or a pause where the policy allows; with nothing left to stretch, the step the
     * complaint is waiting for.
     */
    private Step stretch(Complaint c, Instant now) {
        if (c.paused()) {
            return Step.because(new Command.Resume(), "the complainant replied");
        }
        if (c.procedure() == Procedure.ADULT_SOCIAL_CARE) {
            return Step.because(new Command.AgreeResponseDate(LondonDays.dayOf(now).plusDays(40)),
                    "agreed with the complainant by phone");
        }
        int max = policy.target(c.procedure(), c.stage()).maxExtensionWorkingDays();
        if (c.extensionWorkingDays() + EXTENSION_WORKING_DAYS <= max) {
            return Step.because(new Command.Extend(EXTENSION_WORKING_DAYS), "the service needs more time");
        }
        if (policy.pauseAllowed(c.procedure())) {
            return Step.because(new Command.Pause(), "waiting for the complainant's documents");
        }
        return Step.of(switch (c.status()) {
            case ALLOCATED -> new Command.Acknowledge();
            case WITH_SERVICE -> new Command.SubmitDraft();
            default -> new Command.SendToService(); // acknowledged, or the draft back in review
        });
    }

    private static Step afterResponse(Complaint c, int p) {
        boolean lastStage = c.stage() == c.procedure().lastStage();
        if (c.procedure() != Procedure.ADULT_SOCIAL_CARE && !lastStage) {
            return p < 25 ? Step.of(new Command.Escalate()) : null;
        }
        return p < 10 && !c.referredToOmbudsman() ? Step.of(new Command.ReferToOmbudsman()) : null;
    }
}
