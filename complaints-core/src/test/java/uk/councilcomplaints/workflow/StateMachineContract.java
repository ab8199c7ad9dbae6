package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.ComplaintsException;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.learning.CaseRecord;
import uk.councilcomplaints.learning.OmbudsmanCase;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintStore;

/**
 * Property tests of the state machine through the facade, run against every store: random sequences of
 * valid and invalid commands, late entries and out-of-order dates.
 */
public abstract class StateMachineContract {

    private SettableClock clock;
    private ComplaintStore store;
    private Complaints complaints;

    /** A store to test; may be shared between tests (each example makes its own complaints). */
    protected abstract ComplaintStore createStore();

    /** A fresh, empty store of the same kind, used as a copy. */
    protected abstract ComplaintStore createEmptyStore();

    @BeforeEach
    void setUp() {
        clock = SettableClock.at("2021-06-01T08:00:00Z");
        store = createStore();
        complaints = Complaints.builder(store).clock(clock).build();
    }

    /** The commands a step may issue; some are invalid or not allowed, on purpose. */
    private static final int KINDS = 35;

    private Command command(int kind, Complaint c, ComplaintId other) {
        return switch (kind) {
            case 0, 1 -> Command.Triage.asReceived();
            case 2 -> new Command.Reclassify(Classification.SERVICE_REQUEST);
            case 3 -> new Command.Reclassify(Classification.NOT_COUNCIL_COMPLAINT);
            case 4 -> new Command.Reclassify(Classification.COMPLAINT);
            case 5 -> new Command.Allocate("officer.a", "VoC");
            case 6 -> new Command.Allocate("officer.b", "VoC");
            case 7 -> new Command.Allocate(" ", "VoC");
            case 8, 9 -> new Command.Acknowledge();
            case 10 -> new Command.SendToService();
            case 11 -> new Command.SubmitDraft();
            case 12 -> new Command.Respond(Outcome.values()[c.version() % 3 == 0 ? 0 : 2], Set.of(Remedy.APOLOGY));
            case 13 -> new Command.Escalate();
            case 14 -> new Command.ReferToOmbudsman();
            case 15 -> Command.Close.withdrawn();
            case 16 -> Command.Close.duplicateOf(other);
            case 17 -> Command.Close.duplicateOf(c.id());
            case 18 -> Command.Close.outOfTime();
            case 19 -> new Command.AcceptLate();
            case 20 -> new Command.Extend(c.version() % 3 == 0 ? 30 : 5);
            case 21 -> new Command.AgreeResponseDate(LondonDays.dayOf(c.receivedAt()).plusDays(c.version() * 9L));
            case 22 -> c.paused() ? new Command.Resume() : new Command.Pause();
            case 23 -> c.paused() ? new Command.Resume() : new Command.ErasePersonalData();
            case 24 -> new Command.RecordPanelMeeting();
            case 25 -> new Command.RecordPanelReport();
            case 26 -> new Command.Refuse(Exclusion.values()[(int) (c.version() % Exclusion.values().length)]);
            case 27 -> new Command.RefuseEscalation();
            case 28 -> Command.RecordThemes.of(c.version() % 4 == 0 ? "not-a-theme" : "delay");
            case 29 -> new Command.RecordOmbudsmanEnquiry();
            case 30 -> c.version() % 3 == 0 ? Command.RecordOmbudsmanDecision.of(OmbudsmanDecision.NOT_UPHELD)
                    : new Command.RecordOmbudsmanDecision(OmbudsmanDecision.UPHELD, Set.of(Remedy.APOLOGY),
                            Optional.empty(), Optional.of(LondonDays.dayOf(clock.instant()).plusDays(20)));
            case 31 -> new Command.RecordOmbudsmanCompliance(LondonDays.dayOf(c.lastOccurredAt()));
            case 32 -> new Command.AgreeLearningAction("Named contact in letters", ServiceArea.CORPORATE, "Head of service",
                    LondonDays.dayOf(clock.instant()).plusDays(30), Set.of());
            case 33 -> CaseRecord.of(store.history(c.id())).learningActions().isEmpty()
                    ? new Command.AgreeLearningAction("Named contact in letters", ServiceArea.CORPORATE, "Head of service",
                            LondonDays.dayOf(clock.instant()).plusDays(30), Set.of(other))
                    : new Command.CompleteLearningAction(1, LondonDays.dayOf(c.lastOccurredAt()), "Template changed");
            case 34 -> new Command.RecordLetterSent(c.version() % 5 == 0 ? "Not A Code" : "acknowledgement",
                    "f1e2d3c4-" + c.version());
            default -> throw new IllegalArgumentException("kind " + kind);
        };
    }

    /** A step: the command kind, how far the clock moves, and how the command is dated. */
    private record Step(int kind, int minutes, int dating, boolean guided) {
        static final int RANGE = KINDS * 3000 * 8 * 2;

        static Step decode(int n) {
            return new Step(n % KINDS, (n / KINDS) % 3000, (n / KINDS / 3000) % 8, n / (KINDS * 3000 * 8) == 1);
        }

        /**
         * Mostly up to two days; one step in thirty jumps 60 to 160 days, so some histories span a year (but
         * not past 2030, well inside the working-day calendar).
         */
        Duration move(Instant now) {
            return minutes >= 2900 && now.isBefore(NO_JUMPS_AFTER) ? Duration.ofDays(60 + minutes - 2900)
                    : Duration.ofMinutes(minutes % 2900);
        }
    }

    private static final Instant NO_JUMPS_AFTER = Instant.parse("2030-01-01T00:00:00Z");

    /** Where an example starts: early summer, or the eve of either change of the clocks in London. */
    private static final List<Instant> STARTS = List.of(Instant.parse("2021-06-01T08:00:00Z"),
            Instant.parse("2021-10-30T09:00:00Z"), Instant.parse("2022-03-26T09:00:00Z"));

    /**
     * A fixed seed: every store plays the same 200 examples, which between them issue every command type (a seed
     * of its own each run would now and then miss a rare one, such as the Ombudsman's enquiry, and fail the build).
     */
    @Test
    void randomCommandSequencesKeepEveryInvariant() {
        Set<CommandType> accepted = EnumSet.noneOf(CommandType.class);
        qt().withFixedSeed(20261207L).withExamples(200).withShrinkCycles(50)
                .forAll(integers().between(0, Procedure.values().length - 1), integers().between(0, STARTS.size() - 1),
                        integers().between(0, 1),
                        lists().of(integers().between(0, Step.RANGE - 1)).ofSizeBetween(1, 40))
                .checkAssert((procedure, start, late, steps) -> {
                    clock.set(STARTS.get(start));
                    accepted.addAll(run(Procedure.values()[procedure], late == 1, steps));
                });
        assertEquals(EnumSet.allOf(CommandType.class), accepted, "command types accepted in some example");
    }

    /** Takes a new complaint through {@code stages} responses and escalations, to an allocated later stage. */
    private Complaint advance(Complaint c, int stages) {
        List<Command> path = new ArrayList<>(List.of(Command.Triage.asReceived(), new Command.Allocate("officer.a", "VoC")));
        for (int i = 0; i < stages; i++) {
            path.addAll(List.of(new Command.Acknowledge(), Command.Respond.with(Outcome.NOT_UPHELD), new Command.Escalate(),
                    new Command.Allocate("officer.b", "VoC")));
        }
        Complaint now = c;
        for (Command command : path) {
            clock.advance(Duration.ofHours(2));
            now = complaints.execute(now.id(), command, Audit.by("officer"));
        }
        return now;
    }

    /** Plays {@code steps} on a new complaint; returns the command types accepted. */
    private Set<CommandType> run(Procedure procedure, boolean lateComplaint, List<Integer> steps) {
        Set<CommandType> accepted = EnumSet.noneOf(CommandType.class);
        ComplaintId other = receive(procedure, false).id();
        Complaint c = receive(procedure, lateComplaint);
        if (procedure == Procedure.CHILDRENS_SOCIAL_CARE) {
            c = advance(c, steps.size() % 3); // a third of children's examples start at stage 2, a third at stage 3
        }
        List<Instant> probes = new ArrayList<>();
        for (int n : steps) {
            Step step = Step.decode(n);
            clock.advance(step.move(clock.instant()));
            Audit audit = audit(step, c);
            Command command = command(step.guided() ? guided(step.kind(), c, other) : step.kind(), c, other);
            List<ComplaintEvent> before = store.history(c.id());
            Complaint stateBefore = store.load(c.id()).orElseThrow();
            try {
                Complaint after = complaints.execute(c.id(), command, audit);
                List<ComplaintEvent> history = store.history(c.id());
                assertEquals(before.size() + 1, history.size(), "one command, one event");
                // erasing the personal data erases the reasons of the events before it too, nothing else
                List<ComplaintEvent> kept = command.type() == CommandType.ERASE_PERSONAL_DATA
                        ? before.stream().map(ComplaintEvent::withReasonErased).toList() : before;
                assertEquals(kept, history.subList(0, before.size()), "history is append-only");
                assertEquals(after, store.load(c.id()).orElseThrow());
                assertEquals(history.size(), after.version());
                accepted.add(command.type());
                c = after;
            } catch (ComplaintsException rejected) {
                assertEquals(before, store.history(c.id()), "a rejected command changes nothing: " + rejected);
                assertEquals(stateBefore, store.load(c.id()).orElseThrow(), "a rejected command changes nothing");
            }
            probes.add(clock.instant());
            probes.add(clock.instant().minus(Duration.ofHours(30)));
        }
        checkHistory(c.id(), probes);
        return accepted;
    }

    /**
     * Half the steps are guided: a kind whose command moves the complaint on from its current status (closing
     * and reclassifying aside), refers it to the Ombudsman, or moves its clock (extends, pauses, resumes, agrees a
     * date), so that examples get past the first stage and reach responses, escalations, the Ombudsman and a
     * resumed clock. The other half pick any kind.
     */
    private int guided(int kind, Complaint c, ComplaintId other) {
        if (c.referredToOmbudsman() && kind % 4 != 3) {
            // the Ombudsman's part in order: an enquiry (now and then), its decision, the council's compliance
            OmbudsmanCase o = CaseRecord.of(store.history(c.id())).ombudsman().orElseThrow();
            if (o.decision().isEmpty()) {
                return o.enquiryOn().isEmpty() && kind % 2 == 0 ? 29 : 30;
            }
            if (o.remediesDue().isPresent() && o.compliedOn().isEmpty()) {
                return 31; // refused when dated before the decision
            }
        }
        if (c.procedure() == Procedure.CHILDRENS_SOCIAL_CARE && c.stage() == Stage.STAGE_3
                && Transitions.find(CommandType.RECORD_PANEL_REPORT, c.status()).isPresent() && kind % 3 != 0) {
            return kind % 3 == 1 ? 24 : 25; // the panel meets and reports (refused out of order) before a response
        }
        List<Integer> kinds = new ArrayList<>();
        for (int k = 0; k < KINDS; k++) {
            CommandType type = command(k, c, other).type();
            boolean onwards = Transitions.find(type, c.status()).map(t -> !t.keepsStatus()).orElse(false)
                    && type != CommandType.CLOSE && type != CommandType.RECLASSIFY && type != CommandType.REFUSE;
            boolean clock = (type == CommandType.PAUSE || type == CommandType.RESUME || type == CommandType.EXTEND
                    || type == CommandType.AGREE_RESPONSE_DATE && c.procedure() == Procedure.ADULT_SOCIAL_CARE)
                    && Transitions.find(type, c.status()).isPresent();
            boolean panel = (type == CommandType.RECORD_PANEL_MEETING || type == CommandType.RECORD_PANEL_REPORT)
                    && c.stage() == Stage.STAGE_3 && Transitions.find(type, c.status()).isPresent();
            boolean ombudsman = (type == CommandType.RECORD_OMBUDSMAN_ENQUIRY || type == CommandType.RECORD_OMBUDSMAN_DECISION
                    || type == CommandType.RECORD_OMBUDSMAN_COMPLIANCE) && c.referredToOmbudsman();
            boolean refuseNextStage = type == CommandType.REFUSE_ESCALATION && c.status() == Status.RESPONDED
                    && c.stage() != c.procedure().lastStage();
            if (onwards || clock || panel || ombudsman || refuseNextStage
                    || type == CommandType.REFER_TO_OMBUDSMAN && c.status() == Status.RESPONDED) {
                kinds.add(k);
            }
        }
        return kinds.isEmpty() ? kind : kinds.get(kind % kinds.size());
    }

    private Complaint receive(Procedure procedure, boolean late) {
        ReceiveContact contact = ReceiveContact.of(procedure, ServiceArea.CORPORATE, Channel.PHONE, clock.instant(),
                Complainant.named("R. Person"), "About bins");
        if (late) {
            contact = contact.withMatterDate(LocalDate.of(2020, 1, 15));
        }
        return complaints.receive(contact, Audit.by("triage"));
    }

    /** Dating: mostly now; sometimes a late entry with or without a reason, or a date before the last event. */
    private Audit audit(Step step, Complaint c) {
        Audit audit = Audit.by("officer").because("step " + step.kind());
        return switch (step.dating()) {
            case 5 -> audit.occurredAt(latest(c.lastOccurredAt(), clock.instant().minus(Duration.ofDays(2))));
            case 6 -> Audit.by("officer").occurredAt(clock.instant().minus(Duration.ofDays(3)));
            case 7 -> audit.occurredAt(c.lastOccurredAt().minusSeconds(1));
            default -> step.kind() % 5 == 0 ? Audit.by("officer") : audit;
        };
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private void checkHistory(ComplaintId id, List<Instant> probes) {
        List<ComplaintEvent> events = store.history(id);
        Complaint current = store.load(id).orElseThrow();
        ComplaintHistory history = new ComplaintHistory(events);
        assertEquals(current, history.current(), "replaying the history gives the same state");
        Instant received = events.get(0).occurredAt();
        assertTrue(history.stateAsOf(received.minusNanos(1000)).isEmpty(), "nothing before receipt");
        for (int i = 0; i < events.size(); i++) {
            ComplaintEvent e = events.get(i);
            assertFalse(e.occurredAt().isAfter(e.recordedAt()), "occurred is never after recorded");
            if (i > 0) {
                assertFalse(e.occurredAt().isBefore(events.get(i - 1).occurredAt()), "events in occurred order");
                assertFalse(e.recordedAt().isBefore(events.get(i - 1).recordedAt()), "events in recorded order");
            }
            if (Duration.between(e.occurredAt(), e.recordedAt()).compareTo(Duration.ofDays(1)) > 0) {
                assertTrue(e.reason().isPresent(), "a late entry keeps its reason");
            }
            probes.add(e.occurredAt());
            probes.add(e.recordedAt());
        }
        for (Instant asOf : probes) {
            Optional<Complaint> state = history.stateAsOf(asOf);
            List<ComplaintEvent> upTo = events.stream().filter(e -> !e.occurredAt().isAfter(asOf)).toList();
            assertEquals(upTo.isEmpty(), state.isEmpty());
            state.ifPresent(s -> {
                assertEquals(new ComplaintHistory(upTo).current(), s, "as of = the events up to it");
                assertEquals(1, EnumSet.allOf(StatusBucket.class).stream().filter(b -> b == s.bucket()).count(),
                        "exactly one bucket");
            });
            for (Instant knownAt : probes) {
                Optional<Complaint> known = history.stateAsOf(asOf, knownAt);
                List<ComplaintEvent> visible = events.stream()
                        .filter(e -> !e.occurredAt().isAfter(asOf) && !e.recordedAt().isAfter(knownAt)).toList();
                assertEquals(visible.isEmpty() ? Optional.empty()
                        : Optional.of(new ComplaintHistory(visible).current()), known);
            }
        }
        checkCopyKnownAt(events, probes);
    }

    /** As of D known at K equals as of D in a copy that received only the events recorded by K. */
    private void checkCopyKnownAt(List<ComplaintEvent> events, List<Instant> probes) {
        for (Instant knownAt : probes) {
            List<ComplaintEvent> recorded = events.stream().filter(e -> !e.recordedAt().isAfter(knownAt)).toList();
            if (recorded.isEmpty()) {
                continue;
            }
            ComplaintStore copy = createEmptyStore();
            copy.append(Commit.of(0, recorded, new ComplaintHistory(recorded).current()));
            ComplaintHistory copied = new ComplaintHistory(copy.history(events.get(0).complaintId()));
            ComplaintHistory original = new ComplaintHistory(events);
            for (Instant asOf : probes) {
                assertEquals(copied.stateAsOf(asOf), original.stateAsOf(asOf, knownAt));
            }
        }
    }

    @Test
    void contactsFromBeforeTheCalendarAreRejected() {
        InvalidCommandException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidCommandException.class,
                () -> complaints.receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE, Channel.LETTER,
                        Instant.parse("1989-12-31T12:00:00Z"), Complainant.named("R. Person"), "Old"),
                        Audit.by("import").because("legacy")));
        assertEquals("receivedAt", e.violations().get(0).path());
        assertTrue(e.getMessage().contains("1990 to 2199"), e.getMessage());
    }

    @Test
    void closingAsDuplicateNamesAnExistingOriginal() {
        Complaint c = receive(Procedure.CORPORATE, false);
        ComplaintId missing = ComplaintId.random();
        CommandRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(CommandRejectedException.class,
                () -> complaints.execute(c.id(), Command.Close.duplicateOf(missing), Audit.by("x")));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertEquals(1, store.history(c.id()).size());
        Complaint original = receive(Procedure.CORPORATE, false);
        Complaint closed = complaints.execute(c.id(), Command.Close.duplicateOf(original.id()), Audit.by("x"));
        assertEquals(Optional.of(ClosureReason.DUPLICATE), closed.closureReason());
        assertEquals(Optional.of(original.id()), closed.duplicateOf());
    }

    private Complaint allocated(Procedure procedure, String officer) {
        Complaint c = receive(procedure, false);
        complaints.execute(c.id(), Command.Triage.asReceived(), Audit.by("t"));
        return complaints.execute(c.id(), new Command.Allocate(officer, "VoC"), Audit.by("t"));
    }

    private Complaint responded(Complaint allocated) {
        complaints.execute(allocated.id(), new Command.Acknowledge(), Audit.by("t"));
        complaints.execute(allocated.id(), new Command.SendToService(), Audit.by("t"));
        complaints.execute(allocated.id(), new Command.SubmitDraft(), Audit.by("t"));
        return complaints.execute(allocated.id(), Command.Respond.with(Outcome.NOT_UPHELD), Audit.by("t"));
    }

    private CommandRejectedException rejected(Complaint c, Command command, Audit audit) {
        List<ComplaintEvent> before = store.history(c.id());
        CommandRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(CommandRejectedException.class,
                () -> complaints.execute(c.id(), command, audit));
        assertEquals(before, store.history(c.id()), "nothing changed");
        assertTrue(e.getMessage().contains(c.reference()) && e.getMessage().contains(command.type().name()),
                e.getMessage());
        return e;
    }

    @Test
    void outOfTimeOnlyWhenLateAndNotAcceptedLate() {
        Complaint timely = receive(Procedure.CORPORATE, false);
        assertTrue(rejected(timely, Command.Close.outOfTime(), Audit.by("x")).getMessage().contains("matter date"));
        Complaint late = receive(Procedure.CHILDRENS_SOCIAL_CARE, true);
        Complaint accepted = receive(Procedure.CHILDRENS_SOCIAL_CARE, true);
        org.junit.jupiter.api.Assertions.assertThrows(InvalidCommandException.class,
                () -> complaints.execute(accepted.id(), new Command.AcceptLate(), Audit.by("x")), "needs a reason");
        complaints.execute(accepted.id(), new Command.AcceptLate(), Audit.by("x").because("in hospital"));
        assertTrue(rejected(accepted, Command.Close.outOfTime(), Audit.by("x")).getMessage().contains("accepted late"));
        assertEquals(uk.councilcomplaints.model.Status.OUT_OF_TIME,
                complaints.execute(late.id(), Command.Close.outOfTime(), Audit.by("x")).status());
    }

    @Test
    void adultComplaintsGoToTheOmbudsmanInsteadOfEscalating() {
        Complaint adult = responded(allocated(Procedure.ADULT_SOCIAL_CARE, "a"));
        CommandRejectedException e = rejected(adult, new Command.Escalate(), Audit.by("x"));
        assertTrue(e.getMessage().contains("REFER_TO_OMBUDSMAN"), e.getMessage());
        assertTrue(complaints.execute(adult.id(), new Command.ReferToOmbudsman(), Audit.by("x")).referredToOmbudsman());
    }

    @Test
    void childrensComplaintsEscalateThroughThreeStagesThenTheOmbudsman() {
        Complaint c = responded(allocated(Procedure.CHILDRENS_SOCIAL_CARE, "a"));
        rejected(c, new Command.ReferToOmbudsman(), Audit.by("x"));
        for (uk.councilcomplaints.model.Stage stage : List.of(uk.councilcomplaints.model.Stage.STAGE_2,
                uk.councilcomplaints.model.Stage.STAGE_3)) {
            Complaint escalated = complaints.execute(c.id(), new Command.Escalate(), Audit.by("x"));
            assertEquals(stage, escalated.stage());
            assertEquals(StatusBucket.UNALLOCATED, escalated.bucket());
            assertTrue(escalated.officer().isEmpty());
            complaints.execute(c.id(), new Command.Allocate("b", "VoC"), Audit.by("x"));
            if (stage == uk.councilcomplaints.model.Stage.STAGE_3) {
                complaints.execute(c.id(), new Command.RecordPanelMeeting(), Audit.by("x"));
                complaints.execute(c.id(), new Command.RecordPanelReport(), Audit.by("x"));
            }
            c = responded(complaints.get(c.id()));
        }
        CommandRejectedException e = rejected(c, new Command.Escalate(), Audit.by("x"));
        assertTrue(e.getMessage().contains("last stage"), e.getMessage());
        complaints.execute(c.id(), new Command.ReferToOmbudsman(), Audit.by("x"));
    }

    @Test
    void corporateStageTwoNeedsADifferentOfficer() {
        Complaint c = responded(allocated(Procedure.CORPORATE, "jo"));
        complaints.execute(c.id(), new Command.Escalate(), Audit.by("x"));
        Complaint escalated = complaints.get(c.id());
        assertTrue(rejected(escalated, new Command.Allocate("jo", "VoC"), Audit.by("x")).getMessage()
                .contains("different officer"));
        assertEquals(Optional.of("sam"),
                complaints.execute(c.id(), new Command.Allocate("sam", "VoC"), Audit.by("x")).officer());
    }

    @Test
    void extensionsBeyondTheLimitAreRejectedNamingTheLimit() {
        Complaint c = allocated(Procedure.CHILDRENS_SOCIAL_CARE, "a");
        complaints.execute(c.id(), new Command.Extend(6), Audit.by("x").because("complex"));
        CommandRejectedException e = rejected(complaints.get(c.id()), new Command.Extend(5),
                Audit.by("x").because("more"));
        assertTrue(e.getMessage().contains("limit") && e.getMessage().contains("10"), e.getMessage());
        assertEquals(10, complaints.execute(c.id(), new Command.Extend(4), Audit.by("x").because("last")).extensionWorkingDays());
    }

    @Test
    void lateEntriesNeedAReasonAndMayNotPrecedeTheLatestEvent() {
        Complaint c = receive(Procedure.CORPORATE, false);
        clock.advance(Duration.ofDays(5));
        Instant friday = clock.instant().minus(Duration.ofDays(3));
        InvalidCommandException noReason = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidCommandException.class,
                () -> complaints.execute(c.id(), Command.Triage.asReceived(), Audit.by("x").occurredAt(friday)));
        assertEquals("reason", noReason.violations().get(0).path());
        complaints.execute(c.id(), Command.Triage.asReceived(), Audit.by("x").occurredAt(friday).because("on paper"));
        CommandRejectedException before = rejected(complaints.get(c.id()), new Command.Allocate("a", "VoC"),
                Audit.by("x").occurredAt(friday.minusSeconds(60)).because("x"));
        assertTrue(before.getMessage().contains(friday.toString()), before.getMessage());
        InvalidCommandException future = org.junit.jupiter.api.Assertions.assertThrows(InvalidCommandException.class,
                () -> complaints.execute(c.id(), new Command.Allocate("a", "VoC"),
                        Audit.by("x").occurredAt(clock.instant().plusSeconds(5))));
        assertEquals("occurredAt", future.violations().get(0).path());
    }

    @Test
    void breachedAndAtRiskComplaintsAreListedFromTheirHistories() {
        clock.set(Instant.parse("2022-01-04T09:00:00Z"));
        Complaint untriaged = receive(Procedure.CORPORATE, false);
        Complaint acknowledged = allocated(Procedure.CORPORATE, "a");
        complaints.execute(acknowledged.id(), new Command.Acknowledge(), Audit.by("a"));
        Complaint responded = responded(allocated(Procedure.CORPORATE, "b"));
        clock.set(Instant.parse("2022-01-07T09:00:00Z"));
        Instant friday = clock.instant();
        List<ComplaintId> listed = complaints.breachedOrAtRisk(friday, KnownAt.latest()).stream()
                .map(uk.councilcomplaints.sla.SlaStatus::id).filter(id -> id.equals(untriaged.id())
                        || id.equals(acknowledged.id()) || id.equals(responded.id()))
                .toList();
        assertEquals(List.of(untriaged.id()), listed, "triage was due on 6 January");
        uk.councilcomplaints.sla.SlaClock triage = complaints.slaStatus(untriaged.id(), friday, KnownAt.latest())
                .orElseThrow().clock(uk.councilcomplaints.sla.ClockKind.TRIAGE,
                        uk.councilcomplaints.model.Stage.STAGE_1).orElseThrow();
        assertEquals(uk.councilcomplaints.sla.ClockState.BREACHED, triage.state());
        // corporate stage 1: respond 10 working days after acknowledgement on 4 January: due 18 January
        Instant atRisk = Instant.parse("2022-01-17T09:00:00Z");
        assertTrue(complaints.breachedOrAtRisk(atRisk, KnownAt.latest()).stream()
                .anyMatch(st -> st.id().equals(acknowledged.id()) && st.atRisk()));
        assertTrue(complaints.breachedOrAtRisk(atRisk, KnownAt.latest()).stream()
                .noneMatch(st -> st.id().equals(responded.id())), "a responded complaint needs nothing");
        assertTrue(complaints.breachedOrAtRisk(friday.minusSeconds(7 * 86_400), KnownAt.latest()).stream()
                .noneMatch(st -> st.id().equals(untriaged.id())), "not received yet");
    }

    @Test
    void anExtensionAfterTheDeadlineIsRejected() {
        clock.set(Instant.parse("2022-01-04T09:00:00Z"));
        Complaint c = allocated(Procedure.CORPORATE, "a");
        complaints.execute(c.id(), new Command.Acknowledge(), Audit.by("a"));
        clock.set(Instant.parse("2022-01-19T09:00:00Z"));
        CommandRejectedException e = rejected(complaints.get(c.id()), new Command.Extend(5),
                Audit.by("a").because("late"));
        assertTrue(e.getMessage().contains("2022-01-18") && e.getMessage().contains("before the deadline"),
                e.getMessage());
        Instant beforeDeadline = Instant.parse("2022-01-18T09:00:00Z");
        Complaint extended = complaints.execute(c.id(), new Command.Extend(5),
                Audit.by("a").occurredAt(beforeDeadline).because("agreed on the phone yesterday"));
        assertEquals(5, extended.extensionWorkingDays(), "recorded");
        // recorded after the deadline: it cannot undo the breach
        uk.councilcomplaints.sla.SlaClock response = complaints.slaStatus(c.id(), clock.instant(), KnownAt.latest()).orElseThrow()
                .clock(uk.councilcomplaints.sla.ClockKind.RESPONSE, uk.councilcomplaints.model.Stage.STAGE_1)
                .orElseThrow();
        assertEquals(uk.councilcomplaints.sla.ClockState.BREACHED, response.state());
        assertTrue(response.stretchedLate());
    }
}
