package uk.councilcomplaints.examples.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.report.AgeingReport;
import uk.councilcomplaints.report.Grid;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.ClockState;
import uk.councilcomplaints.sla.SlaClock;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.sla.SlaStatus;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;

/**
 * {@code complaints report sla-by-officer} and {@code sla-by-service}: how well the response timescales were kept,
 * per complaint officer or service area. Core's {@code SlaPerformance} groups by procedure and stage only, so the
 * command line folds the histories itself, counting as core does (a stage counts when it started in the period;
 * response clocks as {@link SlaEvaluator} evaluates them at the end of the as-of day).
 */
abstract class SlaByGroupReport extends ReportCommand.Run {

    static final String DESCRIPTION = "For the stages started (contact received, or next stage requested) in the "
            + "period: how many, responses sent by the due day (with extensions and agreed dates), sent late, not "
            + "sent and past the due day at the end of the as-of day, and the median working days from the start "
            + "of the stage to the response.";

    @Mixin
    private ReportCommand.Period period;

    @Mixin
    private ReportCommand.AsOf asOf;

    private LocalDate day;

    /** The group of a stage: the case as it stood when responded to, or at the end of the as-of day. */
    abstract Function<Complaint, String> group();

    /** The heading of the group column. */
    abstract String heading();

    @Override
    Document.Section section(ComplaintStore store) {
        day = asOf.orToday(this);
        if (period.to.isBefore(period.from) || day.isBefore(period.to)) {
            throw new CliException("the period must end (--to " + period.to + ") after it starts (--from "
                    + period.from + ") and by the as-of day (" + day + ")");
        }
        Grid grid;
        try (Stream<ComplaintHistory> histories = store.histories(HistoryFilter.activeBetween(
                LondonDays.startOf(period.from), LondonDays.endOf(period.to)))) {
            grid = count(histories, SlaEvaluator.englandDefaults(), period.from, period.to, day,
                    knownAt == null ? Instant.MAX : knownAt, group(), heading());
        }
        return Document.Section.of(spec.name(), title(), grid).withChart(Chart.ofColumns(Chart.Kind.STACKED_BARS,
                "Responses by " + heading().toLowerCase(Locale.UK) + ": on time, late, overdue", "Stages", grid,
                List.of("met_on_time", "late", "open_overdue"), "Total"));
    }

    @Override
    LocalDate asOfDay() {
        return day;
    }

    @Override
    String title() {
        return "Response timescales by " + heading().toLowerCase(Locale.UK) + " for stages started " + period.from
                + " to " + period.to + ", as of " + day + knownAtSuffix();
    }

    /** One group's stages. */
    private static final class Row {
        long started;
        long onTime;
        long late;
        long overdue;
        final List<Integer> days = new ArrayList<>();

        void add(Row other) {
            started += other.started;
            onTime += other.onTime;
            late += other.late;
            overdue += other.overdue;
            days.addAll(other.days);
        }

        List<String> cells(String label) {
            OptionalMedian median = OptionalMedian.of(days);
            return List.of(label, Long.toString(started), Long.toString(onTime), Long.toString(late),
                    Long.toString(overdue), median.text());
        }
    }

    /** The median of whole numbers, to one decimal place; empty when there are none. */
    private record OptionalMedian(Optional<Double> value) {
        static OptionalMedian of(List<Integer> values) {
            if (values.isEmpty()) {
                return new OptionalMedian(Optional.empty());
            }
            int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
            int mid = sorted.length / 2;
            return new OptionalMedian(Optional.of(sorted.length % 2 == 1 ? sorted[mid]
                    : (sorted[mid - 1] + sorted[mid]) / 2.0));
        }

        String text() {
            return value.map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("");
        }
    }

    /**
     * The grid over {@code histories}: the stages started from {@code from} to {@code to}, their response clocks at
     * the end of {@code asOf} counting what was recorded by {@code knownAt}, a line per group, then the total.
     */
    static Grid count(Stream<ComplaintHistory> histories, SlaEvaluator sla, LocalDate from, LocalDate to,
            LocalDate asOf, Instant knownAt, Function<Complaint, String> group, String heading) {
        Instant start = LondonDays.startOf(from);
        Instant end = LondonDays.endOf(to);
        Instant evaluated = LondonDays.endOf(asOf).minusNanos(1);
        Map<String, Row> rows = new TreeMap<>();
        histories.forEach(h -> sla.evaluate(h, evaluated, knownAt).ifPresent(status -> {
            for (SlaClock response : status.clocks()) {
                if (response.kind() != ClockKind.RESPONSE) {
                    continue;
                }
                Instant stageStart = stageStart(status, response.stage());
                if (stageStart.isBefore(start) || !stageStart.isBefore(end)) {
                    continue;
                }
                Instant when = response.metAt().orElse(evaluated);
                Complaint state = h.stateAsOf(when, knownAt).orElseThrow();
                Row row = rows.computeIfAbsent(group.apply(state), g -> new Row());
                row.started++;
                if (response.state() == ClockState.MET_ON_TIME) {
                    row.onTime++;
                } else if (response.state() == ClockState.MET_LATE) {
                    row.late++;
                } else if (response.state() == ClockState.BREACHED) {
                    row.overdue++;
                }
                if (response.state().met()) {
                    row.days.add(sla.calendar().workingDaysBetween(LondonDays.dayOf(stageStart),
                            LondonDays.dayOf(response.metAt().orElseThrow())));
                }
            }
        }));
        Listing listing = new Listing().text("group", heading).number("started", "Started")
                .number("met_on_time", "Responded on time").number("late", "Responded late")
                .number("open_overdue", "Open, overdue").number("median_working_days", "Median working days");
        Row total = new Row();
        rows.forEach((label, row) -> {
            listing.line(row.cells(label));
            total.add(row);
        });
        listing.line(total.cells("Total"));
        return listing.grid();
    }

    /** A stage started with its acknowledgement clock (a response clock may start at acknowledgement). */
    private static Instant stageStart(SlaStatus status, Stage stage) {
        return status.clock(ClockKind.ACKNOWLEDGEMENT, stage).map(SlaClock::start)
                .orElseGet(() -> status.clock(ClockKind.RESPONSE, stage).orElseThrow().start());
    }

    @Command(name = "sla-by-officer", mixinStandardHelpOptions = true,
            description = {"Response timescales per complaint officer (the officer when the response was sent, or at "
                    + "the end of the as-of day; Unallocated if none).", DESCRIPTION,
                "Example: --from 2021-11-30 --to 2022-02-28 --as-of 2022-02-28"})
    static final class ByOfficer extends SlaByGroupReport {
        @Override
        Function<Complaint, String> group() {
            return c -> c.officer().orElse(AgeingReport.UNALLOCATED);
        }

        @Override
        String heading() {
            return "Officer";
        }
    }

    @Command(name = "sla-by-service", mixinStandardHelpOptions = true,
            description = {"Response timescales per service area (as the case stood when the response was sent, or at "
                    + "the end of the as-of day).", DESCRIPTION,
                "Example: --from 2021-11-30 --to 2022-02-28 --as-of 2022-02-28"})
    static final class ByService extends SlaByGroupReport {
        @Override
        Function<Complaint, String> group() {
            return c -> c.serviceArea().name();
        }

        @Override
        String heading() {
            return "Service area";
        }
    }
}
