package uk.councilcomplaints.examples.cli;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import uk.councilcomplaints.report.Grid;

/**
 * A picture of a table for the HTML paper: lines over days or months, or bars stacked by category, with a title
 * and a text alternative saying what it shows.
 *
 * @param kind lines, stacked bars or grouped bars
 * @param title the chart's title (its SVG {@code <title>} and {@code aria-label})
 * @param yAxis what the values count
 * @param categories the points along the x axis
 * @param series the lines or bar parts, each one value per category
 */
record Chart(Kind kind, String title, String yAxis, List<String> categories, List<Series> series) {

    /** How the values are drawn: lines, bars stacked by series, or bars side by side per category. */
    enum Kind {
        LINES, STACKED_BARS, GROUPED_BARS
    }

    /** One line, or one part of every bar. */
    record Series(String name, List<Double> values) {
        Series {
            requireNonNull(name, "name");
            values = List.copyOf(values);
        }
    }

    Chart {
        requireNonNull(kind, "kind");
        requireNonNull(title, "title");
        requireNonNull(yAxis, "yAxis");
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
    }

    /**
     * A chart of some of a grid's numeric columns (by CSV key), one category per line, the totals line left out.
     */
    static Chart ofColumns(Kind kind, String title, String yAxis, Grid grid, List<String> keys, String totalLabel) {
        List<Grid.Line> lines = grid.lines().stream().filter(l -> !l.cells().get(0).equals(totalLabel)).toList();
        List<String> categories = lines.stream().map(l -> l.cells().get(0)).toList();
        List<Series> series = new ArrayList<>();
        for (String key : keys) {
            int c = column(grid, key);
            series.add(new Series(grid.columns().get(c).heading(),
                    lines.stream().map(l -> number(l.cells().get(c))).toList()));
        }
        return new Chart(kind, title, yAxis, categories, series);
    }

    private static int column(Grid grid, String key) {
        for (int c = 0; c < grid.columns().size(); c++) {
            if (grid.columns().get(c).key().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no column " + key);
    }

    private static double number(String cell) {
        return cell.isBlank() ? 0 : Double.parseDouble(cell);
    }

    /** The text alternative: every series' values in words, category by category (the table has them too). */
    String description() {
        StringBuilder text = new StringBuilder(kind == Kind.LINES ? "Line chart. "
                : kind == Kind.STACKED_BARS ? "Stacked bar chart. " : "Bar chart. ");
        for (Series s : series) {
            text.append(s.name()).append(": ");
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) {
                parts.add(format(s.values().get(i)) + " (" + categories.get(i) + ")");
            }
            text.append(String.join(", ", parts)).append(". ");
        }
        return text.toString().strip();
    }

    static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.1f",
                value);
    }
}
