package uk.councilcomplaints.examples.cli;

import java.util.ArrayList;
import java.util.List;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.report.BurnDown;
import uk.councilcomplaints.report.Grid;
import uk.councilcomplaints.report.Report;
import uk.councilcomplaints.report.ReportTable;
import uk.councilcomplaints.report.SlaPerformance;

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
                            : "Cases by " + table.heading().toLowerCase(java.util.Locale.UK) + " and where they stand",
                    "Cases", section.grid(), buckets(), ReportTable.TOTAL_LABEL));
        } else if (report instanceof SlaPerformance) {
            // the stages only: triage counts every contact, and its bar would dwarf theirs (it stays in the table)
            Grid stages = new Grid(section.grid().columns(),
                    section.grid().lines().stream().filter(l -> !l.key().equals("triage")).toList());
            return section.withoutTotal().withChart(Chart.ofColumns(Chart.Kind.STACKED_BARS,
                    "Timescales: responses by procedure and stage", "Complaints", stages,
                    List.of("done_on_time", "done_late", "open_overdue"), ""));
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
