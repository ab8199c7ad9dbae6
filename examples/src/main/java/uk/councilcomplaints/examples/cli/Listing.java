package uk.councilcomplaints.examples.cli;

import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * A list that is not one of core's reports (the SLA cases), in the same three formats: aligned text,
 * RFC 4180 CSV under stable column names, Markdown.
 *
 * @param keys the CSV column names
 * @param headings the column headings of text and Markdown
 * @param numeric per column, whether it is aligned right
 * @param rows the cells of each row
 */
record Listing(List<String> keys, List<String> headings, List<Boolean> numeric, List<List<String>> rows) {

    String render(TableFormat format, String title) {
        return switch (format) {
            case TEXT -> text(title);
            case CSV -> csv();
            case MD -> markdown(title);
        };
    }

    private String text(String title) {
        int[] widths = new int[headings.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headings.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder(title).append('\n');
        line(out, headings, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String pad = " ".repeat(widths[c] - cells.get(c).length());
            line.append(c == 0 ? "" : "  ").append(numeric.get(c) ? pad + cells.get(c) : cells.get(c) + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private String csv() {
        StringBuilder out = new StringBuilder(csvRecord(keys));
        for (List<String> row : rows) {
            out.append(csvRecord(row));
        }
        return out.toString();
    }

    /** One RFC 4180 record, with its CRLF. */
    static String csvRecord(List<String> cells) {
        return CSVFormat.RFC4180.format(cells.toArray()) + "\r\n";
    }

    private String markdown(String title) {
        StringBuilder out = new StringBuilder("**").append(escape(title)).append("**\n\n");
        mdRow(out, headings);
        out.append('|');
        for (boolean n : numeric) {
            out.append(n ? "---:|" : ":---|");
        }
        out.append('\n');
        for (List<String> row : rows) {
            mdRow(out, row);
        }
        return out.toString();
    }

    private static void mdRow(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(escape(cell)).append(" |");
        }
        out.append('\n');
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }
}
