package uk.councilcomplaints.examples.cli;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.councilcomplaints.report.Grid;
import uk.councilcomplaints.report.ReportFormat;

/**
 * What a command prints, whatever the format: one or more tables ({@link Grid}s, each with a title and maybe a
 * chart), and notes. Text, CSV and Markdown are core's renderers of each grid; HTML ({@link HtmlDocument}) and xlsx
 * ({@link XlsxDocument}) are written from the same grids, so every report has every format.
 *
 * @param title what the whole document is, for the HTML page's heading and the workbook's properties
 * @param asOf the day the figures are taken at, if one day
 * @param knownAt the instant the records are read as of, if not every record held
 * @param sections the tables, in order
 * @param notes lines after the tables (text, Markdown, HTML); CSV and xlsx print them to the error stream
 */
record Document(String title, Optional<LocalDate> asOf, Optional<Instant> knownAt, List<Section> sections,
        List<String> notes) {

    Document {
        requireNonNull(title, "title");
        requireNonNull(asOf, "asOf");
        requireNonNull(knownAt, "knownAt");
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }

    /** One table. */
    static Document of(Section section, LocalDate asOf, Instant knownAt) {
        return new Document(section.title(), Optional.ofNullable(asOf), Optional.ofNullable(knownAt),
                List.of(section), List.of());
    }

    /** A copy with one more note. */
    Document withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new Document(title, asOf, knownAt, sections, more);
    }

    /**
     * One table.
     *
     * @param key a stable name (HTML ids)
     * @param title the line above it
     * @param grid its cells
     * @param chart a picture of it, where one helps
     * @param totalLabel the label of its totals line, if it has one (shown bold)
     */
    record Section(String key, String title, Grid grid, Optional<Chart> chart, Optional<String> totalLabel) {
        Section {
            requireNonNull(key, "key");
            requireNonNull(title, "title");
            requireNonNull(grid, "grid");
            requireNonNull(chart, "chart");
            requireNonNull(totalLabel, "totalLabel");
        }

        static Section of(String key, String title, Grid grid) {
            return new Section(key, title, grid, Optional.empty(), Optional.of("Total"));
        }

        Section withChart(Chart value) {
            return new Section(key, title, grid, Optional.ofNullable(value), totalLabel);
        }

        Section withoutTotal() {
            return new Section(key, title, grid, chart, Optional.empty());
        }

        /** Whether {@code line} is the totals line. */
        boolean isTotal(Grid.Line line) {
            return totalLabel.isPresent() && line.cells().get(0).equals(totalLabel.get());
        }
    }

    /** The document in a text format: text, CSV or Markdown. */
    String render(TableFormat format) {
        ReportFormat renderer = format.reportFormat().orElseThrow(
                () -> new IllegalArgumentException(format + " is not a text format"));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            if (i > 0) {
                out.append(format == TableFormat.CSV ? "\r\n" : "\n");
            }
            switch (format) {
                case TEXT -> out.append(section.title()).append('\n');
                case MD -> out.append("**").append(markdownEscape(section.title())).append("**\n\n");
                default -> {
                    // CSV: the header and rows only
                }
            }
            out.append(renderer.render(section.grid()));
        }
        if (format != TableFormat.CSV) {
            for (String note : notes) {
                out.append('\n').append(format == TableFormat.MD ? markdownEscape(note) : note).append('\n');
            }
        }
        return out.toString();
    }

    /** As core's Markdown renderer escapes a title. */
    static String markdownEscape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }
}
