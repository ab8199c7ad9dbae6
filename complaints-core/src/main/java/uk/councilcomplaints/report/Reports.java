package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Themes;
import uk.councilcomplaints.queue.WorkQueues;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.GroupCounts;
import uk.councilcomplaints.store.HistoryFilter;

/**
 * The reports a council runs over a store: report tables as of any day (optionally as known at an
 * instant), a cohort's burn-down, the share of contacts that were not complaints, officer workload, SLA
 * performance (by procedure and stage, or by any grouping), the monthly trend and the statutory annual figures.
 * Tables are counted by the store (from its projection, or by folding histories);
 * SLA and statutory figures fold the histories of the complaints that can matter. Thread-safe.
 */
public final class Reports {

    private final ComplaintStore store;
    private final SlaEvaluator sla;
    private final WorkQueues queues;
    private final Themes themes;
    private final Clock clock;

    private Reports(ComplaintStore store, SlaEvaluator sla, Themes themes, Clock clock) {
        this.store = store;
        this.sla = sla;
        this.themes = themes;
        this.clock = clock;
        this.queues = WorkQueues.of(store, sla, Clock.systemUTC()); // reads only: its clock is never asked
    }

    /** Reports over {@code store}, with the England timescales for SLA figures. */
    public static Reports over(ComplaintStore store) {
        return over(store, SlaEvaluator.englandDefaults());
    }

    /** Reports over {@code store}, with a council's own timescales and calendar for SLA figures. */
    public static Reports over(ComplaintStore store, SlaEvaluator sla) {
        return over(store, sla, Themes.DEFAULT);
    }

    /** Reports over {@code store}, with a council's own timescales, calendar and complaint themes. */
    public static Reports over(ComplaintStore store, SlaEvaluator sla, Themes themes) {
        return over(store, sla, themes, Clock.systemUTC());
    }

    /**
     * Reports over {@code store}, with a council's own timescales, calendar and complaint themes, and the clock that
     * says which day it is for a year still in progress.
     */
    public static Reports over(ComplaintStore store, SlaEvaluator sla, Themes themes, Clock clock) {
        return new Reports(requireNonNull(store, "store"), requireNonNull(sla, "sla"), requireNonNull(themes, "themes"),
                requireNonNull(clock, "clock"));
    }

    /**
     * The Complaint Handling Code's annual complaints performance and service improvement report for the year
     * ending on {@code yearEnding} (a 31 March), with the previous year's figures beside it, counting the events
     * {@code knownAt} says. Reads every history once.
     */
    public CodeAnnualReport codeAnnual(LocalDate yearEnding, KnownAt knownAt) {
        checkYearEnding(yearEnding);
        requireNonNull(knownAt, "knownAt");
        LocalDate today = today(knownAt);
        CodeYearFold current = new CodeYearFold(yearEnding, knownAt.limit(), sla, themes, today);
        CodeYearFold previous = new CodeYearFold(yearEnding.minusYears(1), knownAt.limit(), sla, themes, today);
        try (Stream<ComplaintHistory> histories = store.histories(HistoryFilter.all())) {
            histories.sequential().forEach(h -> {
                current.add(h);
                previous.add(h);
            });
        }
        return new CodeAnnualReport(yearEnding, knownAt, current.year(), previous.year(), current.actions());
    }

    /**
     * The Regulator of Social Housing's complaint measures CH01 and CH02 for the year ending on {@code yearEnding}
     * (a 31 March), over {@code homes} homes owned, counting the events {@code knownAt} says.
     */
    public TenantSatisfactionMeasures tenantSatisfaction(LocalDate yearEnding, long homes, KnownAt knownAt) {
        checkYearEnding(yearEnding);
        requireNonNull(knownAt, "knownAt");
        checkArgument(homes > 0, "homes must be at least 1, was %s", homes);
        CodeYearFold year = new CodeYearFold(yearEnding, knownAt.limit(), sla, themes, today(knownAt));
        try (Stream<ComplaintHistory> histories = store.histories(HistoryFilter.all())) {
            histories.sequential().forEach(year::add);
        }
        Procedure housing = Procedure.HOUSING;
        return new TenantSatisfactionMeasures(yearEnding, knownAt, homes, year.received(housing, Stage.STAGE_1),
                year.received(housing, Stage.STAGE_2), year.responses(housing, Stage.STAGE_1, false),
                year.responses(housing, Stage.STAGE_1, true), year.responses(housing, Stage.STAGE_2, false),
                year.responses(housing, Stage.STAGE_2, true));
    }

    /** The day a year in progress is judged on: today, or the day of the instant of knowledge if earlier. */
    private LocalDate today(KnownAt knownAt) {
        LocalDate now = LondonDays.dayOf(clock.instant());
        return knownAt.instant().map(LondonDays::dayOf).filter(k -> k.isBefore(now)).orElse(now);
    }

    private static void checkYearEnding(LocalDate yearEnding) {
        Days.check(yearEnding, "the last day of the year");
        checkArgument(yearEnding.getMonth() == Month.MARCH && yearEnding.getDayOfMonth() == 31,
                "the complaints year ends on 31 March, not %s", yearEnding);
    }

    /**
     * How well the timescales were kept for the contacts received and stages started from {@code from} to
     * {@code to}, taken at the end of {@code asOf}, counting the events {@code knownAt} says.
     */
    public SlaPerformance slaPerformance(LocalDate from, LocalDate to, LocalDate asOf, KnownAt knownAt) {
        requireNonNull(knownAt, "knownAt");
        SlaPerformanceFold fold = new SlaPerformanceFold(sla, from, to, asOf, knownAt.limit());
        try (Stream<ComplaintHistory> histories = store.histories(fold.wanted())) {
            return fold.fold(histories);
        }
    }

    /**
     * {@link #slaPerformance}'s acknowledgement and response figures per group of {@code grouping} (officer, team,
     * service area, procedure...) instead of per procedure and stage, counting the events {@code knownAt} says.
     */
    public SlaPerformanceByGroup slaPerformance(LocalDate from, LocalDate to, LocalDate asOf, Grouping grouping,
            KnownAt knownAt) {
        requireNonNull(grouping, "grouping");
        requireNonNull(knownAt, "knownAt");
        SlaPerformanceFold fold = new SlaPerformanceFold(sla, from, to, asOf, knownAt.limit(), grouping);
        try (Stream<ComplaintHistory> histories = store.histories(fold.wanted())) {
            return fold.foldByGroup(histories);
        }
    }

    /**
     * Month by month from {@code from} to {@code to}: contacts received, cases closed, responses sent and sent on
     * time, counting the events {@code knownAt} says.
     */
    public MonthlyTrend monthlyTrend(LocalDate from, LocalDate to, KnownAt knownAt) {
        return monthlyTrend(from, to, Optional.empty(), knownAt);
    }

    /**
     * {@link #monthlyTrend(LocalDate, LocalDate, KnownAt)} with a row per month and group of {@code grouping}, as
     * each case stood at the end of {@code to}.
     */
    public MonthlyTrend monthlyTrend(LocalDate from, LocalDate to, Grouping grouping, KnownAt knownAt) {
        return monthlyTrend(from, to, Optional.of(requireNonNull(grouping, "grouping")), knownAt);
    }

    private MonthlyTrend monthlyTrend(LocalDate from, LocalDate to, Optional<Grouping> grouping, KnownAt knownAt) {
        Days.check(from, "from");
        Days.check(to, "to");
        requireNonNull(knownAt, "knownAt");
        MonthlyTrendFold fold = new MonthlyTrendFold(sla, from, to, knownAt.limit(), grouping);
        try (Stream<ComplaintHistory> histories = store.histories(fold.wanted())) {
            return fold.fold(histories);
        }
    }

    /** The report table for {@code query}, from the store's counts. */
    public ReportTable table(ReportQuery query) {
        return requireNonNull(query, "query").table(store);
    }

    /** The query's table as of each of {@code days}, in that order: a cohort's burn-down, counted in one pass. */
    public BurnDown burnDown(ReportQuery query, List<LocalDate> days) {
        requireNonNull(query, "query");
        requireNonNull(days, "days");
        checkArgument(!days.isEmpty(), "a burn-down needs at least one day");
        checkArgument(new HashSet<>(days).size() == days.size(), "a burn-down names each day once: %s", days);
        List<ReportQuery> asOfEachDay = days.stream().map(query::withAsOf).toList();
        GroupCounts counts = store.count(query.countQuery(days));
        ImmutableList.Builder<BurnDown.Point> points = ImmutableList.builder();
        for (ReportQuery q : asOfEachDay) {
            points.add(new BurnDown.Point(q.asOf(), q.fromCounts(counts)));
        }
        return new BurnDown(asOfEachDay.get(0), points.build());
    }

    /**
     * Of the contacts received from {@code from} to {@code to}, how many were not complaints as of
     * {@code asOf}, counting the events {@code knownAt} says.
     */
    public NonComplaintShare nonComplaintShare(LocalDate from, LocalDate to, LocalDate asOf, KnownAt knownAt) {
        checkArgument(!asOf.isBefore(from), "the as-of day %s is before the period starts on %s", asOf, from);
        ReportQuery q = known(ReportQuery.builder(Population.receivedBetween(from, to), Grouping.CLASSIFICATION,
                asOf), knownAt).build();
        ReportTable t = table(q);
        return new NonComplaintShare(from, q.population().to(), asOf, t.total().total(),
                rowTotal(t, Classification.SERVICE_REQUEST), rowTotal(t, Classification.NOT_COUNCIL_COMPLAINT));
    }

    private static long rowTotal(ReportTable table, Classification classification) {
        return table.row(classification.label()).map(ReportTable.Row::total).orElse(0L);
    }

    /**
     * The cases open as of the end of {@code asOf} per officer and bucket, counting the events {@code knownAt}
     * says; officers with none are left out.
     */
    public ReportTable officerWorkload(LocalDate asOf, KnownAt knownAt) {
        return table(known(ReportQuery.builder(Population.all(), Grouping.OFFICER, asOf).stillOpen(), knownAt)
                .build()).withoutEmptyRows();
    }

    private static ReportQuery.Builder known(ReportQuery.Builder query, KnownAt knownAt) {
        requireNonNull(knownAt, "knownAt").instant().ifPresent(query::knownAt);
        return query;
    }

    /**
     * The statutory annual figures for the year ending on {@code yearEnding}, a 31 March, counting the events
     * {@code knownAt} says.
     */
    public StatutoryAnnualReport statutoryAnnual(LocalDate yearEnding, KnownAt knownAt) {
        Days.check(yearEnding, "the last day of the year");
        checkArgument(yearEnding.getMonth() == Month.MARCH && yearEnding.getDayOfMonth() == 31,
                "the statutory year ends on 31 March, not %s", yearEnding);
        requireNonNull(knownAt, "knownAt");
        StatutoryAggregation aggregation = new StatutoryAggregation(yearEnding, knownAt.limit(), sla);
        try (Stream<ComplaintHistory> histories = store.histories(aggregation.wanted())) {
            return aggregation.report(histories);
        }
    }

    /**
     * Open cases by age in working days at the end of {@code asOf}, counting the events {@code knownAt} says: from
     * the histories of the complaints open then. Any past day, reprinted as known at any instant.
     */
    public AgeingReport ageing(LocalDate asOf, AgeingReport.By by, int oldest, KnownAt knownAt) {
        Days.check(asOf, "asOf");
        requireNonNull(by, "by");
        requireNonNull(knownAt, "knownAt");
        Instant end = LondonDays.endOf(asOf).minusNanos(1);
        List<AgeingReport.Case> cases = new ArrayList<>();
        try (Stream<ComplaintHistory> histories = store.histories(HistoryFilter.openAt(end, knownAt))) {
            histories.forEach(h -> h.stateAsOf(end, knownAt.limit()).filter(c -> c.status().open())
                    .ifPresent(c -> cases.add(new AgeingReport.Case(c.id(), c.reference(), c.receivedAt(),
                            c.serviceArea(), c.officer(), c.procedure()))));
        }
        return AgeingReport.of(asOf, by, oldest, cases, sla.calendar());
    }

    /**
     * Open cases by age in working days on the London day of {@code now}, an instant at or after every recorded
     * event: from the work queues' clock rows, where every open complaint has at least one running or paused clock.
     * Equal to {@link #ageing} for that day as known now.
     */
    public AgeingReport ageingNow(Instant now, AgeingReport.By by, int oldest) {
        requireNonNull(now, "now");
        requireNonNull(by, "by");
        Map<ComplaintId, AgeingReport.Case> cases = new LinkedHashMap<>();
        for (ClockQuery.Builder clocks : List.of(ClockQuery.running(), ClockQuery.paused())) {
            queues.all(clocks.limit(ClockQuery.MAX_LIMIT).build()).forEach(c -> cases.putIfAbsent(c.id(),
                    new AgeingReport.Case(c.id(), c.reference(), c.receivedAt(), c.serviceArea(), c.officer(),
                            c.procedure())));
        }
        return AgeingReport.of(LondonDays.dayOf(now), by, oldest, List.copyOf(cases.values()), sla.calendar());
    }
}
