package uk.councilcomplaints.sla;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
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

    /** The response clock of the latest stage at {@code at}, if the complaint has one. */
    public Optional<SlaClock> responseClock(ComplaintHistory history, Instant at) {
        return evaluate(history, at).flatMap(s -> s.clocks().stream()
                .filter(c -> c.kind() == ClockKind.RESPONSE).reduce((a, b) -> b));
    }
}
