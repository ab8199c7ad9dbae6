package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.List;

/**
 * A cohort followed over several days: the report table as of each day, in the order asked.
 *
 * @param query the report, as of the first day
 * @param points one table per day
 */
public record BurnDown(ReportQuery query, List<Point> points) implements Report {

    public BurnDown {
        requireNonNull(query, "query");
        points = ImmutableList.copyOf(points);
        checkArgument(!points.isEmpty(), "a burn-down has at least one day");
    }

    /**
     * The report as of one day.
     *
     * @param asOf the day
     * @param table the report table as of its end
     */
    public record Point(LocalDate asOf, ReportTable table) {
        public Point {
            requireNonNull(asOf, "asOf");
            requireNonNull(table, "table");
        }

        /** How many of the counted cases were still open. */
        public long open() {
            return table.total().open();
        }
    }
}
