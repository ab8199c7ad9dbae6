package uk.councilcomplaints.examples.cli;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.report.Grid;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.ClockState;
import uk.councilcomplaints.sla.DueClock;
import uk.councilcomplaints.sla.SlaClock;
import uk.councilcomplaints.sla.SlaStatus;
import uk.councilcomplaints.sla.WorkingCalendar;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.workflow.Complaints;

/** {@code complaints sla}: the cases with a clock breached or at risk, with how far over or how much is left. */
@Command(name = "sla", mixinStandardHelpOptions = true,
        description = "Lists the clocks (triage, acknowledgement, response) breached or at risk, with the case, "
                + "its clock, due date and working days over or left; breached first, most overdue first. "
                + "Now, from the work queues' clock rows; with --as-of or --known-at, by folding the histories. "
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

    @Mixin
    private FormatOptions output;

    /** One clock needing attention, with its case as it stood then. */
    private record Line(String reference, Procedure procedure, Stage stage, ClockKind kind, boolean breached,
            LocalDate received, LocalDate due, int workingDaysLeft, String officer, String status) {

        static Line of(SlaClock clock, Complaint c) {
            return new Line(c.reference(), c.procedure(), c.stage(), clock.kind(),
                    clock.state() == ClockState.BREACHED, LondonDays.dayOf(c.receivedAt()), clock.dueDate(),
                    clock.workingDaysLeft(), c.officer().orElse(""), Labels.status(c.status()));
        }

        static Line of(DueClock clock, Instant at, WorkingCalendar calendar) {
            LocalDate due = clock.dueDate().orElseThrow();
            int left = calendar.workingDaysLeft(LondonDays.dayOf(at), due);
            return new Line(clock.reference(), clock.procedure(), clock.stage(), clock.kind(),
                    clock.stateAt(at) == ClockState.BREACHED, LondonDays.dayOf(clock.receivedAt()), due, left,
                    clock.officer().orElse(""), Labels.status(clock.status()));
        }
    }

    @Override
    public Integer call() throws IOException {
        // the last microsecond of the day: events are whole microseconds, and "as of" includes its instant
        Instant at = asOf == null ? root.clock().instant() : LondonDays.endOf(asOf).minus(1, ChronoUnit.MICROS);
        KnownAt known = knownAt == null ? KnownAt.latest() : KnownAt.of(knownAt);
        try (OpenStore open = root.openForReading(storeOptions, spec.commandLine().getErr())) {
            Complaints complaints = Complaints.builder(open.store()).clock(root.clock()).build();
            if (asOf == null && knownAt == null && complaints.queues().missingClocks()) {
                spec.commandLine().getErr().println("Warning: no case has its clocks worked out, yet some are open"
                        + " (tables upgraded from an earlier version?): run 'complaints rebuild-clocks' once.");
            }
            List<Line> lines = asOf == null && knownAt == null ? fromClockRows(complaints, at)
                    : folded(complaints, at, known);
            lines.sort(Comparator.comparing((Line l) -> !l.breached()).thenComparingInt(Line::workingDaysLeft)
                    .thenComparing(Line::reference));
            long breached = lines.stream().filter(Line::breached).count();
            String title = (asOf == null ? "Now (" + WHEN.format(at.atZone(LondonDays.ZONE)) + ")"
                    : "At the end of " + asOf) + (knownAt == null ? "" : ", as known at " + knownAt) + ": "
                    + breached + " clocks breached, " + (lines.size() - breached) + " at risk";
            Document.Section section = new Document.Section("sla", title, listing(lines), Optional.empty(),
                    Optional.empty());
            output.write(new Document(title, Optional.ofNullable(asOf), Optional.ofNullable(knownAt),
                    List.of(section), List.of()), spec, root.clock().instant());
        }
        return 0;
    }

    /** Now: every running clock at risk or breached, from the clock rows, a page of a thousand at a time. */
    private static List<Line> fromClockRows(Complaints complaints, Instant at) {
        List<Line> lines = new ArrayList<>();
        WorkingCalendar calendar = complaints.sla().calendar();
        complaints.queues().all(ClockQuery.running().atRiskBy(at).limit(ClockQuery.MAX_LIMIT).build())
                .forEach(c -> lines.add(Line.of(c, at, calendar)));
        return lines;
    }

    /** At a past instant, or as known at one: the fold of the histories of the complaints open then. */
    private static List<Line> folded(Complaints complaints, Instant at, KnownAt known) {
        List<Line> lines = new ArrayList<>();
        for (SlaStatus status : complaints.breachedOrAtRisk(at, known)) {
            Complaint complaint = complaints.stateAsOf(status.id(), at, known).orElseThrow();
            for (SlaClock clock : status.clocks()) {
                if (clock.state() == ClockState.BREACHED || clock.state() == ClockState.AT_RISK) {
                    lines.add(Line.of(clock, complaint));
                }
            }
        }
        return lines;
    }

    /** The lines: working days over and left as numbers (one of them 0), the status in words. */
    private static Grid listing(List<Line> lines) {
        Listing listing = new Listing().text("reference", "Reference").text("type", "Type").text("clock", "Clock")
                .text("state", "State").text("received", "Received").text("due", "Due")
                .number("working_days_over", "Working days over").number("working_days_left", "Working days left")
                .text("officer", "Officer").text("status", "Status");
        for (Line line : lines) {
            int days = line.workingDaysLeft();
            listing.line(line.reference(), type(line.procedure(), line.stage()),
                    line.kind().name().toLowerCase(Locale.ROOT), line.breached() ? "breached" : "at risk",
                    line.received().toString(), line.due().toString(), Integer.toString(Math.max(0, -days)),
                    Integer.toString(Math.max(0, days)), line.officer(), line.status());
        }
        return listing.grid();
    }

    private static String type(Procedure procedure, Stage stage) {
        return procedure == Procedure.ADULT_SOCIAL_CARE ? procedure.label() : procedure.label() + " " + stage;
    }
}
