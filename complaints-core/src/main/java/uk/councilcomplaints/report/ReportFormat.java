package uk.councilcomplaints.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The formats a report renders to. Bucket tables have the columns Total and the five buckets; in CSV their
 * header is {@code group,total,unallocated,with_complaints_team,with_service,complete,closed_other}, and
 * other reports have their own fixed headers.
 */
public enum ReportFormat {

    /** Plain text in aligned columns, like the briefing note's tables. */
    TEXT {
        @Override
        String render(Grid grid, RenderOptions options) {
            int[] widths = new int[grid.columns().size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = grid.columns().get(c).heading().length();
                for (Grid.Line line : grid.lines()) {
                    widths[c] = Math.max(widths[c], line.cells().get(c).length());
                }
            }
            StringBuilder out = new StringBuilder();
            options.title().ifPresent(t -> out.append(t).append('\n'));
            appendAligned(out, grid, grid.columns().stream().map(Grid.Column::heading).toList(), widths);
            for (Grid.Line line : grid.lines()) {
                appendAligned(out, grid, line.cells(), widths);
            }
            return out.toString();
        }

        private void appendAligned(StringBuilder out, Grid grid, List<String> cells, int[] widths) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cells.size(); c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String cell = cells.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(grid.columns().get(c).numeric() ? pad + cell : cell + pad);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    },

    /** RFC 4180 CSV: a header of stable column names, CRLF line breaks, quoted where needed. */
    CSV {
        @Override
        String render(Grid grid, RenderOptions options) {
            StringBuilder out = new StringBuilder();
            appendRecord(out, grid.columns().stream().map(Grid.Column::key).toList());
            for (Grid.Line line : grid.lines()) {
                List<String> cells = new ArrayList<>(line.cells());
                cells.set(0, line.key());
                appendRecord(out, cells);
            }
            return out.toString();
        }

        private void appendRecord(StringBuilder out, List<String> fields) {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                String f = fields.get(i);
                boolean quote = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\r') >= 0
                        || f.indexOf('\n') >= 0;
                out.append(quote ? '"' + f.replace("\"", "\"\"") + '"' : f);
            }
            out.append("\r\n");
        }
    },

    /** A GitHub-flavoured Markdown table, numbers aligned right, under the title in bold. */
    MARKDOWN {
        @Override
        String render(Grid grid, RenderOptions options) {
            StringBuilder out = new StringBuilder();
            options.title().ifPresent(t -> out.append("**").append(escape(t)).append("**\n\n"));
            appendRow(out, grid.columns().stream().map(Grid.Column::heading).toList());
            out.append('|');
            for (Grid.Column c : grid.columns()) {
                out.append(c.numeric() ? "---:|" : ":---|");
            }
            out.append('\n');
            for (Grid.Line line : grid.lines()) {
                appendRow(out, line.cells());
            }
            return out.toString();
        }

        private void appendRow(StringBuilder out, List<String> cells) {
            out.append('|');
            for (String cell : cells) {
                out.append(' ').append(escape(cell)).append(" |");
            }
            out.append('\n');
        }

        private String escape(String text) {
            return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
        }
    };

    /** The report in this format, with every column and no title. */
    public String render(Report report) {
        return render(report, RenderOptions.defaults());
    }

    /** The report in this format, as the options say. */
    public String render(Report report, RenderOptions options) {
        requireNonNull(report, "report");
        requireNonNull(options, "options");
        return render(Grid.of(report, options.hideEmptyBuckets() && this != CSV), options);
    }

    /** A grid (any report's, or the ageing report's) in this format, with no title. */
    public String render(Grid grid) {
        return render(requireNonNull(grid, "grid"), RenderOptions.defaults());
    }

    abstract String render(Grid grid, RenderOptions options);
}
