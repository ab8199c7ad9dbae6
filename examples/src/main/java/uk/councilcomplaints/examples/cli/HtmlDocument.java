package uk.councilcomplaints.examples.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.report.Grid;

/**
 * A {@link Document} as one self-contained HTML page for a committee paper: a title with the council's name, the
 * dates and "as known at" in words, each table with a caption, column and row headers ({@code scope}), numbers
 * right-aligned and the totals line bold, charts as inline SVG with a text alternative, and print styles for A4
 * (a page per report, table headings repeated, rows never split). No script, no external file.
 */
final class HtmlDocument {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    static final String STYLE = """
            body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; max-width: 60rem; margin: 2rem auto; \
            padding: 0 1rem; line-height: 1.4; }
            h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
            .council { font-size: 1rem; color: #505a5f; margin: 0; text-transform: uppercase; letter-spacing: 0.05em; }
            .when, .note, figcaption { color: #505a5f; font-size: 0.9rem; }
            table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
            caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
            th, td { border: 1px solid #b1b4b6; padding: 0.25rem 0.5rem; vertical-align: top; }
            thead th { background: #f3f2f1; text-align: left; }
            tbody th { text-align: left; font-weight: normal; white-space: nowrap; }
            .n { text-align: right; font-variant-numeric: tabular-nums; }
            tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #0b0c0c; }
            figure { margin: 1rem 0; } svg.chart { max-width: 100%; height: auto; }
            @page { size: A4; margin: 15mm 12mm; }
            @media print {
              body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
              section.report + section.report { break-before: page; page-break-before: always; }
              thead { display: table-header-group; }
              tfoot { display: table-footer-group; }
              tr, figure, svg { break-inside: avoid; page-break-inside: avoid; }
              h2 { break-after: avoid; page-break-after: avoid; }
              table { width: 100%; }
            }
            """;

    private HtmlDocument() {
    }

    /** The page for {@code document}, for {@code council}, saying it was produced at {@code generatedAt}. */
    static String render(Document document, String council, Instant generatedAt) {
        StringBuilder html = new StringBuilder(1 << 15);
        String title = council + ": " + inWords(document.title());
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<header>\n<p class=\"council\">").append(escape(council)).append("</p>\n<h1>")
                .append(escape(inWords(document.title()))).append("</h1>\n<p class=\"when\">")
                .append(escape(when(document, generatedAt))).append("</p>\n</header>\n");
        int n = 0;
        for (Document.Section section : document.sections()) {
            n++;
            html.append("<section class=\"report\" id=\"").append(escape(section.key())).append("\">\n");
            if (document.sections().size() > 1) {
                html.append("<h2>").append(escape(inWords(section.title()))).append("</h2>\n");
            }
            table(html, section, n);
            if (section.chart().isPresent()) {
                Chart chart = section.chart().get();
                html.append("<figure>\n").append(SvgChart.render(chart, "chart-" + n)).append("<figcaption>")
                        .append(escape(chart.title())).append(". The table gives the figures.</figcaption>\n</figure>\n");
            }
            html.append("</section>\n");
        }
        for (String note : document.notes()) {
            html.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String when(Document document, Instant generatedAt) {
        StringBuilder when = new StringBuilder();
        document.asOf().ifPresent(d -> when.append("Figures as at the end of ").append(DAY.format(d)).append(". "));
        if (document.knownAt().isPresent()) {
            when.append("As the records stood at ").append(time(document.knownAt().get()))
                    .append(" (London time): anything recorded later is left out. ");
        } else {
            when.append("From every record held when this paper was produced. ");
        }
        return when.append("Produced ").append(time(generatedAt)).append('.').toString();
    }

    private static void table(StringBuilder html, Document.Section section, int n) {
        Grid grid = section.grid();
        html.append("<table id=\"table-").append(n).append("\">\n<caption>").append(escape(inWords(section.title())))
                .append("</caption>\n<thead>\n<tr>");
        for (Grid.Column column : grid.columns()) {
            html.append("<th scope=\"col\"").append(column.numeric() ? " class=\"n\"" : "").append('>')
                    .append(escape(column.heading())).append("</th>");
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (Grid.Line line : grid.lines()) {
            html.append(section.isTotal(line) ? "<tr class=\"total\">" : "<tr>");
            for (int c = 0; c < line.cells().size(); c++) {
                boolean numeric = grid.columns().get(c).numeric();
                String cell = escape(line.cells().get(c));
                if (c == 0) {
                    html.append("<th scope=\"row\"").append(numeric ? " class=\"n\"" : "").append('>').append(cell)
                            .append("</th>");
                } else {
                    html.append(numeric ? "<td class=\"n\">" : "<td>").append(cell).append("</td>");
                }
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** Instants, dates with times and dates in {@code text} written out in words (London time). */
    static String inWords(String text) {
        String out = replace(INSTANT, text, m -> time(Instant.parse(m)));
        out = replace(DATE_TIME, out, m -> TIME.format(LocalDateTime.parse(m.replace(' ', 'T'))));
        out = replace(DATE, out, m -> DAY.format(LocalDate.parse(m)));
        return out;
    }

    /** A month {@code 2022-01} in words. */
    static String month(LocalDate firstDay) {
        return MONTH.format(firstDay);
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<String, String> words) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            try {
                replacement = words.apply(m.group());
            } catch (RuntimeException e) {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String time(Instant instant) {
        return TIME.format(instant.atZone(LondonDays.ZONE));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
