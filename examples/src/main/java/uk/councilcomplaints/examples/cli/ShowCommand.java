package uk.councilcomplaints.examples.cli;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.report.Grid;
import uk.councilcomplaints.sla.SlaClock;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.workflow.Complaints;

/** {@code complaints show REF}: one case, its clocks and its history. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Shows one case: its facts, its clocks now (due day, working days left or over) and its "
                + "history, each event with when it happened and when it was recorded, who recorded it and why.",
            "The complainant's name, contact details and the summary only with --personal-data. Times are London "
                + "time. Reads only."})
final class ShowCommand implements Callable<Integer> {

    /** A London date and time as the listings show them (and xlsx reads as a date and time). */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK);

    @ParentCommand
    private ComplaintsCli root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "REF", description = "The case's reference, e.g. CMP-2022-000123.")
    private String reference;

    @Option(names = "--personal-data",
            description = "Show the complainant and the summary too (personal data: mind where the output goes).")
    private boolean personalData;

    @Mixin
    private FormatOptions output;

    @Override
    public Integer call() throws IOException {
        if (!ComplaintQuery.canMatch(reference)) {
            throw new CliException("'" + reference.strip() + "' is not a reference (blank, or a control character)");
        }
        try (OpenStore open = root.openForReading(storeOptions, spec.commandLine().getErr())) {
            Complaints complaints = Complaints.builder(open.store()).clock(root.clock()).build();
            Complaint c = complaints.findByReference(reference).orElseThrow(
                    () -> new CliException("no case has the reference '" + reference + "'"));
            Instant now = root.clock().instant();
            List<Document.Section> sections = new ArrayList<>();
            sections.add(Document.Section.of("case", "Case " + c.reference(), facts(c)).withoutTotal());
            complaints.slaStatus(c.id(), now, KnownAt.latest()).ifPresent(status -> sections.add(
                    Document.Section.of("clocks", "Clocks at " + when(now), clocks(status.clocks()))
                            .withoutTotal()));
            sections.add(Document.Section.of("history", "History", history(complaints.history(c.id())))
                    .withoutTotal());
            if (personalData) {
                sections.add(Document.Section.of("personal-data", "Personal data", personal(
                        c.personalDataErased() ? Optional.empty() : complaints.personalData(c.id()),
                        c.personalDataErased())).withoutTotal());
            }
            output.write(new Document("Case " + c.reference(), Optional.of(LondonDays.dayOf(now)), Optional.empty(),
                    sections, List.of()), spec, now);
        }
        return 0;
    }

    private static Grid facts(Complaint c) {
        Listing facts = new Listing().text("field", "Field").text("value", "Value");
        facts.line("reference", c.reference());
        facts.line("classification", c.classification().label());
        facts.line("procedure", c.procedure().label());
        facts.line("stage", c.stage().toString());
        facts.line("service_area", c.serviceArea().name());
        facts.line("channel", Labels.words(c.channel()));
        facts.line("received", when(c.receivedAt()));
        facts.line("matter_date", c.matterDate().map(LocalDate::toString).orElse(""));
        facts.line("status", Labels.status(c.status()));
        facts.line("officer", c.officer().orElse(""));
        facts.line("team", c.team().orElse(""));
        facts.line("previous_stage_officer", c.previousStageOfficer().orElse(""));
        facts.line("stage_started", when(c.stageStartedAt()));
        facts.line("acknowledged", c.acknowledgedAt().map(ShowCommand::when).orElse(""));
        facts.line("responded", c.respondedAt().map(ShowCommand::when).orElse(""));
        facts.line("outcome", c.outcome().map(Labels::words).orElse(""));
        facts.line("remedies", c.remedies().stream().map(Labels::words).sorted().collect(Collectors.joining("; ")));
        facts.line("closure_reason", c.closureReason().map(Labels::words).orElse(""));
        facts.line("accepted_late", yesNo(c.acceptedLate()));
        facts.line("referred_to_ombudsman", yesNo(c.referredToOmbudsman()));
        facts.line("paused", yesNo(c.paused()));
        facts.line("extension_working_days", Integer.toString(c.extensionWorkingDays()));
        facts.line("agreed_response_date", c.agreedResponseDate().map(LocalDate::toString).orElse(""));
        facts.line("personal_data_erased", yesNo(c.personalDataErased()));
        facts.line("last_event", when(c.lastOccurredAt()));
        facts.line("version", Long.toString(c.version()));
        return facts.grid();
    }

    private static Grid clocks(List<SlaClock> clocks) {
        Listing listing = new Listing().text("clock", "Clock").text("stage", "Stage").text("state", "State")
                .text("started", "Started").text("due", "Due").number("working_days_left", "Working days left")
                .number("working_days_over", "Working days over").text("met", "Met");
        for (SlaClock clock : clocks) {
            int days = clock.workingDaysLeft();
            listing.line(Labels.words(clock.kind()), clock.stage().toString(), Labels.words(clock.state()),
                    when(clock.start()), clock.dueDate().toString(), Integer.toString(Math.max(0, days)),
                    Integer.toString(Math.max(0, -days)), clock.metAt().map(ShowCommand::when).orElse(""));
        }
        return listing.grid();
    }

    private static Grid history(List<ComplaintEvent> events) {
        Listing listing = new Listing().number("version", "#").text("event", "Event").text("status", "Status after")
                .text("occurred", "Happened").text("recorded", "Recorded").text("by", "By").text("why", "Why");
        for (ComplaintEvent e : events) {
            listing.line(Long.toString(e.version()), Labels.words(e.type()), Labels.status(e.status()),
                    when(e.occurredAt()), when(e.recordedAt()), e.actor(), oneLine(e.reason().orElse("")));
        }
        return listing.grid();
    }

    private static Grid personal(Optional<PersonalData> data, boolean erased) {
        Listing listing = new Listing().text("field", "Field").text("value", "Value");
        if (data.isEmpty()) {
            listing.line("personal_data", erased ? "erased" : "none held");
            return listing.grid();
        }
        Complainant who = data.get().complainant();
        listing.line("name", oneLine(who.name()));
        listing.line("email", who.email().orElse(""));
        listing.line("phone", who.phone().orElse(""));
        listing.line("address", oneLine(who.address().orElse("")));
        listing.line("summary", oneLine(data.get().summary()));
        return listing.grid();
    }

    /** Free text on one line: line breaks and tabs as spaces, so a table stays a table. */
    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ").strip();
    }

    static String when(Instant instant) {
        return WHEN.format(instant.atZone(LondonDays.ZONE));
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
