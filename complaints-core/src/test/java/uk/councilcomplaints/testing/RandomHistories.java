package uk.councilcomplaints.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.learning.CaseRecord;
import uk.councilcomplaints.learning.LearningAction;
import uk.councilcomplaints.learning.OmbudsmanCase;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Money;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.Theme;
import uk.councilcomplaints.model.Themes;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.CommandRejectedException;
import uk.councilcomplaints.workflow.CommandType;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;
import uk.councilcomplaints.workflow.Transitions;

/**
 * Plays random contacts and commands through the {@link Complaints} facade, each step decided by one
 * number, so property tests get valid histories (and QuickTheories shrinks them by dropping steps). Every
 * command type is tried where the state machine allows it (extensions, pauses, agreed dates, late acceptance,
 * duplicate and out-of-time closures, escalation to stages 2 and 3, erasure); guards refuse some, which
 * changes nothing. Steps mostly work on the latest few complaints, so that some go all the way. The clock
 * moves forward up to a day a step, sometimes to exactly midnight in London, sometimes into the next day
 * the clocks change (23 or 25 hours long), sometimes weeks ahead, so histories span years; late entries,
 * when allowed, are dated up to three days back with a reason.
 */
public final class RandomHistories {

    /** Where the clock starts: 10 March 2022, so histories cross the change to summer time. */
    public static final Instant START = Instant.parse("2022-03-10T09:00:00Z");
    public static final ServiceArea HIGHWAYS = ServiceArea.of("highways", "Highways");
    public static final List<ServiceArea> AREAS = List.of(ServiceArea.ADULTS, ServiceArea.CHILDRENS,
            ServiceArea.CORPORATE, ServiceArea.OTHER, HIGHWAYS);
    public static final List<String> OFFICERS = List.of("ann", "bob", "cy");
    public static final List<String> TEAMS = List.of("North", "South");

    /** The clock stops jumping ahead after this, well inside the working-day calendar. */
    private static final Instant NO_JUMPS_AFTER = Instant.parse("2030-01-01T00:00:00Z");

    private final Complaints complaints;
    private final SettableClock clock;
    private final List<ComplaintId> ids = new ArrayList<>();
    private final Map<CommandType, Integer> accepted = new EnumMap<>(CommandType.class);

    public RandomHistories(Complaints complaints, SettableClock clock) {
        this.complaints = complaints;
        this.clock = clock;
    }

    /** The complaints received so far, in order. */
    public List<ComplaintId> ids() {
        return ids;
    }

    /** How many times each command type was accepted so far. */
    public Map<CommandType, Integer> accepted() {
        return Collections.unmodifiableMap(accepted);
    }

    /** Plays one step per number; late entries (and late receipts) only if {@code lateEntries}. */
    public void play(List<Integer> steps, boolean lateEntries) {
        for (int step : steps) {
            Random r = new Random(step);
            moveClock(r);
            boolean late = lateEntries && r.nextInt(4) == 0;
            if (ids.isEmpty() || r.nextInt(5) == 0) {
                receive(r, late);
            } else {
                int recent = Math.min(3, ids.size());
                ComplaintId id = r.nextBoolean() ? ids.get(ids.size() - 1 - r.nextInt(recent))
                        : ids.get(r.nextInt(ids.size()));
                command(id, r, late);
            }
        }
    }

    private void moveClock(Random r) {
        Instant now = clock.instant();
        int move = r.nextInt(60);
        if (move < 10) {
            // exactly midnight in London: the boundary between two report days
            clock.set(LondonDays.startOf(LondonDays.dayOf(now).plusDays(1)));
        } else if (move < 13 && now.isBefore(NO_JUMPS_AFTER)) {
            // some time on the next day the clocks change: 23 hours in March, 25 in October
            ZoneOffsetTransition change = LondonDays.ZONE.getRules().nextTransition(now);
            LocalDate day = LondonDays.dayOf(change.getInstant());
            long minutes = Duration.between(LondonDays.startOf(day), LondonDays.endOf(day)).toMinutes();
            Instant at = LondonDays.startOf(day).plus(Duration.ofMinutes(r.nextInt((int) minutes)));
            clock.set(at.isAfter(now) ? at : now);
        } else if (move < 15 && now.isBefore(NO_JUMPS_AFTER)) {
            clock.advance(Duration.ofDays(20 + r.nextInt(100)));
        } else {
            clock.advance(Duration.ofMinutes(r.nextInt(1500)));
        }
    }

    private void receive(Random r, boolean late) {
        Instant now = clock.instant();
        Instant receivedAt = late ? now.minus(Duration.ofMinutes(1 + r.nextInt(4 * 24 * 60))) : now;
        Audit audit = late ? Audit.by("tester").because("late entry") : Audit.by("tester");
        ReceiveContact contact = ReceiveContact.of(pick(r, List.of(Procedure.values())), pick(r, AREAS), Channel.EMAIL,
                receivedAt, Complainant.named("R. Andom"), "random contact");
        LocalDate received = LondonDays.dayOf(receivedAt);
        switch (r.nextInt(4)) {
            case 0 -> contact = contact.withMatterDate(received.minusDays(370 + r.nextInt(300))); // late
            // not the day received itself: the validator's "past or present" is the UTC day, not London's
            case 1 -> contact = contact.withMatterDate(received.minusDays(1 + r.nextInt(90)));
            default -> {
            }
        }
        ids.add(complaints.receive(contact, audit).id());
    }

    private void command(ComplaintId id, Random r, boolean late) {
        Complaint c = complaints.get(id);
        List<Command> options = options(c, r);
        if (options.isEmpty()) {
            return;
        }
        Command command = pick(r, options);
        Audit audit = Audit.by("tester").because("random step");
        if (late) {
            Instant now = clock.instant();
            Instant earliest = c.lastOccurredAt().isAfter(now.minus(Duration.ofDays(3))) ? c.lastOccurredAt()
                    : now.minus(Duration.ofDays(3));
            long span = Duration.between(earliest, now).toMinutes();
            audit = audit.occurredAt(earliest.plus(Duration.ofMinutes(span == 0 ? 0 : r.nextInt((int) span))))
                    .because("late entry");
        }
        try {
            complaints.execute(id, command, audit);
            accepted.merge(command.type(), 1, Integer::sum);
        } catch (CommandRejectedException e) {
            // a guard said no (e.g. an extension past the limit): the history is unchanged
        }
    }

    private List<Command> options(Complaint c, Random r) {
        int officer = r.nextInt(OFFICERS.size());
        Command allocate = new Command.Allocate(OFFICERS.get(officer), TEAMS.get(officer % TEAMS.size()));
        Command respond = r.nextInt(5) == 0
                ? Command.Respond.withPayment(pick(r, List.of(Outcome.values())), new Money(1 + r.nextInt(100_000)))
                : Command.Respond.with(pick(r, List.of(Outcome.values())));
        Command refuse = new Command.Refuse(pick(r, List.of(Exclusion.values())));
        List<Command> options = new ArrayList<>(switch (c.status()) {
            case RECEIVED -> List.of(Command.Triage.asReceived(), Command.Triage.asReceived(),
                    Command.Triage.as(pick(r, List.of(Procedure.values())), pick(r, AREAS)),
                    new Command.Reclassify(Classification.SERVICE_REQUEST),
                    new Command.Reclassify(Classification.NOT_COUNCIL_COMPLAINT));
            case TRIAGED -> List.of(allocate, allocate, allocate, new Command.Reclassify(Classification.SERVICE_REQUEST));
            case ESCALATED -> List.of(allocate, allocate, allocate);
            case ALLOCATED -> List.of(new Command.Acknowledge(), new Command.Acknowledge(), new Command.Acknowledge(),
                    allocate);
            case ACKNOWLEDGED -> List.of(new Command.SendToService(), new Command.SendToService(), respond);
            case WITH_SERVICE -> List.of(new Command.SubmitDraft(), new Command.SubmitDraft(), respond);
            case IN_REVIEW -> List.of(new Command.SendToService(), respond, respond);
            case RESPONDED -> c.referredToOmbudsman() ? ombudsmanSteps(c, r)
                    : List.of(new Command.Escalate(), new Command.Escalate(), new Command.Escalate(),
                            new Command.ReferToOmbudsman());
            default -> List.of();
        });
        if ((c.status() == Status.RECEIVED || c.status() == Status.TRIAGED) && r.nextInt(8) == 0) {
            options.add(refuse);
        }
        if (c.status() == Status.RESPONDED && !c.referredToOmbudsman() && r.nextBoolean()) {
            options.add(new Command.RefuseEscalation());
        }
        if (c.status().open()) {
            // now and then: close, accept a late complaint, or move the SLA clock
            switch (r.nextInt(8)) {
                case 0 -> options.add(pick(r, List.of(Command.Close.withdrawn(), Command.Close.outOfTime(),
                        Command.Close.duplicateOf(ids.get(r.nextInt(ids.size()))))));
                case 1 -> options.add(new Command.AcceptLate());
                case 2 -> options.add(new Command.Extend(1 + r.nextInt(10)));
                case 3 -> options.add(new Command.AgreeResponseDate(
                        LondonDays.dayOf(clock.instant()).plusDays(5 + r.nextInt(60))));
                case 4 -> options.add(new Command.Pause());
                default -> {
                }
            }
            if (c.paused()) {
                options.add(new Command.Resume());
            }
            if (c.procedure() == Procedure.CHILDRENS_SOCIAL_CARE && c.stage() == Stage.STAGE_3) {
                // the review panel meets, then reports, before the council responds (guards refuse them out of order)
                options.add(new Command.RecordPanelMeeting());
                options.add(new Command.RecordPanelMeeting());
                options.add(new Command.RecordPanelReport());
                options.add(new Command.RecordPanelReport());
                options.add(new Command.RecordPanelReport());
            }
            if (c.procedure() == Procedure.ADULT_SOCIAL_CARE && r.nextInt(4) == 0) {
                options.add(new Command.AgreeResponseDate(LondonDays.dayOf(clock.instant()).plusDays(r.nextInt(90))));
            }
            options.removeIf(o -> !Transitions.allowedFrom(c.status()).contains(o.type()));
        }
        if (Transitions.allowedFrom(c.status()).contains(CommandType.RECORD_THEMES) && r.nextInt(12) == 0) {
            List<String> codes = Themes.DEFAULT.all().stream().map(Theme::code).toList();
            options.add(new Command.RecordThemes(Set.of(pick(r, codes))));
        }
        if (Transitions.allowedFrom(c.status()).contains(CommandType.AGREE_LEARNING_ACTION) && r.nextInt(12) == 0) {
            List<LearningAction> actions = CaseRecord.of(complaints.history(c.id())).learningActions();
            options.add(actions.isEmpty() || r.nextInt(3) == 0
                    ? new Command.AgreeLearningAction("Check letters before they go", pick(r, AREAS), "A. Manager",
                            LondonDays.dayOf(clock.instant()).plusDays(r.nextInt(60)), Set.of())
                    : new Command.CompleteLearningAction(1 + r.nextInt(actions.size()),
                            LondonDays.dayOf(c.lastOccurredAt()), "Checklist in use"));
        }
        if (r.nextInt(20) == 0) {
            options.add(new Command.RecordLetterSent(r.nextBoolean() ? "acknowledgement" : "response",
                    "notify-" + r.nextInt(1_000_000)));
        }
        if (!c.personalDataErased() && r.nextInt(12) == 0) {
            options.add(new Command.ErasePersonalData());
        }
        if (c.status() == Status.RESPONDED && c.referredToOmbudsman()) {
            options.removeIf(o -> o.type() == CommandType.REFER_TO_OMBUDSMAN);
        }
        return options;
    }

    /** The Ombudsman's part in order: an enquiry (mostly), its decision, the council's compliance with remedies. */
    private List<Command> ombudsmanSteps(Complaint c, Random r) {
        OmbudsmanCase o = CaseRecord.of(complaints.history(c.id())).ombudsman().orElseThrow();
        if (o.decision().isEmpty()) {
            return o.enquiryOn().isEmpty() ? List.of(new Command.RecordOmbudsmanEnquiry(),
                    new Command.RecordOmbudsmanEnquiry(), ombudsmanDecision(r)) : List.of(ombudsmanDecision(r));
        }
        return o.remediesDue().isPresent() && o.compliedOn().isEmpty()
                ? List.of(new Command.RecordOmbudsmanCompliance(LondonDays.dayOf(c.lastOccurredAt())))
                : List.of();
    }

    private Command ombudsmanDecision(Random r) {
        OmbudsmanDecision decision = pick(r, List.of(OmbudsmanDecision.values()));
        if (r.nextBoolean()) {
            return Command.RecordOmbudsmanDecision.of(decision == OmbudsmanDecision.UPHELD ? OmbudsmanDecision.NOT_UPHELD
                    : decision);
        }
        decision = OmbudsmanDecision.UPHELD;
        LocalDate due = LondonDays.dayOf(clock.instant()).plusDays(10 + r.nextInt(60));
        return r.nextBoolean()
                ? new Command.RecordOmbudsmanDecision(decision, Set.of(Remedy.APOLOGY), Optional.empty(), Optional.of(due))
                : new Command.RecordOmbudsmanDecision(decision, Set.of(Remedy.FINANCIAL_REMEDY, Remedy.APOLOGY),
                        Optional.of(Money.pounds(1 + r.nextInt(2000))), Optional.of(due));
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
