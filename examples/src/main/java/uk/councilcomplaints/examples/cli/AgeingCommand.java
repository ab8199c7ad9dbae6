package uk.councilcomplaints.examples.cli;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.report.AgeingReport;
import uk.councilcomplaints.report.Grid;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.workflow.Complaints;

/** {@code complaints ageing}: open cases by age in working days, per service, officer or procedure. */
@Command(name = "ageing", mixinStandardHelpOptions = true,
        description = {"Counts the open cases by age in working days since received (0-5, 6-10, 11-20, 21-40, 41+) "
                + "per service area, officer or procedure, with the median and 90th percentile age, then lists the "
                + "oldest cases.",
            "Now, from the work queues' clock rows; with --as-of (or --known-at), from the histories of the cases "
                + "open at the end of that day. Reads only."})
final class AgeingCommand implements Callable<Integer> {

    /** {@code complaints ageing}, or {@code complaints report ageing}. */
    @ParentCommand
    private Object parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions storeOptions;

    @Option(names = "--by", paramLabel = "service|officer|procedure", defaultValue = "service",
            description = "Group by service (default), officer or procedure.")
    private String by = "service";

    @Option(names = "--as-of", paramLabel = "DAY", description = "Ages at the end of DAY (London); default now.")
    private LocalDate asOf;

    @Option(names = "--known-at", paramLabel = "INSTANT",
            description = "Count only what was recorded by then (2021-12-01T12:00:00Z, or 2021-12-01T12:00 in London).")
    private Instant knownAt;

    @Option(names = "--oldest", paramLabel = "N", defaultValue = "10",
            description = "How many of the oldest cases to list (default ${DEFAULT-VALUE}).")
    private int oldest = 10;

    @Mixin
    private FormatOptions output;

    @Override
    public Integer call() throws IOException {
        ComplaintsCli root = parent instanceof ReportCommand report ? report.root() : (ComplaintsCli) parent;
        AgeingReport.By grouping = switch (by.toLowerCase(Locale.ROOT)) {
            case "service" -> AgeingReport.By.SERVICE_AREA;
            case "officer" -> AgeingReport.By.OFFICER;
            case "procedure" -> AgeingReport.By.PROCEDURE;
            default -> throw new CliException("--by: '" + by + "' is not service, officer or procedure");
        };
        if (oldest < 0 || oldest > 1000) {
            throw new CliException("--oldest: must be 0 to 1000, was " + oldest);
        }
        try (OpenStore open = root.openForReading(storeOptions, spec.commandLine().getErr())) {
            Complaints complaints = Complaints.builder(open.store()).clock(root.clock()).build();
            if (asOf == null && knownAt == null && complaints.queues().missingClocks()) {
                spec.commandLine().getErr().println("Warning: no case has its clocks worked out, yet some are open"
                        + " (tables upgraded from an earlier version?): run 'complaints rebuild-clocks' once.");
            }
            Reports reports = Reports.over(open.store(), complaints.sla());
            Instant now = root.clock().instant();
            AgeingReport report = asOf == null && knownAt == null ? reports.ageingNow(now, grouping, oldest)
                    : reports.ageing(asOf == null ? LondonDays.dayOf(now) : asOf, grouping, oldest,
                            knownAt == null ? KnownAt.latest() : KnownAt.of(knownAt));
            String when = (asOf == null ? "Today (" + report.asOf() + ")" : "At the end of " + asOf)
                    + (knownAt == null ? "" : ", as known at " + knownAt);
            String title = when + ": " + report.total().total() + " open cases by age in working days; median "
                    + report.median() + ", 90th percentile " + report.percentile90();
            List<Document.Section> sections = new ArrayList<>();
            Grid grid = Grid.of(report);
            List<String> buckets = grid.columns().stream().map(Grid.Column::key).filter(k -> k.startsWith("days_"))
                    .toList();
            sections.add(Document.Section.of("ageing", title, grid).withChart(Chart.ofColumns(
                    Chart.Kind.STACKED_BARS, "Open cases by age in working days", "Open cases", grid, buckets,
                    "Total")));
            if (oldest > 0 && !report.oldest().isEmpty()) {
                sections.add(Document.Section.of("oldest", "The " + report.oldest().size() + " oldest open cases",
                        oldest(report)).withoutTotal());
            }
            String document = "Open cases by age in working days, " + (asOf == null ? "today (" + report.asOf() + ")"
                    : "at the end of " + asOf) + (knownAt == null ? "" : ", as known at " + knownAt);
            output.write(new Document(document, Optional.of(report.asOf()), Optional.ofNullable(knownAt), sections,
                    List.of()), spec, now);
        }
        return 0;
    }

    private static Grid oldest(AgeingReport report) {
        Listing listing = new Listing().text("reference", "Reference").text("received", "Received")
                .text("group", "Group").number("working_days", "Working days");
        for (AgeingReport.Aged a : report.oldest()) {
            listing.line(a.reference(), LondonDays.dayOf(a.receivedAt()).toString(), a.group(),
                    Integer.toString(a.workingDays()));
        }
        return listing.grid();
    }
}
