package uk.councilcomplaints.app;

import java.util.ArrayList;
import java.util.List;
import uk.councilcomplaints.report.Grid;

/**
 * A horizontal bar chart of a report's total column (else its first numeric column), one bar per line (the total line left out), drawn as
 * SVG on the server. Its text alternative names every bar and value; the table beside it holds every figure.
 *
 * @param measure the column charted
 * @param bars the bars
 * @param max the longest bar's value (at least 1)
 * @param description the text alternative
 */
public record Chart(String measure, List<Bar> bars, long max, String description) {

    /** Height of one bar's row, in SVG units. */
    public static final int ROW = 28;
    /** Where bars start, after their labels. */
    public static final int LABEL_WIDTH = 260;
    /** The longest bar. */
    public static final int BAR_WIDTH = 360;

    /**
     * One bar.
     *
     * @param label the line's label
     * @param value its value
     * @param width its length in SVG units
     * @param y its top
     */
    public record Bar(String label, long value, int width, int y) {
    }

    /** No chart: for reports whose tables are not one measure by group. */
    static Chart none() {
        return new Chart("", List.of(), 1, "No figures to chart.");
    }

    static Chart of(Grid grid) {
        int column = -1;
        for (int c = grid.columns().size() - 1; c > 0; c--) {
            if (grid.columns().get(c).numeric() && (column < 0 || !"total".equals(grid.columns().get(column).key()))) {
                column = c;
            }
        }
        List<Grid.Line> lines = new ArrayList<>();
        for (Grid.Line line : grid.lines()) {
            if (!line.cells().get(0).equalsIgnoreCase("Total")) {
                lines.add(line);
            }
        }
        if (column < 0 || lines.isEmpty()) {
            return new Chart("", List.of(), 1, "No figures to chart.");
        }
        long max = 1;
        List<Long> values = new ArrayList<>();
        for (Grid.Line line : lines) {
            long v = parse(line.cells().get(column));
            values.add(v);
            max = Math.max(max, v);
        }
        List<Bar> bars = new ArrayList<>();
        StringBuilder description = new StringBuilder("Bar chart of ")
                .append(grid.columns().get(column).heading()).append(" by ")
                .append(grid.columns().get(0).heading().toLowerCase(java.util.Locale.ROOT)).append(": ");
        for (int i = 0; i < lines.size(); i++) {
            long v = values.get(i);
            String label = lines.get(i).cells().get(0);
            bars.add(new Bar(label, v, (int) Math.round(BAR_WIDTH * (double) v / max), i * ROW));
            description.append(i == 0 ? "" : "; ").append(label).append(' ').append(v);
        }
        description.append(". The table below has every figure.");
        return new Chart(grid.columns().get(column).heading(), bars, max, description.toString());
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    public int height() {
        return Math.max(ROW, bars.size() * ROW);
    }

    public int width() {
        return LABEL_WIDTH + BAR_WIDTH + 60;
    }

    private static long parse(String cell) {
        try {
            return Math.round(Double.parseDouble(cell.replace(",", "").replace("%", "")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
