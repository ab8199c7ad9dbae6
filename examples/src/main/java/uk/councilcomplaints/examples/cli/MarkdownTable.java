package uk.councilcomplaints.examples.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A report's cells read back from core's Markdown rendering, so the HTML page shows exactly the headings,
 * labels and figures the other formats show.
 *
 * @param headings the column headings
 * @param numeric per column, whether it holds numbers (right-aligned in Markdown)
 * @param rows the cells of each row
 */
record MarkdownTable(List<String> headings, List<Boolean> numeric, List<List<String>> rows) {

    /** Parses a Markdown table as {@code ReportFormat.MARKDOWN} writes it (no title). */
    static MarkdownTable parse(String markdown) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("|")) {
                lines.add(cells(line));
            }
        }
        if (lines.size() < 2) {
            throw new IllegalArgumentException("not a Markdown table: " + markdown);
        }
        List<Boolean> numeric = lines.get(1).stream().map(c -> c.endsWith(":") && !c.startsWith(":")).toList();
        return new MarkdownTable(lines.get(0), numeric, lines.subList(2, lines.size()));
    }

    /** The cells between the pipes, unescaped and trimmed. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cell.append(line.charAt(++i));
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }
}
