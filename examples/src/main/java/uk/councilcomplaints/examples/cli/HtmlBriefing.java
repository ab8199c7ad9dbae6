package uk.councilcomplaints.examples.cli;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import uk.councilcomplaints.examples.briefing.BriefingNoteReports.Section;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.report.BurnDown;
import uk.councilcomplaints.report.RenderOptions;
import uk.councilcomplaints.report.ReportFormat;
import uk.councilcomplaints.report.ReportTable;
import uk.councilcomplaints.report.SlaPerformance;

/**
 * The briefing as one self-contained HTML page for a committee paper: every table, and the charts (backlog
 * burn-down, contacts by type, timescales) embedded as PNG data URIs. No script, no external file.
 */
final class HtmlBriefing {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
    private static final String STYLE = """
            body { font-family: Arial, Helvetica, sans-serif; color: #1b1b1b; max-width: 64rem; margin: 2rem auto; \
            padding: 0 1rem; line-height: 1.4; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
            table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
            caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
            th, td { border: 1px solid #b1b4b6; padding: 0.25rem 0.6rem; vertical-align: top; }
            th { background: #f3f2f1; text-align: left; }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
            tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #0b0c0c; }
            .pair { display: flex; flex-wrap: wrap; gap: 2rem; }
            figure { margin: 1rem 0; } img { max-width: 100%; height: auto; }
            figcaption, .note { color: #505a5f; font-size: 0.9rem; }
            """;

    private HtmlBriefing() {
    }

    /** The page for the briefing's {@code sections}, saying it was generated at {@code generatedAt}. */
    static String render(List<Section> sections, Instant generatedAt) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Complaints: the position for the scrutiny committee</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>Complaints handling: the position for the scrutiny committee</h1>\n")
                .append("<p class=\"note\">Every figure is counted from the complaint records, as of the day each "
                        + "table names. Generated ")
                .append(escape(GENERATED.format(generatedAt.atZone(LondonDays.ZONE)))).append(".</p>\n");
        // the story's first two sections: the December position as reported then, beside it as known now
        html.append("<h2>The original backlog at the start of December 2021</h2>\n<div class=\"pair\">\n");
        table(html, sections.get(0), true);
        table(html, sections.get(1), true);
        html.append("</div>\n");
        for (Section section : sections.subList(2, sections.size())) {
            html.append("<h2 id=\"").append(section.key()).append("\">").append(escape(section.title()))
                    .append("</h2>\n");
            table(html, section, false);
            chart(html, section);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder html, Section section, boolean captioned) {
        RenderOptions options = section.hideEmptyBuckets() ? RenderOptions.defaults().hidingEmptyBuckets()
                : RenderOptions.defaults();
        MarkdownTable table = MarkdownTable.parse(ReportFormat.MARKDOWN.render(section.report(), options));
        html.append("<table id=\"table-").append(section.key()).append("\">\n");
        if (captioned) {
            html.append("<caption>").append(escape(section.title())).append("</caption>\n");
        }
        html.append("<thead><tr>");
        for (int c = 0; c < table.headings().size(); c++) {
            html.append("<th scope=\"col\"").append(table.numeric().get(c) ? " class=\"n\"" : "").append('>')
                    .append(escape(table.headings().get(c))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            boolean total = row.get(0).equals(ReportTable.TOTAL_LABEL);
            html.append(total ? "<tr class=\"total\">" : "<tr>");
            for (int c = 0; c < row.size(); c++) {
                html.append(c == 0 ? "<th scope=\"row\">" : table.numeric().get(c) ? "<td class=\"n\">" : "<td>")
                        .append(escape(row.get(c))).append(c == 0 ? "</th>" : "</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void chart(StringBuilder html, Section section) {
        if (section.report() instanceof BurnDown burnDown) {
            figure(html, BriefingCharts.burnDown(burnDown, "The original backlog: cases still open"),
                    "The original backlog burning down: cases still open, by where they stood, on each day.");
        } else if (section.report() instanceof ReportTable table && section.key().equals("by-type")) {
            figure(html, BriefingCharts.stackedByBucket(table, "Contacts received, by type and where they stand"),
                    "Contacts received 30 November 2021 to 28 February 2022 by type, stacked by where they stood "
                            + "on 28 February 2022.");
        } else if (section.report() instanceof SlaPerformance performance) {
            figure(html, BriefingCharts.slaPerformance(performance, "Timescales: triage and responses"),
                    "Triage and responses for contacts received 30 November 2021 to 28 February 2022: on time, "
                            + "late, and still open past the due day.");
        }
    }

    private static void figure(StringBuilder html, byte[] png, String caption) {
        html.append("<figure>\n<img alt=\"").append(escape(caption)).append("\" width=\"")
                .append(BriefingCharts.WIDTH).append("\" height=\"").append(BriefingCharts.HEIGHT)
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\">\n<figcaption>").append(escape(caption)).append("</figcaption>\n</figure>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
