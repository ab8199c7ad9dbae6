package uk.councilcomplaints.examples.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
import picocli.CommandLine.Option;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.report.Grid;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.ClockState;
import uk.councilcomplaints.sla.SlaClock;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;

/**
 * {@code complaints report monthly-trend}: per calendar month, contacts received, cases closed, responses sent and
 * responses sent on time. Core has no such report: the command line folds the histories of the complaints active in
 * the period ({@link ComplaintStore#histories}) and evaluates their clocks with {@link SlaEvaluator}.
 */
@Command(name = "monthly-trend", mixinStandardHelpOptions = true,
        description = {"Per calendar month from --from to --to: contacts received, cases closed (moved from an open "
                + "status to a closed one: responded, service request, signposted, withdrawn, duplicate, out of "
                + "time), responses sent, and of those sent by the due day (with extensions and agreed dates).",
            "Months are cut at --from and --to (London days). With --by, a line per month and procedure or service "
                + "area, grouped as the case stood at the end of --to. Only events that happened in the period "
                + "count; with --known-at, only those recorded by then.",
            "Example: --from 2021-12-01 --to 2022-02-28"})
final class MonthlyTrendReport extends ReportCommand.Run {

    @Mixin
    private ReportCommand.Period period;

    @Option(names = "--by", paramLabel = "procedure|service",
            description = "A line per month and procedure, or per month and service area.")
    private String by;

    @Override
    Document.Section section(ComplaintStore store) {
        Function<Complaint, String> group = by == null ? null : switch (by.toLowerCase(Locale.ROOT)) {
            case "procedure" -> c -> c.procedure().label();
            case "service" -> c -> c.serviceArea().name();
            default -> throw new CliException("--by: '" + by + "' is not procedure or service");
        };
        if (period.to.isBefore(period.from)) {
            throw new CliException("--to (" + period.to + ") is before --from (" + period.from + ")");
        }
        Instant start = LondonDays.startOf(period.from);
        Instant end = LondonDays.endOf(period.to);
        Grid grid;
        try (Stream<ComplaintHistory> histories = store.histories(HistoryFilter.activeBetween(start, end))) {
            grid = count(histories, SlaEvaluator.englandDefaults(), period.from, period.to,
                    knownAt == null ? Instant.MAX : knownAt, group);
        }
        String heading = by == null ? "" : by.equalsIgnoreCase("procedure") ? "Procedure" : "Service area";
        grid = by == null ? grid : new Grid(relabel(grid.columns(), heading), grid.lines());
        return Document.Section.of(spec.name(), title(), grid).withChart(chart(grid, group != null));
    }

    @Override
    LocalDate asOfDay() {
        return period.to;
    }

    @Override
    String title() {
        return "Month by month, " + period.from + " to " + period.to
                + (by == null ? "" : ", by " + by.toLowerCase(Locale.ROOT)) + knownAtSuffix();
    }

    /** Per month (and group): received, closed, responded, responded on time. */
    private static final class Counts {
        long received;
        long closed;
        long responded;
        long onTime;

        List<String> cells() {
            return List.of(Long.toString(received), Long.toString(closed), Long.toString(responded),
                    Long.toString(onTime), responded == 0 ? ""
                            : String.format(Locale.ROOT, "%.1f", 100.0 * onTime / responded));
        }

        void add(Counts other) {
            received += other.received;
            closed += other.closed;
            responded += other.responded;
            onTime += other.onTime;
        }
    }

    /**
     * The grid over {@code histories}: events happening from the start of {@code from} to the end of {@code to},
     * recorded by {@code knownAt}; a line per month, or per month and {@code group} (as each case stood at the end
     * of {@code to}) when given, then the total.
     */
    static Grid count(Stream<ComplaintHistory> histories, SlaEvaluator sla, LocalDate from, LocalDate to,
            Instant knownAt, Function<Complaint, String> group) {
        Instant start = LondonDays.startOf(from);
        Instant end = LondonDays.endOf(to);
        Instant last = end.minusNanos(1);
        Map<YearMonth, Map<String, Counts>> months = new TreeMap<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.put(m, new TreeMap<>());
        }
        histories.forEach(h -> {
            Optional<Complaint> state = h.stateAsOf(last, knownAt);
            if (state.isEmpty()) {
                return;
            }
            String g = group == null ? "" : group.apply(state.get());
            Function<Instant, Counts> at = when -> months.get(YearMonth.from(LondonDays.dayOf(when)))
                    .computeIfAbsent(g, k -> new Counts());
            Instant received = state.get().receivedAt();
            if (!received.isBefore(start) && received.isBefore(end)) {
                at.apply(received).received++;
            }
            boolean wasOpen = true;
            for (ComplaintEvent e : h.events()) {
                if (!e.visibleAt(last, knownAt)) {
                    continue;
                }
                boolean open = e.status().open();
                if (wasOpen && !open && !e.occurredAt().isBefore(start)) {
                    at.apply(e.occurredAt()).closed++;
                }
                wasOpen = open;
            }
            sla.evaluate(h, last, knownAt).ifPresent(status -> {
                for (SlaClock clock : status.clocks()) {
                    if (clock.kind() == ClockKind.RESPONSE && clock.state().met()
                            && !clock.metAt().orElseThrow().isBefore(start)
                            && clock.metAt().orElseThrow().isBefore(end)) {
                        Counts c = at.apply(clock.metAt().orElseThrow());
                        c.responded++;
                        c.onTime += clock.state() == ClockState.MET_ON_TIME ? 1 : 0;
                    }
                }
            });
        });
        Listing listing = new Listing().text("month", "Month");
        if (group != null) {
            listing.text("group", "Group");
        }
        listing.number("received", "Received").number("closed", "Closed").number("responded", "Responded")
                .number("responded_on_time", "Responded on time").number("on_time_percent", "On time (%)");
        Counts total = new Counts();
        months.forEach((month, groups) -> {
            if (group == null) {
                Counts c = groups.getOrDefault("", new Counts());
                listing.line(cells(month.toString(), null, c));
                total.add(c);
            } else {
                groups.forEach((g, c) -> {
                    listing.line(cells(month.toString(), g, c));
                    total.add(c);
                });
            }
        });
        listing.line(cells("Total", group == null ? null : "", total));
        return listing.grid();
    }

    private static List<String> cells(String month, String group, Counts counts) {
        List<String> cells = new ArrayList<>();
        cells.add(month);
        if (group != null) {
            cells.add(group);
        }
        cells.addAll(counts.cells());
        return cells;
    }

    private static List<Grid.Column> relabel(List<Grid.Column> columns, String heading) {
        return columns.stream().map(c -> c.key().equals("group") ? new Grid.Column("group", heading, false) : c)
                .toList();
    }

    /** Lines of the monthly totals (summing the groups' lines). */
    private static Chart chart(Grid grid, boolean grouped) {
        Map<String, double[]> byMonth = new TreeMap<>();
        int first = grouped ? 2 : 1;
        for (Grid.Line line : grid.lines()) {
            if (line.cells().get(0).equals("Total")) {
                continue;
            }
            double[] sums = byMonth.computeIfAbsent(line.cells().get(0), m -> new double[4]);
            for (int i = 0; i < 4; i++) {
                sums[i] += Double.parseDouble(line.cells().get(first + i));
            }
        }
        List<String> months = List.copyOf(byMonth.keySet());
        List<Chart.Series> series = new ArrayList<>();
        String[] names = {"Received", "Closed", "Responded", "Responded on time"};
        for (int i = 0; i < names.length; i++) {
            int k = i;
            series.add(new Chart.Series(names[i], months.stream().map(m -> byMonth.get(m)[k]).toList()));
        }
        return new Chart(Chart.Kind.LINES, "Month by month: received, closed and responded", "Cases", months,
                series);
    }
}
