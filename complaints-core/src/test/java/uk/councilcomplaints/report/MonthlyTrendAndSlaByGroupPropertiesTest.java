package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.testing.RandomHistories;
import uk.councilcomplaints.testing.ReferenceStore;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Over random histories (every command, late entries): SLA performance by any grouping adds up to the stage rows
 * of the ungrouped {@link SlaPerformance}, and the monthly trend's counts are plain counts of the events.
 */
class MonthlyTrendAndSlaByGroupPropertiesTest {

    private static final LocalDate FIRST = LocalDate.of(2022, 3, 1);
    private static final List<Grouping> GROUPINGS = List.of(Grouping.OFFICER, Grouping.TEAM, Grouping.SERVICE_AREA,
            Grouping.PROCEDURE, Grouping.TYPE);

    private static Complaints play(ReferenceStore store, List<Integer> steps) {
        SettableClock clock = new SettableClock(RandomHistories.START);
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        new RandomHistories(complaints, clock).play(steps, true);
        return complaints;
    }

    private static List<ComplaintHistory> histories(ReferenceStore store) {
        try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
            return all.toList();
        }
    }

    @Test
    void slaFiguresByAnyGroupingAddUpToTheStageRows() {
        Map<String, Integer> seen = new HashMap<>();
        qt().withFixedSeed(11L).withExamples(30).forAll(
                lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(20, 120),
                integers().between(0, 400), integers().between(0, 200), integers().between(0, 60))
                .checkAssert((steps, start, length, after) -> {
                    ReferenceStore store = ReferenceStore.correct();
                    Reports reports = play(store, steps).reports();
                    LocalDate from = FIRST.plusDays(start);
                    LocalDate to = from.plusDays(length);
                    LocalDate asOf = to.plusDays(after);
                    SlaPerformance plain = reports.slaPerformance(from, to, asOf, KnownAt.latest());
                    for (Grouping grouping : GROUPINGS) {
                        SlaPerformanceByGroup byGroup = reports.slaPerformance(from, to, asOf, grouping,
                                KnownAt.latest());
                        String what = grouping + " from " + from + " to " + to + " as of " + asOf;
                        checkSum(plain, byGroup, SlaPerformance.StageRow::started,
                                SlaPerformanceByGroup.Row::started, what);
                        checkSum(plain, byGroup, SlaPerformance.StageRow::acknowledgedOnTime,
                                SlaPerformanceByGroup.Row::acknowledgedOnTime, what);
                        checkSum(plain, byGroup, SlaPerformance.StageRow::acknowledgedLate,
                                SlaPerformanceByGroup.Row::acknowledgedLate, what);
                        checkSum(plain, byGroup, SlaPerformance.StageRow::responded,
                                SlaPerformanceByGroup.Row::responded, what);
                        checkSum(plain, byGroup, SlaPerformance.StageRow::respondedOnTime,
                                SlaPerformanceByGroup.Row::respondedOnTime, what);
                        checkSum(plain, byGroup, SlaPerformance.StageRow::openOverdue,
                                SlaPerformanceByGroup.Row::openOverdue, what);
                        checkSum(plain, byGroup, SlaPerformance.StageRow::extended,
                                SlaPerformanceByGroup.Row::extended, what);
                    }
                    seen.merge("started", sum(plain.stages(), SlaPerformance.StageRow::started), Integer::sum);
                    seen.merge("responded", sum(plain.stages(), SlaPerformance.StageRow::responded), Integer::sum);
                    seen.merge("overdue", sum(plain.stages(), SlaPerformance.StageRow::openOverdue), Integer::sum);
                });
        seen.forEach((what, n) -> assertTrue(n > 0, "the examples counted some " + what + ": " + seen));
    }

    private static void checkSum(SlaPerformance plain, SlaPerformanceByGroup byGroup,
            ToIntFunction<SlaPerformance.StageRow> stage, ToIntFunction<SlaPerformanceByGroup.Row> group,
            String what) {
        int expected = sum(plain.stages(), stage);
        assertEquals(expected, sum(byGroup.rows(), group), what);
        assertEquals(expected, group.applyAsInt(byGroup.total()), what + ", total");
    }

    private static <T> int sum(List<T> rows, ToIntFunction<T> value) {
        return rows.stream().mapToInt(value).sum();
    }

    @Test
    void monthlyTrendCountsAreThePlainCountsOfTheEvents() {
        Map<String, Long> seen = new HashMap<>();
        qt().withFixedSeed(13L).withExamples(30).forAll(
                lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(20, 120),
                integers().between(0, 400), integers().between(0, 200)).checkAssert((steps, start, length) -> {
                    ReferenceStore store = ReferenceStore.correct();
                    Reports reports = play(store, steps).reports();
                    LocalDate from = FIRST.plusDays(start);
                    LocalDate to = from.plusDays(length);
                    MonthlyTrend trend = reports.monthlyTrend(from, to, KnownAt.latest());
                    Map<YearMonth, long[]> expected = plainCounts(histories(store), from, to);
                    String what = "from " + from + " to " + to;
                    assertEquals(expected.keySet().stream().toList(),
                            trend.rows().stream().map(MonthlyTrend.Row::month).toList(), what);
                    MonthlyTrend.Counts total = new MonthlyTrend.Counts(0, 0, 0, 0);
                    for (MonthlyTrend.Row row : trend.rows()) {
                        long[] n = expected.get(row.month());
                        MonthlyTrend.Counts c = row.counts();
                        assertEquals(List.of(n[0], n[1], n[2]), List.of(c.received(), c.closed(), c.responded()),
                                what + ", " + row.month());
                        assertTrue(c.respondedOnTime() <= c.responded(), what);
                        total = total.plus(c);
                        seen.merge("received", n[0], Long::sum);
                        seen.merge("closed", n[1], Long::sum);
                        seen.merge("responded", n[2], Long::sum);
                        seen.merge("on time", c.respondedOnTime(), Long::sum);
                    }
                    assertEquals(total, trend.total(), what);
                    for (Grouping grouping : GROUPINGS) {
                        MonthlyTrend grouped = reports.monthlyTrend(from, to, grouping, KnownAt.latest());
                        assertEquals(trend.total(), grouped.total(), what + " by " + grouping);
                        assertEquals(trend.total(), grouped.rows().stream().map(MonthlyTrend.Row::counts)
                                .reduce(new MonthlyTrend.Counts(0, 0, 0, 0), MonthlyTrend.Counts::plus), what);
                    }
                });
        seen.forEach((what, n) -> assertTrue(n > 0, "the examples counted some " + what + ": " + seen));
    }

    /** Per month of the period: received, closed, responded, counted straight from the events. */
    private static Map<YearMonth, long[]> plainCounts(List<ComplaintHistory> histories, LocalDate from, LocalDate to) {
        Instant start = LondonDays.startOf(from);
        Instant end = LondonDays.endOf(to);
        Map<YearMonth, long[]> counts = new java.util.TreeMap<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            counts.put(m, new long[3]);
        }
        for (ComplaintHistory h : histories) {
            boolean wasOpen = true;
            for (ComplaintEvent e : h.events()) {
                if (!e.occurredAt().isBefore(end)) {
                    continue;
                }
                boolean inPeriod = !e.occurredAt().isBefore(start);
                YearMonth month = YearMonth.from(LondonDays.dayOf(e.occurredAt()));
                if (inPeriod && e.data() instanceof EventData.Received) {
                    counts.get(month)[0]++;
                }
                if (inPeriod && wasOpen && !e.status().open()) {
                    counts.get(month)[1]++;
                }
                if (inPeriod && e.data() instanceof EventData.Responded) {
                    counts.get(month)[2]++;
                }
                wasOpen = e.status().open();
            }
        }
        return counts;
    }
}
