package uk.councilcomplaints.report;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.SlaEvaluator;

/**
 * How well the timescales were kept for the contacts and stages that started in a period, as of a day:
 * triage of every contact, then acknowledgement and response for each procedure and stage. Holds no
 * personal data.
 *
 * @param from first day of the period (Europe/London)
 * @param to last day of the period, inclusive
 * @param asOf the day the figures are taken at (end of day)
 * @param knownAt only events recorded by then count ({@link Instant#MAX}: everything)
 * @param triage the triage figures of every contact received in the period
 * @param stages one row per procedure and stage that started in the period, in procedure and stage order
 */
public record SlaPerformance(LocalDate from, LocalDate to, LocalDate asOf, Instant knownAt, Triage triage,
        List<StageRow> stages) implements Report {

    public SlaPerformance {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(asOf, "asOf");
        requireNonNull(knownAt, "knownAt");
        requireNonNull(triage, "triage");
        stages = ImmutableList.copyOf(stages);
    }

    /**
     * Computes the figures for the contacts received, and stages started, from {@code from} to {@code to}
     * inclusive, taken at the end of {@code asOf}, counting only events recorded by {@code knownAt}.
     */
    public static SlaPerformance of(SlaEvaluator sla, Stream<ComplaintHistory> histories, LocalDate from,
            LocalDate to, LocalDate asOf, Instant knownAt) {
        return new SlaPerformanceFold(sla, from, to, asOf, knownAt).fold(histories);
    }

    /**
     * Triage of the contacts received in the period.
     *
     * @param received contacts received
     * @param withinTarget triaged by the triage due time
     * @param late triaged after it
     * @param overdue not triaged and past due
     * @param pending not triaged, not yet due (or closed untriaged)
     */
    public record Triage(int received, int withinTarget, int late, int overdue, int pending) {
    }

    /**
     * One procedure and stage.
     *
     * @param procedure the procedure
     * @param stage the stage
     * @param started stages started in the period (received, or the next stage requested)
     * @param acknowledgedOnTime acknowledged by the due day
     * @param acknowledgedLate acknowledged after it
     * @param responded responses sent by the as-of day
     * @param respondedOnTime of those, sent by the due day (with extensions and agreed dates)
     * @param openOverdue not responded and past the due day
     * @param extended stages given an extension or an agreed response date
     * @param medianWorkingDaysToRespond median working days from the start of the stage to the response
     */
    public record StageRow(Procedure procedure, Stage stage, int started, int acknowledgedOnTime,
            int acknowledgedLate, int responded, int respondedOnTime, int openOverdue, int extended,
            OptionalDouble medianWorkingDaysToRespond) {

        /** The label used in reports, e.g. "Statutory Children Stage 1". */
        public String label() {
            return procedure == Procedure.ADULT_SOCIAL_CARE ? procedure.label()
                    : procedure.label() + " " + stage;
        }

        /** Share of responses sent on time, 0 to 1; empty when none was sent. */
        public OptionalDouble shareRespondedOnTime() {
            return responded == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) respondedOnTime / responded);
        }
    }
}
