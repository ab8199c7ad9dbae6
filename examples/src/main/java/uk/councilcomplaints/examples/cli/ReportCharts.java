package uk.councilcomplaints.examples.cli;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.report.BurnDown;
import uk.councilcomplaints.report.Grid;
import uk.councilcomplaints.report.MonthlyTrend;
import uk.councilcomplaints.report.Report;
import uk.councilcomplaints.report.ReportTable;
import uk.councilcomplaints.report.SlaPerformance;
import uk.councilcomplaints.report.SlaPerformanceByGroup;

/** Which of core's reports gets a chart in the HTML paper, and which has a totals line. */
final class ReportCharts {

    private ReportCharts() {
    }

    /** {@code section}, the table of {@code report}, with its chart and totals line as the report has them. */
    static Document.Section of(Report report, Document.Section section) {
        if (report instanceof BurnDown burnDown) {
            return section.withoutTotal().withChart(burnDown(burnDown));
        } else if (report instanceof ReportTable table) {
            return section.withChart(Chart.ofColumns(Chart.Kind.STACKED_BARS,
                    table.heading().equals("Type") ? "Contacts by type and where they stand"
                            : "Cases by " + table.heading().toLowerCase(Locale.UK) + " and where they stand",
                    "Cases", section.grid(), buckets(), ReportTable.TOTAL_LABEL));
        } else if (report instanceof SlaPerformanceByGroup byGroup) {
            return section.withChart(Chart.ofColumns(Chart.Kind.STACKED_BARS, "Responses by "
                    + byGroup.grouping().heading().toLowerCase(Locale.UK) + ": on time, late, overdue", "Stages",
                    section.grid(), List.of("met_on_time", "late", "open_overdue"), ReportTable.TOTAL_LABEL));
        } else if (report instanceof MonthlyTrend trend) {
            return section.withChart(monthlyTrend(trend));
        } else if (report instanceof SlaPerformance) {
            // the stages only: triage counts every contact, and its bar would dwarf theirs (it stays in the table);
            // the Total line sums the stages
            Grid stages = new Grid(section.grid().columns(),
                    section.grid().lines().stream().filter(l -> !l.key().equals("triage")).toList());
            return section.withChart(Chart.ofColumns(Chart.Kind.STACKED_BARS,
                    "Timescales: responses by procedure and stage", "Complaints", stages,
                    List.of("done_on_time", "done_late", "open_overdue"), ReportTable.TOTAL_LABEL));
        }
        return section.withoutTotal();
    }

    private static List<String> buckets() {
        List<String> keys = new ArrayList<>();
        for (StatusBucket b : StatusBucket.values()) {
            keys.add(b.key());
        }
        return keys;
    }

    /** The monthly totals (every group's together): lines. */
    private static Chart monthlyTrend(MonthlyTrend trend) {
        Map<YearMonth, MonthlyTrend.Counts> byMonth = new TreeMap<>();
        for (MonthlyTrend.Row row : trend.rows()) {
            byMonth.merge(row.month(), row.counts(), MonthlyTrend.Counts::plus);
        }
        List<String> months = byMonth.keySet().stream().map(YearMonth::toString).toList();
        List<MonthlyTrend.Counts> counts = List.copyOf(byMonth.values());
        return new Chart(Chart.Kind.LINES, "Month by month: received, closed and responded", "Cases", months,
                List.of(series("Received", counts, MonthlyTrend.Counts::received),
                        series("Closed", counts, MonthlyTrend.Counts::closed),
                        series("Responded", counts, MonthlyTrend.Counts::responded),
                        series("Responded on time", counts, MonthlyTrend.Counts::respondedOnTime)));
    }

    private static Chart.Series series(String name, List<MonthlyTrend.Counts> counts,
            ToLongFunction<MonthlyTrend.Counts> value) {
        return new Chart.Series(name, counts.stream().map(c -> (double) value.applyAsLong(c)).toList());
    }

    /** The cohort's open cases on each day, per open bucket and in all: lines. */
    private static Chart burnDown(BurnDown burnDown) {
        List<String> days = burnDown.points().stream().map(p -> p.asOf().toString()).toList();
        List<Chart.Series> series = new ArrayList<>();
        for (StatusBucket bucket : StatusBucket.values()) {
            if (bucket.open()) {
                series.add(new Chart.Series(bucket.label(), burnDown.points().stream()
                        .map(p -> (double) p.table().total().count(bucket)).toList()));
            }
        }
        series.add(new Chart.Series("Still open, in all", burnDown.points().stream()
                .map(p -> (double) p.open()).toList()));
        return new Chart(Chart.Kind.LINES, "Burn-down: cases still open on each day", "Cases open", days, series);
    }
}
