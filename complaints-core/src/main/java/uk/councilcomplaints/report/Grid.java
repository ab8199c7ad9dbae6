package uk.councilcomplaints.report;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.ToLongFunction;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.StatusBucket;

/**
 * Any report laid out as columns and lines of text: what every format ({@link ReportFormat}) and an app's own
 * HTML table render. The first column labels the line: {@link Line#key()} in CSV, {@link Line#cells()}{@code [0]}
 * elsewhere.
 *
 * @param columns the columns, the label column first
 * @param lines the lines, each with one cell per column
 */
public record Grid(List<Column> columns, List<Line> lines) {

    /**
     * A column: its CSV name, its heading, and whether it holds numbers (aligned right).
     *
     * @param key the column's name in CSV
     * @param heading the column's heading
     * @param numeric whether its cells are numbers
     */
    public record Column(String key, String heading, boolean numeric) {
    }

    /**
     * A line: its CSV label and its cells, one per column.
     *
     * @param key the line's label in CSV
     * @param cells its cells, the label first
     */
    public record Line(String key, List<String> cells) {
        static Line of(String label, List<String> values) {
            List<String> cells = new ArrayList<>(values.size() + 1);
            cells.add(label);
            cells.addAll(values);
            return new Line(label, cells);
        }
    }

    public Grid {
        columns = ImmutableList.copyOf(columns);
        lines = ImmutableList.copyOf(lines);
    }

    /** The grid of any report, every column shown. */
    public static Grid of(Report report) {
        return of(report, false);
    }

    /** The grid of any report. */
    static Grid of(Report report, boolean hideEmptyBuckets) {
        if (report instanceof ReportTable t) {
            return table(t, hideEmptyBuckets);
        } else if (report instanceof BurnDown b) {
            return burnDown(b, hideEmptyBuckets);
        } else if (report instanceof NonComplaintShare s) {
            return share(s);
        } else if (report instanceof StatutoryAnnualReport a) {
            return statutory(a);
        } else if (report instanceof SlaPerformance p) {
            return performance(p);
        } else if (report instanceof SlaPerformanceByGroup g) {
            return performanceByGroup(g);
        } else if (report instanceof MonthlyTrend m) {
            return monthlyTrend(m);
        }
        throw new IllegalArgumentException("unknown report " + report.getClass());
    }

    /**
     * The ageing report's groups and total by age bucket ({@link AgeingReport#BUCKET_LABELS}); its oldest cases
     * are listed apart ({@link AgeingReport#oldest()}).
     */
    public static Grid of(AgeingReport report) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("group", switch (report.by()) {
            case SERVICE_AREA -> "Service area";
            case OFFICER -> "Officer";
            case PROCEDURE -> "Procedure";
        }, false));
        for (String bucket : AgeingReport.BUCKET_LABELS) {
            columns.add(new Column("days_" + bucket.replace("-", "_").replace("+", "_plus"), bucket, true));
        }
        columns.add(new Column("total", "Total", true));
        List<Line> lines = new ArrayList<>();
        List<AgeingReport.Row> rows = new ArrayList<>(report.rows());
        rows.add(report.total());
        for (AgeingReport.Row row : rows) {
            List<String> values = new ArrayList<>();
            row.counts().forEach(n -> values.add(Long.toString(n)));
            values.add(Long.toString(row.total()));
            lines.add(Line.of(row.label(), values));
        }
        return new Grid(columns, lines);
    }

    private static Grid table(ReportTable t, boolean hideEmpty) {
        List<ReportTable.Row> rows = new ArrayList<>(t.rows());
        rows.add(t.total());
        List<StatusBucket> buckets = buckets(hideEmpty, b -> t.total().count(b));
        List<Line> lines = new ArrayList<>();
        for (ReportTable.Row row : rows) {
            lines.add(Line.of(row.label(), counts(row, buckets)));
        }
        return new Grid(bucketColumns("group", t.heading(), buckets), lines);
    }

    private static Grid burnDown(BurnDown b, boolean hideEmpty) {
        List<StatusBucket> buckets = buckets(hideEmpty,
                bucket -> b.points().stream().mapToLong(p -> p.table().total().count(bucket)).sum());
        List<Line> lines = new ArrayList<>();
        for (BurnDown.Point p : b.points()) {
            lines.add(Line.of(p.asOf().toString(), counts(p.table().total(), buckets)));
        }
        return new Grid(bucketColumns("as_of", "As of", buckets), lines);
    }

    private static Grid share(NonComplaintShare s) {
        List<Column> columns = List.of(new Column("from", "From", false), new Column("to", "To", false),
                new Column("as_of", "As of", false), new Column("contacts", "Contacts", true),
                new Column("service_requests", "Service requests", true),
                new Column("not_council_complaints", "Not a council complaint", true),
                new Column("non_complaints", "Not complaints", true),
                new Column("share_percent", "Share (%)", true));
        List<String> values = List.of(s.to().toString(), s.asOf().toString(), Long.toString(s.contacts()),
                Long.toString(s.serviceRequests()), Long.toString(s.notCouncilComplaints()),
                Long.toString(s.nonComplaints()),
                // a share of no contacts is not 0%
                s.contacts() == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", 100 * s.share()));
        return new Grid(columns, List.of(Line.of(s.from().toString(), values)));
    }

    private static Grid statutory(StatutoryAnnualReport r) {
        List<Line> lines = new ArrayList<>();
        lines.add(figure("adults_received", "Adult social care: complaints received", r.adults().received()));
        lines.add(figure("adults_well_founded", "Adult social care: complaints well-founded (upheld or partly upheld)",
                r.adults().wellFounded()));
        lines.add(figure("adults_referred_to_ombudsman", "Adult social care: referred to the Ombudsman",
                r.adults().referredToOmbudsman()));
        lines.add(figure("adults_responded_within_timescale", "Adult social care: responses within the agreed timescale",
                r.adults().respondedWithinTimescale()));
        for (Stage stage : Stage.values()) {
            String key = "childrens_stage_" + stage.number();
            String label = "Children's social care " + stage + ": ";
            lines.add(figure(key + "_received", label + (stage == Stage.STAGE_1 ? "complaints received"
                    : "escalations received"), r.childrens().received(stage)));
            long responses = 0;
            for (Outcome o : Outcome.values()) {
                String outcome = o.name().toLowerCase(Locale.ROOT);
                lines.add(figure(key + "_responses_" + outcome,
                        label + "responses " + outcome.replace('_', ' '), r.childrens().responses(stage, o)));
                responses += r.childrens().responses(stage, o);
            }
            lines.add(figure(key + "_responses_total", label + "responses in all", responses));
            lines.add(figure(key + "_responses_within_timescale", label + "responses within timescale",
                    r.childrens().withinTimescale(stage)));
        }
        return new Grid(List.of(new Column("figure", "Year ending " + r.yearEnding(), false),
                new Column("count", "Count", true)), lines);
    }

    /**
     * Triage is the first line: "done" means triaged; on the stage lines it means responded. The Total line sums
     * the stage lines (not triage, which counts contacts); a median does not add up, so its cell is empty.
     */
    private static Grid performance(SlaPerformance p) {
        List<Column> columns = List.of(new Column("group", "Clock", false),
                new Column("started", "Started", true),
                new Column("acknowledged_on_time", "Acknowledged on time", true),
                new Column("acknowledged_late", "Acknowledged late", true),
                new Column("done", "Done", true), new Column("done_on_time", "Done on time", true),
                new Column("done_late", "Done late", true), new Column("open_overdue", "Open, overdue", true),
                new Column("extended", "Extended", true),
                new Column("median_working_days", "Median working days", true));
        List<Line> lines = new ArrayList<>();
        SlaPerformance.Triage t = p.triage();
        lines.add(new Line("triage", List.of("Triage (every contact)", Long.toString(t.received()), "", "",
                Long.toString(t.withinTarget() + t.late()), Long.toString(t.withinTarget()), Long.toString(t.late()),
                Long.toString(t.overdue()), "", "")));
        List<ToLongFunction<SlaPerformance.StageRow>> counts = List.of(SlaPerformance.StageRow::started,
                SlaPerformance.StageRow::acknowledgedOnTime, SlaPerformance.StageRow::acknowledgedLate,
                SlaPerformance.StageRow::responded, SlaPerformance.StageRow::respondedOnTime,
                r -> r.responded() - r.respondedOnTime(), SlaPerformance.StageRow::openOverdue,
                SlaPerformance.StageRow::extended);
        for (SlaPerformance.StageRow r : p.stages()) {
            List<String> values = new ArrayList<>();
            counts.forEach(count -> values.add(Long.toString(count.applyAsLong(r))));
            values.add(oneDecimal(r.medianWorkingDaysToRespond(), 1));
            lines.add(Line.of(r.label(), values));
        }
        List<String> total = new ArrayList<>();
        counts.forEach(count -> total.add(Long.toString(p.stages().stream().mapToLong(count).sum())));
        total.add("");
        lines.add(Line.of(ReportTable.TOTAL_LABEL, total));
        return new Grid(columns, lines);
    }

    /** The response columns of the stage lines, a line per group, then the total. */
    private static Grid performanceByGroup(SlaPerformanceByGroup g) {
        List<Column> columns = List.of(new Column("group", g.grouping().heading(), false),
                new Column("started", "Started", true), new Column("met_on_time", "Responded on time", true),
                new Column("late", "Responded late", true), new Column("open_overdue", "Open, overdue", true),
                new Column("median_working_days", "Median working days", true));
        List<Line> lines = new ArrayList<>();
        List<SlaPerformanceByGroup.Row> rows = new ArrayList<>(g.rows());
        rows.add(g.total());
        for (SlaPerformanceByGroup.Row r : rows) {
            lines.add(Line.of(r.label(), List.of(Long.toString(r.started()), Long.toString(r.respondedOnTime()),
                    Long.toString(r.respondedLate()), Long.toString(r.openOverdue()),
                    oneDecimal(r.medianWorkingDaysToRespond(), 1))));
        }
        return new Grid(columns, lines);
    }

    /** A line per month (and group), then the total; the month column labels the line in CSV. */
    private static Grid monthlyTrend(MonthlyTrend m) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("month", "Month", false));
        m.grouping().ifPresent(g -> columns.add(new Column("group", g.heading(), false)));
        columns.addAll(List.of(new Column("received", "Received", true), new Column("closed", "Closed", true),
                new Column("responded", "Responded", true), new Column("responded_on_time", "Responded on time", true),
                new Column("on_time_percent", "On time (%)", true)));
        List<Line> lines = new ArrayList<>();
        for (MonthlyTrend.Row r : m.rows()) {
            lines.add(trendLine(m, r.month().toString(), r.group(), r.counts()));
        }
        lines.add(trendLine(m, "Total", "", m.total()));
        return new Grid(columns, lines);
    }

    private static Line trendLine(MonthlyTrend m, String month, String group, MonthlyTrend.Counts c) {
        List<String> values = new ArrayList<>();
        if (m.grouping().isPresent()) {
            values.add(group);
        }
        values.addAll(List.of(Long.toString(c.received()), Long.toString(c.closed()), Long.toString(c.responded()),
                Long.toString(c.respondedOnTime()), oneDecimal(c.shareRespondedOnTime(), 100)));
        return Line.of(month, values);
    }

    /** {@code value} times {@code scale} to one decimal place; empty when absent. */
    private static String oneDecimal(OptionalDouble value, int scale) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", scale * value.getAsDouble()) : "";
    }

    private static Line figure(String key, String label, long count) {
        return new Line(key, List.of(label, Long.toString(count)));
    }

    private static List<StatusBucket> buckets(boolean hideEmpty, ToLongFunction<StatusBucket> columnSum) {
        List<StatusBucket> shown = new ArrayList<>();
        for (StatusBucket b : StatusBucket.values()) {
            if (!hideEmpty || columnSum.applyAsLong(b) != 0) {
                shown.add(b);
            }
        }
        return shown;
    }

    private static List<Column> bucketColumns(String key, String heading, List<StatusBucket> buckets) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(key, heading, false));
        columns.add(new Column("total", "Total", true));
        for (StatusBucket b : buckets) {
            columns.add(new Column(b.key(), b.label(), true));
        }
        return columns;
    }

    private static List<String> counts(ReportTable.Row row, List<StatusBucket> buckets) {
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(row.total()));
        for (StatusBucket b : buckets) {
            cells.add(Long.toString(row.count(b)));
        }
        return cells;
    }
}
