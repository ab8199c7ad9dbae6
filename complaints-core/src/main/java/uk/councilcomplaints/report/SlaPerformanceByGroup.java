package uk.councilcomplaints.report;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@link SlaPerformance}'s acknowledgement and response figures per officer, team, service area or procedure
 * instead of per procedure and stage: each stage started in the period counts in the group of the case as it
 * stood when the response was sent, or at the end of the as-of day if none was. Its rows add up to the stage rows
 * of the {@link SlaPerformance} of the same period. Holds no personal data.
 *
 * @param from first day of the period (Europe/London)
 * @param to last day of the period, inclusive
 * @param asOf the day the figures are taken at (end of day)
 * @param knownAt only events recorded by then count ({@link Instant#MAX}: everything)
 * @param grouping what the rows are
 * @param rows one row per group with a stage started in the period, in the grouping's order
 * @param total every stage started in the period
 */
public record SlaPerformanceByGroup(LocalDate from, LocalDate to, LocalDate asOf, Instant knownAt, Grouping grouping,
        List<Row> rows, Row total) implements Report {

    public SlaPerformanceByGroup {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(asOf, "asOf");
        requireNonNull(knownAt, "knownAt");
        requireNonNull(grouping, "grouping");
        rows = ImmutableList.copyOf(rows);
        requireNonNull(total, "total");
    }

    /**
     * One group's stages, counted as {@link SlaPerformance.StageRow} counts them.
     *
     * @param label the group's label, as the grouping labels its report table rows
     * @param started stages started in the period
     * @param acknowledgedOnTime acknowledged by the due day
     * @param acknowledgedLate acknowledged after it
     * @param responded responses sent by the as-of day
     * @param respondedOnTime of those, sent by the due day (with extensions and agreed dates)
     * @param openOverdue not responded and past the due day
     * @param extended stages given an extension or an agreed response date
     * @param medianWorkingDaysToRespond median working days from the start of the stage to the response
     */
    public record Row(String label, int started, int acknowledgedOnTime, int acknowledgedLate, int responded,
            int respondedOnTime, int openOverdue, int extended, OptionalDouble medianWorkingDaysToRespond) {

        public Row {
            requireNonNull(label, "label");
            requireNonNull(medianWorkingDaysToRespond, "medianWorkingDaysToRespond");
        }

        /** Responses sent after the due day. */
        public int respondedLate() {
            return responded - respondedOnTime;
        }

        /** Share of responses sent on time, 0 to 1; empty when none was sent. */
        public OptionalDouble shareRespondedOnTime() {
            return responded == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) respondedOnTime / responded);
        }
    }
}
