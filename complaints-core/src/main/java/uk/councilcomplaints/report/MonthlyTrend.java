package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Month by month over a period: contacts received, cases closed (an open status left for a closed one), responses
 * sent and of those sent by the due day (with extensions and agreed dates). The first and last months are cut at
 * the period's days (Europe/London); only events that happened in the period count. Holds no personal data.
 *
 * @param from first day of the period
 * @param to last day of the period, inclusive
 * @param knownAt only events recorded by then count ({@link Instant#MAX}: everything)
 * @param grouping if present, a row per month and group (as each case stood at the end of {@code to}), for the
 *     groups with something that month; if absent, a row per month, every month of the period
 * @param rows the rows, by month then in the grouping's order
 * @param total the whole period
 */
public record MonthlyTrend(LocalDate from, LocalDate to, Instant knownAt, Optional<Grouping> grouping, List<Row> rows,
        Counts total) implements Report {

    public MonthlyTrend {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        checkArgument(!to.isBefore(from), "the period ends (%s) before it starts (%s)", to, from);
        requireNonNull(knownAt, "knownAt");
        requireNonNull(grouping, "grouping");
        rows = ImmutableList.copyOf(rows);
        requireNonNull(total, "total");
    }

    /**
     * One month's (and group's) figures.
     *
     * @param month the month
     * @param group the group's label; empty when the trend is not grouped
     * @param counts the figures
     */
    public record Row(YearMonth month, String group, Counts counts) {
        public Row {
            requireNonNull(month, "month");
            requireNonNull(group, "group");
            requireNonNull(counts, "counts");
        }
    }

    /**
     * What happened in a month, or in the period.
     *
     * @param received contacts received
     * @param closed cases moved from an open status to a closed one
     * @param responded responses sent (each stage's)
     * @param respondedOnTime of those, sent by the due day
     */
    public record Counts(long received, long closed, long responded, long respondedOnTime) {

        /** Share of responses sent on time, 0 to 1; empty when none was sent. */
        public OptionalDouble shareRespondedOnTime() {
            return responded == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) respondedOnTime / responded);
        }

        /** These and {@code other} together. */
        public Counts plus(Counts other) {
            return new Counts(received + other.received, closed + other.closed, responded + other.responded,
                    respondedOnTime + other.respondedOnTime);
        }
    }
}
