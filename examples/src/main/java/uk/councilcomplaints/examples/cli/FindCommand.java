package uk.councilcomplaints.examples.cli;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.report.Grid;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.Cursor;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.workflow.Complaints;

/** {@code complaints find}: the cases matching some filters, a page at a time, oldest received first. */
@Command(name = "find", mixinStandardHelpOptions = true,
        description = {"Lists the cases matching every filter given, oldest received first, --limit at a time; the "
                + "last line gives the --after token of the next page (on the error stream for csv and xlsx).",
            "--overdue keeps the cases with a clock breached now (from the work queues' clock rows). Reads only; no "
                + "personal data."})
final class FindCommand implements Callable<Integer> {

    /** The largest page. */
    static final int MAX_LIMIT = ComplaintQuery.MAX_LIMIT;
    /** Bounds of a one-sided --received-from or --received-to (contacts are received from 1900). */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(3000, 1, 1);

    @ParentCommand
    private ComplaintsCli root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions storeOptions;

    @Option(names = "--status", paramLabel = "STATUS", split = ",",
            description = "Statuses, comma-separated: received, triaged, escalated, allocated, acknowledged, "
                    + "with_service, in_review, responded, service_request, signposted, withdrawn, duplicate, "
                    + "out_of_time.")
    private List<Status> statuses = List.of();

    @Option(names = "--procedure", paramLabel = "PROCEDURE", split = ",",
            description = "Procedures, comma-separated: adult_social_care, childrens_social_care, corporate, housing.")
    private List<Procedure> procedures = List.of();

    @Option(names = "--service", paramLabel = "CODE", split = ",",
            description = "Service area codes, comma-separated (adults, childrens, corporate, other, or the council's "
                    + "own).")
    private List<String> services = List.of();

    @Option(names = "--officer", paramLabel = "NAME", description = "The officer the case is allocated to.")
    private String officer;

    @Option(names = "--overdue", description = "Only cases with a clock breached now.")
    private boolean overdue;

    @Option(names = "--received-from", paramLabel = "DAY", description = "Received on or after DAY (London).")
    private LocalDate receivedFrom;

    @Option(names = "--received-to", paramLabel = "DAY", description = "Received on or before DAY (inclusive).")
    private LocalDate receivedTo;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "Cases per page, 1 to " + MAX_LIMIT + " (default ${DEFAULT-VALUE}).")
    private int limit = 50;

    @Option(names = "--after", paramLabel = "TOKEN", description = "The next page: the token the last page gave.")
    private String after;

    @Mixin
    private FormatOptions output;

    @Override
    public Integer call() throws IOException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new CliException("--limit: must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (receivedFrom != null && receivedTo != null && receivedTo.isBefore(receivedFrom)) {
            throw new CliException("--received-to (" + receivedTo + ") is before --received-from (" + receivedFrom
                    + ")");
        }
        Optional<Cursor> cursor = Optional.empty();
        if (after != null) {
            try {
                cursor = Optional.of(Cursor.parse(after));
            } catch (IllegalArgumentException e) {
                throw new CliException("--after: not a page token from complaints find");
            }
        }
        Instant now = root.clock().instant();
        try (OpenStore open = root.openForReading(storeOptions, spec.commandLine().getErr())) {
            Complaints complaints = Complaints.builder(open.store()).clock(root.clock()).build();
            Set<ComplaintId> breached = overdue ? breached(complaints, now) : Set.of();
            // --overdue is not a filter of core's ComplaintQuery: the pages are read and filtered here, the
            // token pointing after the last case shown, so paging still works
            ComplaintQuery.Builder query = ComplaintQuery.builder().statuses(statuses)
                    .procedure(procedures.toArray(Procedure[]::new))
                    .serviceArea(services.stream().map(FindCommand::area).toArray(ServiceArea[]::new))
                    .limit(overdue ? MAX_LIMIT : limit);
            if (officer != null) {
                query.officer(officer);
            }
            if (receivedFrom != null || receivedTo != null) {
                query.receivedBetween(LondonDays.startOf(receivedFrom == null ? EARLIEST : receivedFrom),
                        receivedTo == null ? LondonDays.startOf(LATEST) : LondonDays.endOf(receivedTo));
            }
            cursor.ifPresent(query::after);
            ComplaintQuery first = query.build();
            List<Complaint> shown = new ArrayList<>();
            boolean more = false;
            Page<Complaint> page = complaints.find(first);
            while (true) {
                for (Complaint c : page.items()) {
                    if (overdue && !breached.contains(c.id())) {
                        continue;
                    }
                    if (shown.size() == limit) {
                        more = true;
                        break;
                    }
                    shown.add(c);
                }
                if (more || page.next().isEmpty()) {
                    break;
                }
                page = complaints.find(first.after(page.next().get()));
            }
            Document document = new Document(title(shown.size()), Optional.empty(), Optional.empty(),
                    List.of(Document.Section.of("cases", title(shown.size()), grid(shown)).withoutTotal()),
                    List.of());
            if (more) {
                document = document.withNote("More: --after " + Cursor.after(shown.get(shown.size() - 1)).token());
            }
            output.write(document, spec, now);
        }
        return 0;
    }

    private String title(int shown) {
        return shown + (shown == 1 ? " case" : " cases") + (after == null ? "" : " (a later page)");
    }

    private static Set<ComplaintId> breached(Complaints complaints, Instant now) {
        Set<ComplaintId> ids = new HashSet<>();
        complaints.queues().all(ClockQuery.running().breachedAt(now).limit(ClockQuery.MAX_LIMIT).build())
                .forEach(c -> ids.add(c.id()));
        return ids;
    }

    private static ServiceArea area(String code) {
        for (ServiceArea predefined : List.of(ServiceArea.ADULTS, ServiceArea.CHILDRENS, ServiceArea.CORPORATE,
                ServiceArea.OTHER)) {
            if (predefined.code().equals(code)) {
                return predefined;
            }
        }
        try {
            return ServiceArea.of(code, code); // areas are equal by code: the name is not compared
        } catch (IllegalArgumentException e) {
            throw new CliException("--service: " + e.getMessage());
        }
    }

    private static Grid grid(List<Complaint> cases) {
        Listing listing = new Listing().text("reference", "Reference").text("received", "Received")
                .text("type", "Type").text("service_area", "Service area").text("status", "Status")
                .text("officer", "Officer").text("last_event", "Last event");
        for (Complaint c : cases) {
            listing.line(c.reference(), LondonDays.dayOf(c.receivedAt()).toString(), Labels.type(c.procedure(),
                    c.stage()), c.serviceArea().name(), Labels.status(c.status()), c.officer().orElse(""),
                    LondonDays.dayOf(c.lastOccurredAt()).toString());
        }
        return listing.grid();
    }
}
