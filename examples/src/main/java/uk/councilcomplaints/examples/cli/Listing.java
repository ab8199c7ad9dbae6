package uk.councilcomplaints.examples.cli;

import java.util.ArrayList;
import java.util.List;
import uk.councilcomplaints.report.Grid;

/**
 * A list that is not one of core's reports (the SLA cases, the oldest cases, a case, a search), laid out as a
 * {@link Grid} so that it has every format a report has.
 */
final class Listing {

    private final List<Grid.Column> columns = new ArrayList<>();
    private final List<Grid.Line> lines = new ArrayList<>();

    /** A text column: its CSV name and its heading. */
    Listing text(String key, String heading) {
        columns.add(new Grid.Column(key, heading, false));
        return this;
    }

    /** A numeric column, aligned right, a number cell in xlsx. */
    Listing number(String key, String heading) {
        columns.add(new Grid.Column(key, heading, true));
        return this;
    }

    /** A line, one cell per column; the first labels it in CSV too. */
    Listing line(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + columns.size() + " columns");
        }
        lines.add(new Grid.Line(cells.get(0), List.copyOf(cells)));
        return this;
    }

    /** A line, one cell per column. */
    Listing line(String... cells) {
        return line(List.of(cells));
    }

    Grid grid() {
        return new Grid(columns, lines);
    }

    /** An empty cell for an absent value, else its text. */
    static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
