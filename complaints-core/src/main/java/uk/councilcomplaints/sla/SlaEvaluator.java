package uk.councilcomplaints.sla;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.event.EventType;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.TriageTarget.HourKind;

/**
 * Evaluates a complaint's clocks (triage, then acknowledgement and response at each stage) at any instant,
 * from its events alone: only events that happened by then, and optionally only those recorded by a
 * {@code knownAt} instant, count. So a figure for a past instant never changes when later events arrive.
 * Clocks stretch only for recorded reasons: extensions, an agreed response date (adult social care), pauses.
 * Immutable and thread-safe.
 */
public final class SlaEvaluator {

    private final SlaPolicy policy;
    private final WorkingCalendar calendar;

    private SlaEvaluator(SlaPolicy policy, WorkingCalendar calendar) {
        this.policy = requireNonNull(policy, "policy");
        this.calendar = requireNonNull(calendar, "calendar");
    }

    /** An evaluator for a council's policy and calendar. */
    public static SlaEvaluator of(SlaPolicy policy, WorkingCalendar calendar) {
        return new SlaEvaluator(policy, calendar);
    }

    /** The England defaults on the England and Wales calendar. */
    public static SlaEvaluator englandDefaults() {
        return of(SlaPolicy.englandDefaults(), WorkingCalendar.englandAndWales());
    }

    public SlaPolicy policy() {
        return policy;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** The clocks at {@code asOf}, from everything known now; empty if not yet received then. */
    public Optional<SlaStatus> evaluate(ComplaintHistory history, Instant asOf) {
        return evaluate(history, asOf, Instant.MAX);
    }

    /** The clocks at {@code asOf}, counting only events recorded by {@code knownAt}. */
    public Optional<SlaStatus> evaluate(ComplaintHistory history, Instant asOf, Instant knownAt) {
        int visible = history.visibleCount(asOf, knownAt);
        if (visible == 0) {
            return Optional.empty();
        }
        Track track = new Track();
        for (ComplaintEvent e : history.events().subList(0, visible)) {
            track.apply(e);
        }
        return Optional.of(new SlaStatus(history.id(), track.reference, asOf, track.clocks(asOf)));
    }

    /**
     * The complaints with a breached or at-risk clock at {@code asOf}, as known at {@code knownAt}, in the
     * order of the given histories.
     */
    public List<SlaStatus> breachedOrAtRisk(Stream<ComplaintHistory> histories, Instant asOf, Instant knownAt) {
        return histories.map(h -> evaluate(h, asOf, knownAt)).flatMap(Optional::stream)
                .filter(s -> s.breached() || s.atRisk()).collect(Collectors.toList());
    }

    /** The response clock of the latest stage at {@code at}, if the complaint has one. */
    public Optional<SlaClock> responseClock(ComplaintHistory history, Instant at) {
        return evaluate(history, at).flatMap(s -> s.clocks().stream()
                .filter(c -> c.kind() == ClockKind.RESPONSE).reduce((a, b) -> b));
    }

    /** The facts of one stage that its clocks depend on. */
    private static final class StageTrack {
        final Stage stage;
        final Instant start;
        Instant acknowledgedAt;
        Instant respondedAt;
        int extensionWorkingDays;
        LocalDate agreedDate;
        Instant pausedSince;
        final List<Instant[]> pauses = new ArrayList<>();

        StageTrack(Stage stage, Instant start) {
            this.stage = stage;
            this.start = start;
        }
    }

    /** The fold of events into clock facts. */
    private final class Track implements EventData.Visitor<Void> {
        String reference;
        Procedure procedure;
        Instant receivedAt;
        Instant triagedAt;
        Instant stoppedAt;
        boolean complaint = true;
        final List<StageTrack> stages = new ArrayList<>();

        /** When the event being applied happened, and the stage it belongs to. */
        private Instant at;
        private StageTrack current;

        void apply(ComplaintEvent e) {
            at = e.occurredAt();
            current = stages.isEmpty() ? null : stages.get(stages.size() - 1);
            if (current != null && current.respondedAt != null && e.type() != EventType.ESCALATED) {
                // a stage's clocks are settled by its response; later events cannot change the verdict
                if (e.type() == EventType.CLOSED || e.type() == EventType.RECLASSIFIED) {
                    stoppedAt = at;
                }
                return;
            }
            e.data().accept(this);
        }

        @Override
        public Void received(EventData.Received r) {
            reference = r.reference();
            procedure = r.procedure();
            receivedAt = at;
            stages.add(new StageTrack(Stage.STAGE_1, at));
            return null;
        }

        @Override
        public Void triaged(EventData.Triaged t) {
            procedure = t.procedure();
            triagedAt = triagedAt == null ? at : triagedAt;
            return null;
        }

        @Override
        public Void reclassified(EventData.Reclassified r) {
            triagedAt = triagedAt == null ? at : triagedAt;
            complaint = r.classification() == Classification.COMPLAINT;
            stoppedAt = at;
            return null;
        }

        @Override
        public Void allocated(EventData.Allocated e) {
            return null;
        }

        @Override
        public Void acknowledged(EventData.Acknowledged e) {
            current.acknowledgedAt = current.acknowledgedAt == null ? at : current.acknowledgedAt;
            return null;
        }

        @Override
        public Void sentToService(EventData.SentToService e) {
            return null;
        }

        @Override
        public Void draftSubmitted(EventData.DraftSubmitted e) {
            return null;
        }

        @Override
        public Void responded(EventData.Responded e) {
            resume(current, at);
            current.respondedAt = at;
            return null;
        }

        @Override
        public Void escalated(EventData.Escalated esc) {
            stages.add(new StageTrack(esc.to(), at));
            return null;
        }

        @Override
        public Void referredToOmbudsman(EventData.ReferredToOmbudsman e) {
            return null;
        }

        @Override
        public Void closed(EventData.Closed e) {
            resume(current, at);
            stoppedAt = at;
            return null;
        }

        @Override
        public Void acceptedLate(EventData.AcceptedLate e) {
            return null;
        }

        @Override
        public Void extended(EventData.Extended ext) {
            current.extensionWorkingDays += ext.workingDays();
            return null;
        }

        @Override
        public Void responseDateAgreed(EventData.ResponseDateAgreed agreed) {
            current.agreedDate = agreed.date();
            return null;
        }

        @Override
        public Void paused(EventData.Paused e) {
            current.pausedSince = at;
            return null;
        }

        @Override
        public Void resumed(EventData.Resumed e) {
            resume(current, at);
            return null;
        }

        @Override
        public Void personalDataErased(EventData.PersonalDataErased e) {
            return null;
        }

        private void resume(StageTrack stage, Instant at) {
            if (stage.pausedSince != null) {
                stage.pauses.add(new Instant[] {stage.pausedSince, at});
                stage.pausedSince = null;
            }
        }

        List<SlaClock> clocks(Instant asOf) {
            List<SlaClock> clocks = new ArrayList<>();
            TriageTarget triage = policy.triage();
            Instant triageDue = triage.kind() == HourKind.CALENDAR
                    ? receivedAt.plus(Duration.ofHours(triage.hours()))
                    : calendar.plusWorkingHours(receivedAt, triage.hours());
            clocks.add(clock(ClockKind.TRIAGE, Stage.STAGE_1, receivedAt, triageDue,
                    LondonDays.dayOf(triageDue), Duration.ZERO, 0, 0, false, triagedAt, asOf, true));
            if (!complaint) {
                return clocks;
            }
            for (StageTrack s : stages) {
                StageTarget target = policy.target(procedure, s.stage);
                LocalDate ackDue = calendar.plusWorkingDays(LondonDays.dayOf(s.start),
                        target.acknowledgeWorkingDays());
                clocks.add(clock(ClockKind.ACKNOWLEDGEMENT, s.stage, s.start, LondonDays.endOf(ackDue), ackDue,
                        Duration.ZERO, 0, 0, false, s.acknowledgedAt, asOf, false));
                clocks.add(responseClock(s, target, ackDue, asOf));
            }
            return clocks;
        }

        private SlaClock responseClock(StageTrack s, StageTarget target, LocalDate ackDue, Instant asOf) {
            Instant start = target.responseFrom() == StageTarget.ResponseFrom.RECEIPT ? s.start
                    : s.acknowledgedAt != null ? s.acknowledgedAt : LondonDays.endOf(ackDue);
            Duration paused = Duration.ZERO;
            int pausedDays = 0;
            List<Instant[]> pauses = new ArrayList<>(s.pauses);
            if (s.pausedSince != null) {
                pauses.add(new Instant[] {s.pausedSince, asOf});
            }
            for (Instant[] p : pauses) {
                paused = paused.plus(Duration.between(p[0], p[1]));
                pausedDays += calendar.workingDaysBetween(LondonDays.dayOf(p[0]),
                        LondonDays.dayOf(p[1]));
            }
            LocalDate dueDate = s.agreedDate != null ? s.agreedDate
                    : calendar.plusWorkingDays(LondonDays.dayOf(start),
                            target.responseWorkingDays() + s.extensionWorkingDays + pausedDays);
            SlaClock clock = clock(ClockKind.RESPONSE, s.stage, start, LondonDays.endOf(dueDate), dueDate,
                    paused, pausedDays, s.extensionWorkingDays, s.agreedDate != null, s.respondedAt, asOf, false);
            if (s.pausedSince != null && clock.state().open()) {
                return new SlaClock(clock.kind(), clock.stage(), clock.start(), clock.due(), clock.dueDate(),
                        clock.paused(), clock.pausedWorkingDays(), clock.extensionWorkingDays(), clock.dateAgreed(),
                        ClockState.PAUSED,
                        clock.workingDaysLeft(), clock.metAt());
            }
            return clock;
        }

        private SlaClock clock(ClockKind kind, Stage stage, Instant start, Instant due, LocalDate dueDate,
                Duration paused, int pausedDays, int extension, boolean agreed, Instant metAt, Instant asOf,
                boolean inclusive) {
            ClockState state;
            LocalDate today = LondonDays.dayOf(metAt != null ? metAt : asOf);
            int left = today.isAfter(dueDate) ? -calendar.workingDaysBetween(dueDate, today)
                    : calendar.workingDaysBetween(today, dueDate);
            if (metAt != null) {
                boolean onTime = inclusive ? !metAt.isAfter(due) : metAt.isBefore(due);
                state = onTime ? ClockState.MET_ON_TIME : ClockState.MET_LATE;
            } else if (stoppedAt != null) {
                state = ClockState.STOPPED;
            } else if (!asOf.isBefore(due)) {
                state = ClockState.BREACHED;
            } else if (kind == ClockKind.TRIAGE) {
                Duration target = Duration.ofHours(policy.triage().hours());
                state = Duration.between(asOf, due).compareTo(target.dividedBy(2)) < 0 ? ClockState.AT_RISK
                        : ClockState.RUNNING;
            } else {
                state = left <= policy.atRiskWorkingDays() ? ClockState.AT_RISK : ClockState.RUNNING;
            }
            return new SlaClock(kind, stage, start, due, dueDate, paused, pausedDays, extension, agreed, state, left,
                    Optional.ofNullable(metAt));
        }
    }
}
