package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.ClockState;
import uk.councilcomplaints.sla.SlaClock;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.sla.SlaStatus;
import uk.councilcomplaints.store.GroupKey;
import uk.councilcomplaints.store.HistoryFilter;

/**
 * One pass over histories computing {@link SlaPerformance}, or with a grouping {@link SlaPerformanceByGroup}: the
 * same counts, each stage in its group instead of its procedure and stage's row.
 */
final class SlaPerformanceFold {

    private final SlaEvaluator sla;
    private final LocalDate from;
    private final LocalDate to;
    private final LocalDate asOf;
    private final Instant knownAt;
    private final Instant periodStart;
    private final Instant periodEnd;
    private final Optional<Grouping> grouping;

    private int received;
    private int triageOnTime;
    private int triageLate;
    private int triageOverdue;
    private int triagePending;
    private final Map<Procedure, Map<Stage, Row>> rows = new EnumMap<>(Procedure.class);
    private final Map<GroupKey, Row> groups;

    private static final class Row {
        int started;
        int ackOnTime;
        int ackLate;
        int responded;
        int respondedOnTime;
        int openOverdue;
        int extended;
        final List<Integer> daysToRespond = new ArrayList<>();

        void add(Row other) {
            started += other.started;
            ackOnTime += other.ackOnTime;
            ackLate += other.ackLate;
            responded += other.responded;
            respondedOnTime += other.respondedOnTime;
            openOverdue += other.openOverdue;
            extended += other.extended;
            daysToRespond.addAll(other.daysToRespond);
        }

        SlaPerformanceByGroup.Row toRow(String label) {
            return new SlaPerformanceByGroup.Row(label, started, ackOnTime, ackLate, responded, respondedOnTime,
                    openOverdue, extended, median(daysToRespond));
        }
    }

    /** The fold by procedure and stage, for {@link SlaPerformance}. */
    SlaPerformanceFold(SlaEvaluator sla, LocalDate from, LocalDate to, LocalDate asOf, Instant knownAt) {
        this(sla, from, to, asOf, knownAt, Optional.empty());
    }

    /** The fold by {@code grouping}, for {@link SlaPerformanceByGroup}. */
    SlaPerformanceFold(SlaEvaluator sla, LocalDate from, LocalDate to, LocalDate asOf, Instant knownAt,
            Grouping grouping) {
        this(sla, from, to, asOf, knownAt, Optional.of(grouping));
    }

    private SlaPerformanceFold(SlaEvaluator sla, LocalDate from, LocalDate to, LocalDate asOf, Instant knownAt,
            Optional<Grouping> grouping) {
        checkArgument(!to.isBefore(from), "the period ends (%s) before it starts (%s)", to, from);
        checkArgument(!asOf.isBefore(to), "asOf (%s) must not be before the end of the period (%s)", asOf, to);
        this.sla = sla;
        this.from = from;
        this.to = to;
        this.asOf = asOf;
        this.knownAt = knownAt;
        this.periodStart = LondonDays.startOf(from);
        this.periodEnd = LondonDays.endOf(to);
        this.grouping = grouping;
        this.groups = new TreeMap<>(grouping.map(Grouping::order).orElse((a, b) -> 0));
    }

    /** The histories that can count: a contact received, or a stage started, in the period. */
    HistoryFilter wanted() {
        return HistoryFilter.activeBetween(periodStart, periodEnd);
    }

    SlaPerformance fold(Stream<ComplaintHistory> histories) {
        checkState(grouping.isEmpty(), "a grouped fold gives the figures by group");
        addAll(histories);
        List<SlaPerformance.StageRow> stageRows = new ArrayList<>();
        rows.forEach((procedure, byStage) -> byStage.forEach((stage, r) -> stageRows.add(
                new SlaPerformance.StageRow(procedure, stage, r.started, r.ackOnTime, r.ackLate, r.responded,
                        r.respondedOnTime, r.openOverdue, r.extended, median(r.daysToRespond)))));
        return new SlaPerformance(from, to, asOf, knownAt,
                new SlaPerformance.Triage(received, triageOnTime, triageLate, triageOverdue, triagePending),
                stageRows);
    }

    SlaPerformanceByGroup foldByGroup(Stream<ComplaintHistory> histories) {
        Grouping by = grouping.orElseThrow(() -> new IllegalStateException("not a grouped fold"));
        addAll(histories);
        List<SlaPerformanceByGroup.Row> groupRows = new ArrayList<>();
        Row total = new Row();
        groups.forEach((key, r) -> {
            groupRows.add(r.toRow(by.label(key)));
            total.add(r);
        });
        return new SlaPerformanceByGroup(from, to, asOf, knownAt, by, groupRows, total.toRow("Total"));
    }

    private void addAll(Stream<ComplaintHistory> histories) {
        Instant end = LondonDays.endOf(asOf);
        histories.forEach(h -> sla.evaluate(h, end.minusNanos(1), knownAt).ifPresent(s -> add(h, s)));
    }

    private boolean inPeriod(Instant at) {
        return !at.isBefore(periodStart) && at.isBefore(periodEnd);
    }

    private void add(ComplaintHistory history, SlaStatus status) {
        Procedure procedure = history.stateAsOf(status.asOf(), knownAt).orElseThrow().procedure();
        for (SlaClock clock : status.clocks()) {
            if (!inPeriod(clock.kind() == ClockKind.RESPONSE ? stageStart(status, clock) : clock.start())) {
                continue;
            }
            switch (clock.kind()) {
                case TRIAGE -> {
                    received++;
                    switch (clock.state()) {
                        case MET_ON_TIME -> triageOnTime++;
                        case MET_LATE -> triageLate++;
                        case BREACHED -> triageOverdue++;
                        default -> triagePending++;
                    }
                }
                case ACKNOWLEDGEMENT -> {
                    Row r = row(history, status, procedure, clock.stage());
                    r.started++;
                    if (clock.state() == ClockState.MET_ON_TIME) {
                        r.ackOnTime++;
                    } else if (clock.state() == ClockState.MET_LATE) {
                        r.ackLate++;
                    }
                }
                case RESPONSE -> {
                    Row r = row(history, status, procedure, clock.stage());
                    if (clock.state().met()) {
                        r.responded++;
                        r.respondedOnTime += clock.state() == ClockState.MET_ON_TIME ? 1 : 0;
                        r.daysToRespond.add(sla.calendar().workingDaysBetween(
                                LondonDays.dayOf(stageStart(status, clock)),
                                LondonDays.dayOf(clock.metAt().orElseThrow())));
                    } else if (clock.state() == ClockState.BREACHED) {
                        r.openOverdue++;
                    }
                    if (clock.stretched()) {
                        r.extended++;
                    }
                }
                case PANEL_MEETING, PANEL_REPORT -> {
                    // the review panel's milestones: not a column of this report
                }
                default -> throw new IllegalStateException(clock.kind().name());
            }
        }
    }

    /** A response clock may start at acknowledgement; the stage started with its acknowledgement clock. */
    private static Instant stageStart(SlaStatus status, SlaClock response) {
        return status.clock(ClockKind.ACKNOWLEDGEMENT, response.stage()).orElseThrow().start();
    }

    /**
     * The row a stage counts in: its procedure and stage's, or its group's as the case stood when the response was
     * sent, or at the end of the as-of day.
     */
    private Row row(ComplaintHistory history, SlaStatus status, Procedure procedure, Stage stage) {
        if (grouping.isEmpty()) {
            return rows.computeIfAbsent(procedure, p -> new EnumMap<>(Stage.class))
                    .computeIfAbsent(stage, s -> new Row());
        }
        Instant when = status.clock(ClockKind.RESPONSE, stage).flatMap(SlaClock::metAt).orElse(status.asOf());
        Complaint state = history.stateAsOf(when, knownAt).orElseThrow();
        return groups.computeIfAbsent(grouping.get().keyOf(state), k -> new Row());
    }

    private static OptionalDouble median(List<Integer> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        int mid = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0);
    }
}
