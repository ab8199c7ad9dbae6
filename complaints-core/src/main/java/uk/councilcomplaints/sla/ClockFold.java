package uk.councilcomplaints.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.event.EventType;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.TriageTarget.HourKind;

/**
 * The fold of one complaint's events, in order, into the facts its clocks depend on, and the clocks worked out
 * from those facts under a policy and calendar: the one place the SLA reads the event vocabulary. One per
 * evaluation; not thread-safe.
 */
final class ClockFold implements EventData.Visitor<Void> {

    private final SlaPolicy policy;
    private final WorkingCalendar calendar;
    private String reference;
    private Procedure procedure;
    private Instant receivedAt;
    private Instant triagedAt;
    private Instant stoppedAt;
    private boolean complaint = true;
    private final List<StageTrack> stages = new ArrayList<>();

    /** The event being applied, and the stage it belongs to. */
    private ComplaintEvent event;
    private Instant at;
    private StageTrack current;

    ClockFold(SlaPolicy policy, WorkingCalendar calendar) {
        this.policy = policy;
        this.calendar = calendar;
    }

    /** The complaint's reference, once its receipt is applied. */
    String reference() {
        return reference;
    }

    /** When the response clock of {@code stage} was paused, if {@link #clocks} found it paused. */
    Optional<Instant> pausedSince(Stage stage) {
        return stages.stream().filter(s -> s.stage == stage).map(s -> s.pausedSince).filter(p -> p != null)
                .reduce((a, b) -> b);
    }

    /** Applies the next event of the history. */
    void apply(ComplaintEvent e) {
        event = e;
        at = e.occurredAt();
        current = stages.isEmpty() ? null : stages.get(stages.size() - 1);
        if (current != null && current.respondedAt != null && e.type() != EventType.ESCALATED) {
            // a stage's clocks are settled by its response; later events cannot change the verdict, but a
            // closure stops a triage clock never met (RECLASSIFY comes before any response)
            if (e.type() == EventType.CLOSED) {
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
        endPause();
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
        endPause();
        stoppedAt = at;
        return null;
    }

    @Override
    public Void acceptedLate(EventData.AcceptedLate e) {
        return null;
    }

    @Override
    public Void extended(EventData.Extended ext) {
        stretch(ext.workingDays(), null);
        return null;
    }

    @Override
    public Void responseDateAgreed(EventData.ResponseDateAgreed agreed) {
        stretch(0, agreed.date());
        return null;
    }

    @Override
    public Void paused(EventData.Paused e) {
        stretch(0, null);
        return null;
    }

    @Override
    public Void resumed(EventData.Resumed e) {
        stretch(0, null);
        return null;
    }

    @Override
    public Void panelMet(EventData.PanelMet e) {
        current.panelMetAt = current.panelMetAt == null ? at : current.panelMetAt;
        return null;
    }

    @Override
    public Void panelReported(EventData.PanelReported e) {
        current.panelReportedAt = current.panelReportedAt == null ? at : current.panelReportedAt;
        return null;
    }

    @Override
    public Void personalDataErased(EventData.PersonalDataErased e) {
        return null;
    }

    @Override
    public Void recordKept(EventData e) {
        return null;
    }

    private void stretch(int days, LocalDate date) {
        current.stretches.add(new Stretch(event.type(), at, event.recordedAt(), days, date));
    }

    /** A response or closure ends a pause as a resume does. */
    private void endPause() {
        current.stretches.add(new Stretch(EventType.RESUMED, at, event.recordedAt(), 0, null));
    }

    /**
     * The clocks at {@code asOf}, from the events applied.
     *
     * @throws CalendarRangeException if a clock needs a date outside the calendar's years
     */
    List<SlaClock> clocks(Instant asOf) {
        // every instant counted is from receipt to asOf (already checked): the earliest, before any is turned
        // into a day, which fails for the earliest instants
        if (receivedAt.isBefore(LondonDays.startOf(LocalDate.of(calendar.firstYear(), 1, 1)))) {
            throw outOfRange("receipt " + receivedAt);
        }
        List<SlaClock> clocks = new ArrayList<>();
        TriageTarget triage = policy.triage();
        Instant triageDue = triage.kind() == HourKind.CALENDAR
                ? receivedAt.plus(Duration.ofHours(triage.hours()))
                : calendar.plusWorkingHours(receivedAt, triage.hours());
        clocks.add(clock(ClockKind.TRIAGE, Stage.STAGE_1, receivedAt, LondonDays.dayOf(triageDue), triageDue,
                triagedAt, null, asOf).build());
        if (!complaint) {
            return clocks;
        }
        for (StageTrack s : stages) {
            StageTarget target = policy.target(procedure, s.stage);
            LocalDate ackDue = plusWorkingDays(s.start, target.acknowledgeWorkingDays());
            clocks.add(clock(ClockKind.ACKNOWLEDGEMENT, s.stage, s.start, ackDue, null, s.acknowledgedAt,
                    s.respondedAt, asOf).build());
            Instant responseFrom = switch (target.responseFrom()) {
                case RECEIPT -> s.start;
                case ACKNOWLEDGEMENT -> s.acknowledgedAt != null ? s.acknowledgedAt : LondonDays.startOf(ackDue);
                case PANEL_REPORT -> panelClocks(s, asOf, clocks);
            };
            clocks.add(responseClock(s, target, responseFrom, asOf));
        }
        return clocks;
    }

    /** Adds the review panel's clocks of children's stage 3; returns where the response clock starts. */
    private Instant panelClocks(StageTrack s, Instant asOf, List<SlaClock> clocks) {
        Stage3Timescales panel = policy.childrensStage3();
        LocalDate meetingDue = plusWorkingDays(s.start, panel.panelWithinWorkingDays());
        clocks.add(clock(ClockKind.PANEL_MEETING, s.stage, s.start, meetingDue, null, s.panelMetAt,
                s.respondedAt, asOf).build());
        Instant reportFrom = s.panelMetAt != null ? s.panelMetAt : LondonDays.startOf(meetingDue);
        LocalDate reportDue = plusWorkingDays(reportFrom, panel.reportWithinWorkingDays());
        clocks.add(clock(ClockKind.PANEL_REPORT, s.stage, reportFrom, reportDue, null, s.panelReportedAt,
                s.respondedAt, asOf).build());
        return s.panelReportedAt != null ? s.panelReportedAt : LondonDays.startOf(reportDue);
    }

    /**
     * The response clock: the target's working days from {@code from}, moved by the extensions, agreed
     * date and pauses that were both dated and recorded before the due date they would move. A clock is
     * never breached while a pause that counts is running.
     */
    private SlaClock responseClock(StageTrack s, StageTarget target, Instant from, Instant asOf) {
        LocalDate fromDay = LondonDays.dayOf(from);
        int extension = 0;
        LocalDate agreed = null;
        List<Instant[]> pauses = new ArrayList<>();
        Instant pausedSince = null;
        boolean stretchedLate = false;
        for (Stretch st : s.stretches) {
            if (st.type() == EventType.RESUMED) {
                if (pausedSince != null) {
                    pauses.add(new Instant[] {pausedSince, st.occurredAt()});
                    pausedSince = null;
                }
                continue;
            }
            if (pausedSince == null) {
                Instant due = LondonDays.endOf(responseDue(fromDay, target, extension, agreed, pauses));
                if (!st.occurredAt().isBefore(due) || !st.recordedAt().isBefore(due)) {
                    stretchedLate = true;
                    continue;
                }
            }
            switch (st.type()) {
                case EXTENDED -> extension += st.days();
                case RESPONSE_DATE_AGREED -> agreed = st.date();
                case PAUSED -> pausedSince = pausedSince == null ? st.occurredAt() : pausedSince;
                default -> throw new IllegalStateException("not a stretch: " + st.type());
            }
        }
        if (pausedSince != null) {
            pauses.add(new Instant[] {pausedSince, asOf});
        }
        Duration paused = Duration.ZERO;
        for (Instant[] p : pauses) {
            paused = paused.plus(Duration.between(p[0], p[1]));
        }
        LocalDate dueDate = responseDue(fromDay, target, extension, agreed, pauses);
        ClockBuilder clock = clock(ClockKind.RESPONSE, s.stage, from, dueDate, null, s.respondedAt, null, asOf);
        clock.paused = paused;
        clock.pausedDays = pausedWorkingDays(pauses);
        clock.extension = extension;
        clock.agreed = agreed != null;
        clock.stretchedLate = stretchedLate;
        if (pausedSince != null && clock.state.open()) {
            clock.state = ClockState.PAUSED;
            s.pausedSince = pausedSince;
        }
        return clock.build();
    }

    private LocalDate responseDue(LocalDate from, StageTarget target, int extension, LocalDate agreed,
            List<Instant[]> pauses) {
        return agreed != null ? supported(agreed)
                : calendar.plusWorkingDays(from, target.responseWorkingDays() + extension
                        + pausedWorkingDays(pauses));
    }

    /** {@code date}, checked before it is turned into an instant, which fails for the largest dates. */
    private LocalDate supported(LocalDate date) {
        if (!calendar.supports(date)) {
            throw outOfRange("agreed response date " + date);
        }
        return date;
    }

    private CalendarRangeException outOfRange(String what) {
        return new CalendarRangeException(what + " is outside the calendar's years " + calendar.firstYear()
                + " to " + calendar.lastYear());
    }

    private int pausedWorkingDays(List<Instant[]> pauses) {
        int days = 0;
        for (Instant[] p : pauses) {
            days += calendar.workingDaysBetween(LondonDays.dayOf(p[0]), LondonDays.dayOf(p[1]));
        }
        return days;
    }

    private LocalDate plusWorkingDays(Instant from, int days) {
        return calendar.plusWorkingDays(LondonDays.dayOf(from), days);
    }

    /**
     * A clock due at the end of {@code dueDate} (or at {@code dueInstant}, for triage), met at
     * {@code metAt}; one that is not met is stopped when the contact is closed or reclassified, or
     * when {@code settledAt} (its stage's response) has passed.
     */
    private ClockBuilder clock(ClockKind kind, Stage stage, Instant start, LocalDate dueDate, Instant dueInstant,
            Instant metAt, Instant settledAt, Instant asOf) {
        ClockBuilder c = new ClockBuilder(kind, stage, start, dueDate,
                dueInstant != null ? dueInstant : LondonDays.endOf(dueDate));
        boolean inclusive = dueInstant != null;
        c.metAt = metAt;
        LocalDate today = LondonDays.dayOf(metAt != null ? metAt : asOf);
        c.left = calendar.workingDaysLeft(today, dueDate);
        if (metAt != null) {
            boolean onTime = inclusive ? !metAt.isAfter(c.due) : metAt.isBefore(c.due);
            c.state = onTime ? ClockState.MET_ON_TIME : ClockState.MET_LATE;
        } else if (stoppedAt != null || settledAt != null) {
            c.state = ClockState.STOPPED;
        } else if (!asOf.isBefore(c.due)) {
            c.state = ClockState.BREACHED;
        } else if (kind == ClockKind.TRIAGE) {
            Duration target = Duration.ofHours(policy.triage().hours());
            c.state = Duration.between(asOf, c.due).compareTo(target.dividedBy(2)) < 0 ? ClockState.AT_RISK
                    : ClockState.RUNNING;
        } else {
            c.state = c.left <= policy.atRiskWorkingDays() ? ClockState.AT_RISK : ClockState.RUNNING;
        }
        return c;
    }

    /** An extension, agreed date, pause or resume: something that moves a response clock. */
    private record Stretch(EventType type, Instant occurredAt, Instant recordedAt, int days, LocalDate date) {}

    /** The facts of one stage that its clocks depend on. */
    private static final class StageTrack {
        final Stage stage;
        final Instant start;
        Instant acknowledgedAt;
        Instant respondedAt;
        Instant panelMetAt;
        Instant panelReportedAt;
        /** When the response clock's counted pause began, if it is paused at the last evaluation. */
        Instant pausedSince;
        final List<Stretch> stretches = new ArrayList<>();

        StageTrack(Stage stage, Instant start) {
            this.stage = stage;
            this.start = start;
        }
    }

    /** The parts of a {@link SlaClock} as they are worked out. */
    private static final class ClockBuilder {
        final ClockKind kind;
        final Stage stage;
        final Instant start;
        final LocalDate dueDate;
        final Instant due;
        Duration paused = Duration.ZERO;
        int pausedDays;
        int extension;
        boolean agreed;
        boolean stretchedLate;
        ClockState state;
        int left;
        Instant metAt;

        ClockBuilder(ClockKind kind, Stage stage, Instant start, LocalDate dueDate, Instant due) {
            this.kind = kind;
            this.stage = stage;
            this.start = start;
            this.dueDate = dueDate;
            this.due = due;
        }

        SlaClock build() {
            return new SlaClock(kind, stage, start, due, dueDate, paused, pausedDays, extension, agreed, stretchedLate,
                    state, left, Optional.ofNullable(metAt));
        }
    }
}
