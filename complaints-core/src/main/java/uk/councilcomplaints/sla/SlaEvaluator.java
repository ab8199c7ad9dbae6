package uk.councilcomplaints.sla;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Suppliers;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;

/**
 * Evaluates a complaint's clocks (triage, then acknowledgement and response at each stage, and the review
 * panel's meeting and report at children's stage 3) at any instant, from its events alone: only events that
 * happened by then, and optionally only those recorded by a {@code knownAt} instant, count. So a figure for
 * a past instant, known at a past instant, never changes when later events arrive.
 *
 * <p>Response clocks stretch only for recorded reasons: extensions, an agreed response date (adult social
 * care), pauses. A stretch counts only if it was both dated and recorded before the due date it would move:
 * one entered after the deadline cannot undo a breach, and the clock says it was stretched late
 * ({@link SlaClock#stretchedLate()}). Immutable and thread-safe.
 */
public final class SlaEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(SlaEvaluator.class);

    private final SlaPolicy policy;
    private final WorkingCalendar calendar;
    private final Supplier<Long> basis;

    private SlaEvaluator(SlaPolicy policy, WorkingCalendar calendar) {
        this.policy = requireNonNull(policy, "policy");
        this.calendar = requireNonNull(calendar, "calendar");
        this.basis = Suppliers.memoize(this::fingerprint);
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

    /**
     * The clocks at {@code asOf}, counting only events recorded by {@code knownAt}; empty if not yet received
     * then. Also empty, with a warning logged, if one of the complaint's clocks falls outside the calendar's
     * supported years (a {@link CalendarRangeException}): commands refuse such dates, so only data written
     * around them can, and one such complaint must not stop a listing or a report. Any other exception from
     * the calendar or the policy propagates.
     *
     * @throws CalendarRangeException if {@code asOf} is after the calendar's last supported year
     */
    public Optional<SlaStatus> evaluate(ComplaintHistory history, Instant asOf, Instant knownAt) {
        requireNonNull(history, "history");
        requireNonNull(knownAt, "knownAt");
        LocalDate day = LondonDays.dayOf(requireNonNull(asOf, "asOf"));
        if (day.getYear() > calendar.lastYear()) {
            throw new CalendarRangeException("asOf " + asOf + " is after the last year the working-day calendar"
                    + " supports (" + calendar.firstYear() + " to " + calendar.lastYear() + ")");
        }
        int visible = history.visibleCount(asOf, knownAt);
        if (visible == 0) {
            return Optional.empty();
        }
        ClockFold fold = new ClockFold(policy, calendar);
        for (ComplaintEvent e : history.events().subList(0, visible)) {
            fold.apply(e);
        }
        try {
            return Optional.of(new SlaStatus(history.id(), fold.reference(), asOf, fold.clocks(asOf)));
        } catch (CalendarRangeException e) {
            LOG.warn("SLA clocks of {} ({}) as of {} left out: {}", fold.reference(), history.id(), asOf,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The complaints with a breached or at-risk clock at {@code asOf}, as known at {@code knownAt}, in the
     * order of the given histories.
     */
    public List<SlaStatus> breachedOrAtRisk(Stream<ComplaintHistory> histories, Instant asOf, Instant knownAt) {
        return histories.map(h -> evaluate(h, asOf, knownAt)).flatMap(Optional::stream)
                .filter(s -> s.breached() || s.atRisk()).collect(Collectors.toList());
    }

    /**
     * A fingerprint of this evaluator's policy and of every working day of its calendar: clock rows computed
     * under another basis may have other due dates (a new bank holiday, a changed target). Never 0.
     */
    public long basis() {
        return basis.get();
    }

    private long fingerprint() {
        Hasher h = Hashing.sha256().newHasher().putString(policy.toString(), StandardCharsets.UTF_8)
                .putInt(calendar.firstYear()).putInt(calendar.lastYear());
        for (LocalDate d = LocalDate.of(calendar.firstYear(), 1, 1); d.getYear() <= calendar.lastYear();
                d = d.plusDays(1)) {
            h.putBoolean(calendar.isWorkingDay(d));
        }
        long value = h.hash().asLong();
        return value == 0 ? 1 : value;
    }

    /**
     * The complaint's clocks still running or paused after its latest event, with this evaluator's
     * {@link #basis()}: what a commit stores for the work queues. No clock runs after the complaint is closed,
     * reclassified or responded to at its last stage. A complaint one of whose clocks falls outside the calendar's
     * years gets no rows, with a warning, as {@link #evaluate} leaves it out.
     */
    public ClockRows clockRows(ComplaintHistory history) {
        requireNonNull(history, "history");
        List<ComplaintEvent> events = history.events();
        Instant asOf = events.get(events.size() - 1).occurredAt();
        ClockFold fold = new ClockFold(policy, calendar);
        events.forEach(fold::apply);
        List<SlaClock> clocks;
        try {
            clocks = fold.clocks(asOf);
        } catch (CalendarRangeException e) {
            LOG.warn("SLA clocks of {} ({}) left out of the work queues: {}", fold.reference(), history.id(),
                    e.getMessage());
            return new ClockRows(basis(), List.of());
        }
        Complaint state = history.current();
        List<DueClock> rows = new ArrayList<>();
        for (SlaClock c : clocks) {
            if (!c.state().open()) {
                continue;
            }
            boolean paused = c.state() == ClockState.PAUSED;
            rows.add(new DueClock(state.id(), state.reference(), state.status(), state.procedure(),
                    state.serviceArea(), state.officer(), state.team(), state.receivedAt(), c.kind(), c.stage(),
                    paused ? Optional.empty() : Optional.of(c.due()),
                    paused ? Optional.empty() : Optional.of(c.dueDate()),
                    paused ? Optional.empty() : Optional.of(atRiskFrom(c)),
                    paused ? fold.pausedSince(c.stage()) : Optional.empty(),
                    c.workingDaysLeft(), c.extensionWorkingDays(), c.dateAgreed()));
        }
        return new ClockRows(basis(), rows);
    }

    /**
     * The first instant at which a running clock is at risk, in whole microseconds: for triage, just after its due
     * instant less half its hours; for a clock due on a day, the start of the first day from which at most the
     * policy's margin of working days are left.
     */
    private Instant atRiskFrom(SlaClock c) {
        if (c.kind() == ClockKind.TRIAGE) {
            Duration half = Duration.ofHours(policy.triage().hours()).dividedBy(2);
            return c.due().minus(half).plusNanos(1000);
        }
        int margin = policy.atRiskWorkingDays();
        LocalDate due = c.dueDate();
        LocalDate first = due;
        LocalDate floor = LocalDate.of(calendar.firstYear(), 1, 1);
        while (first.isAfter(floor) && calendar.workingDaysBetween(first.minusDays(1), due) <= margin) {
            first = first.minusDays(1);
        }
        return LondonDays.startOf(first);
    }

    /**
     * The earliest due instant a clock at risk or breached at {@code at} can have: every such clock is due before
     * this (exclusive), so a store can read its rows as one range of due instants.
     */
    public Instant atRiskDueBefore(Instant at) {
        Instant t = DueClock.ceilMicros(at);
        LocalDate day = LondonDays.dayOf(t);
        int margin = policy.atRiskWorkingDays();
        LocalDate last = day;
        LocalDate ceiling = LocalDate.of(calendar.lastYear(), 12, 31);
        while (last.isBefore(ceiling) && calendar.workingDaysBetween(day, last.plusDays(1)) <= margin) {
            last = last.plusDays(1);
        }
        Instant days = LondonDays.endOf(last).plusNanos(1000);
        Instant triage = t.plus(Duration.ofHours(policy.triage().hours()).dividedBy(2)).plusNanos(1000);
        return days.isAfter(triage) ? days : triage;
    }

    /** The response clock of the latest stage at {@code at}, if the complaint has one. */
    public Optional<SlaClock> responseClock(ComplaintHistory history, Instant at) {
        return evaluate(history, at).flatMap(s -> s.clocks().stream()
                .filter(c -> c.kind() == ClockKind.RESPONSE).reduce((a, b) -> b));
    }
}
