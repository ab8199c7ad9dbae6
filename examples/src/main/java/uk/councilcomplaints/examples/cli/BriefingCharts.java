package uk.councilcomplaints.examples.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.ToLongFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.report.BurnDown;
import uk.councilcomplaints.report.ReportTable;
import uk.councilcomplaints.report.SlaPerformance;

/** The briefing's charts, drawn headless with XChart from the computed reports, as PNG bytes. */
final class BriefingCharts {

    static final int WIDTH = 900;
    static final int HEIGHT = 420;
    private static final Color[] BUCKET_COLOURS = {new Color(0xB2182B), new Color(0xEF8A62), new Color(0x67A9CF),
        new Color(0x1A9850), new Color(0x999999)};

    private BriefingCharts() {
    }

    /** The cohort's open cases over the burn-down's days, per open bucket and in all: lines. */
    static byte[] burnDown(BurnDown burnDown, String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("As of")
                .yAxisTitle("Cases open").build();
        style(chart.getStyler());
        chart.getStyler().setDatePattern("d MMM yyyy");
        chart.getStyler().setSeriesColors(new Color[] {BUCKET_COLOURS[0], BUCKET_COLOURS[1], BUCKET_COLOURS[2],
            Color.BLACK});
        List<Date> days = burnDown.points().stream().map(p -> Date.from(LondonDays.startOf(p.asOf()))).toList();
        for (StatusBucket bucket : StatusBucket.values()) {
            if (bucket.open()) {
                chart.addSeries(bucket.label(), days, values(burnDown, p -> p.table().total().count(bucket)));
            }
        }
        chart.addSeries("Still open, in all", days, values(burnDown, BurnDown.Point::open));
        return png(chart);
    }

    /** A report table's rows as bars, each stacked by bucket. */
    static byte[] stackedByBucket(ReportTable table, String title) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(table.heading()).yAxisTitle("Contacts").build();
        style(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setSeriesColors(BUCKET_COLOURS);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setXAxisLabelRotation(12);
        List<String> groups = table.rows().stream().map(ReportTable.Row::label).toList();
        for (StatusBucket bucket : StatusBucket.values()) {
            chart.addSeries(bucket.label(), groups, table.rows().stream().map(r -> (Number) r.count(bucket)).toList());
        }
        return png(chart);
    }

    /** Triage and each stage's responses: on time, late, and still open past the due day, stacked. */
    static byte[] slaPerformance(SlaPerformance performance, String title) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("Triage, then the response of each procedure and stage").yAxisTitle("Contacts").build();
        style(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x1A9850), new Color(0xFC8D59),
            new Color(0xB2182B)});
        chart.getStyler().setXAxisLabelRotation(12);
        List<String> clocks = new ArrayList<>();
        List<Number> onTime = new ArrayList<>();
        List<Number> late = new ArrayList<>();
        List<Number> overdue = new ArrayList<>();
        SlaPerformance.Triage triage = performance.triage();
        clocks.add("Triage");
        onTime.add(triage.withinTarget());
        late.add(triage.late());
        overdue.add(triage.overdue());
        for (SlaPerformance.StageRow row : performance.stages()) {
            clocks.add(row.label());
            onTime.add(row.respondedOnTime());
            late.add(row.responded() - row.respondedOnTime());
            overdue.add(row.openOverdue());
        }
        chart.addSeries("Done on time", clocks, onTime);
        chart.addSeries("Done late", clocks, late);
        chart.addSeries("Open, overdue", clocks, overdue);
        return png(chart);
    }

    private static List<Number> values(BurnDown burnDown, ToLongFunction<BurnDown.Point> value) {
        return burnDown.points().stream().map(p -> (Number) value.applyAsLong(p)).toList();
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setAntiAlias(true);
    }

    private static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the chart '" + chart.getTitle() + "'", e);
        }
    }
}
