package uk.councilcomplaints.examples.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.sla.ClockState;
import uk.councilcomplaints.sla.SlaClock;
import uk.councilcomplaints.sla.SlaStatus;
import uk.councilcomplaints.workflow.Complaints;

/** {@code complaints sla}: the cases with a clock breached or at risk, with how far over or how much is left. */
@Command(name = "sla", mixinStandardHelpOptions = true,
        description = "Lists the clocks (triage, acknowledgement, response) breached or at risk, with the case, "
                + "its clock, due date and working days over or left; breached first, most overdue first. "
                + "Reads only: the database's tables must be up to date (complaints migrate); they are never changed.")
final class SlaCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK);

    @ParentCommand
    private ComplaintsCli root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions storeOptions;

    @Option(names = "--as-of", paramLabel = "DAY",
            description = "Evaluate the clocks at the end of DAY (London): 2022-01-14 or 14/01/2022; default now.")
    private LocalDate asOf;

    @Option(names = "--known-at", paramLabel = "INSTANT",
            description = "Count only what was recorded by then (2021-12-01T12:00:00Z, or 2021-12-01T12:00 in London).")
    private Instant knownAt;

    @Option(names = "--format", paramLabel = "text|csv|md", defaultValue = "text",
            description = "text (default), csv or md.")
    private TableFormat format = TableFormat.TEXT;

    /** One clock needing attention, and its case as it stood then. */
    private record Line(SlaClock clock, Complaint complaint) {
    }

    @Override
    public Integer call() {
        // the last microsecond of the day: events are whole microseconds, and "as of" includes its instant
        Instant at = asOf == null ? root.clock().instant() : LondonDays.endOf(asOf).minus(1, ChronoUnit.MICROS);
        KnownAt known = knownAt == null ? KnownAt.latest() : KnownAt.of(knownAt);
        try (OpenStore open = root.openForReading(storeOptions, spec.commandLine().getErr())) {
            Complaints complaints = Complaints.builder(open.store()).clock(root.clock()).build();
            List<Line> lines = new ArrayList<>();
            for (SlaStatus status : complaints.breachedOrAtRisk(at, known)) {
                Complaint complaint = complaints.stateAsOf(status.id(), at, known).orElseThrow();
                for (SlaClock clock : status.clocks()) {
                    if (clock.state() == ClockState.BREACHED || clock.state() == ClockState.AT_RISK) {
                        lines.add(new Line(clock, complaint));
                    }
                }
            }
            lines.sort(Comparator.comparing((Line l) -> l.clock().state() != ClockState.BREACHED)
                    .thenComparingInt(l -> l.clock().workingDaysLeft())
                    .thenComparing(l -> l.complaint().reference()));
            long breached = lines.stream().filter(l -> l.clock().state() == ClockState.BREACHED).count();
            String title = (asOf == null ? "Now (" + WHEN.format(at.atZone(LondonDays.ZONE)) + ")"
                    : "At the end of " + asOf) + (knownAt == null ? "" : ", as known at " + knownAt) + ": "
                    + breached + " clocks breached, " + (lines.size() - breached) + " at risk";
            spec.commandLine().getOut().print(listing(lines).render(format, title));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private static Listing listing(List<Line> lines) {
        List<List<String>> rows = new ArrayList<>();
        for (Line line : lines) {
            SlaClock clock = line.clock();
            Complaint c = line.complaint();
            int days = clock.workingDaysLeft();
            rows.add(List.of(c.reference(), type(c), clock.kind().name().toLowerCase(Locale.ROOT),
                    clock.state() == ClockState.BREACHED ? "breached" : "at risk",
                    LondonDays.dayOf(clock.start()).toString(), clock.dueDate().toString(),
                    days < 0 ? -days + " over" : days + " left", c.officer().orElse(""), c.status().name()));
        }
        return new Listing(
                List.of("reference", "type", "clock", "state", "started", "due", "working_days", "officer", "status"),
                List.of("Reference", "Type", "Clock", "State", "Started", "Due", "Working days", "Officer", "Status"),
                List.of(false, false, false, false, false, false, true, false, false), rows);
    }

    private static String type(Complaint c) {
        return c.procedure() == Procedure.ADULT_SOCIAL_CARE ? c.procedure().label()
                : c.procedure().label() + " " + c.stage();
    }
}
