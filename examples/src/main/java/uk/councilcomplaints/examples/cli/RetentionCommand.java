package uk.councilcomplaints.examples.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.protection.DataProtection;
import uk.councilcomplaints.protection.RetentionPolicy;
import uk.councilcomplaints.workflow.Complaints;

/** {@code complaints retention}: anonymises the complaints whose retention period has ended. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "Anonymises every closed complaint whose personal data was kept for its procedure's "
                + "retention period (6 years after closure unless --period says otherwise): erases the "
                + "complainant's details, the summary and the events' reasons, recorded as an event with who, "
                + "when and why; every report stays the same. Prints how many first, per procedure (as --period "
                + "names them) and kind (complaints, service requests, not council complaints), and asks before "
                + "it anonymises: y or yes goes ahead; without a console it needs --yes, and changes nothing "
                + "otherwise. Running it again anonymises nothing more. The database must exist; an embedded H2 "
                + "database has its tables updated first, any other must be up to date (complaints migrate); with "
                + "--dry-run the tables must be up to date and are never changed.")
final class RetentionCommand implements Callable<Integer> {

    @ParentCommand
    private ComplaintsCli root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions storeOptions;

    @Option(names = "--as-of", paramLabel = "DAY",
            description = "Anonymise what expired by DAY (London; not after today): 2028-03-01 or 01/03/2028; "
                    + "default today.")
    private LocalDate asOf;

    @Option(names = "--period", paramLabel = "PROCEDURE=PERIOD",
            description = "Keep a procedure's personal data for PERIOD after closure (ISO 8601: P6Y, P18M, P90D): "
                    + "adult_social_care, childrens_social_care, corporate or housing. May be repeated.")
    private Map<Procedure, String> periods = new EnumMap<>(Procedure.class);

    @Option(names = "--dry-run", description = "Count what would be anonymised; change nothing.")
    private boolean dryRun;

    @Option(names = "--yes", description = "Anonymise without asking (for scripts: nothing asks without a console).")
    private boolean yes;

    @Option(names = "--actor", paramLabel = "NAME", defaultValue = "complaints retention",
            description = "Who the anonymisation is recorded as done by (default: ${DEFAULT-VALUE}).")
    private String actor;

    @Override
    public Integer call() {
        RetentionPolicy policy = policy();
        LocalDate day = asOf == null ? root.today() : asOf;
        if (day.isAfter(root.today())) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--as-of': " + day
                    + " is after today (" + root.today() + ")");
        }
        if (actor.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--actor': must not be blank");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (OpenStore open = dryRun ? root.openForReading(storeOptions, spec.commandLine().getErr())
                : root.openExisting(storeOptions, spec.commandLine().getErr())) {
            DataProtection protection = Complaints.builder(open.store()).clock(root.clock()).retentionPolicy(policy)
                    .build().dataProtection();
            List<Complaint> expired = protection.expired(day);
            if (dryRun) {
                print(out, "Would anonymise", day, policy, expired);
                return 0;
            }
            if (!expired.isEmpty() && !yes) {
                print(out, "Will anonymise", day, policy, expired);
                confirm(expired.size());
            }
            print(out, "Anonymised", day, policy, protection.anonymiseExpired(day, actor));
        }
        return 0;
    }

    /** Asks on the console; throws, having changed nothing, unless the answer is y or yes. */
    private void confirm(int count) {
        CliEnvironment.Terminal console = root.environment().console().orElseThrow(() -> new CliException(
                "not anonymising " + count + (count == 1 ? " case" : " cases") + " without a confirmation, and no "
                        + "console is attached to ask on: pass --yes (nothing was changed)"));
        String answer = console.readLine("Erase the personal data of these " + count + (count == 1 ? " case" : " cases")
                + "? This cannot be undone. [y/N] ");
        if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
            throw new CliException("not confirmed: nothing was anonymised");
        }
    }

    private RetentionPolicy policy() {
        RetentionPolicy policy = RetentionPolicy.defaults();
        for (Map.Entry<Procedure, String> e : periods.entrySet()) {
            Period period;
            try {
                period = Period.parse(e.getValue());
            } catch (DateTimeParseException ex) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--period': '"
                        + e.getValue() + "' for " + e.getKey() + " is not a period (use P6Y, P18M or P90D)");
            }
            try {
                policy = policy.with(e.getKey(), period);
            } catch (IllegalArgumentException ex) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--period': "
                        + ex.getMessage());
            }
        }
        return policy;
    }

    /**
     * The heading and a line per procedure (named as --period names it) and kind: complaints always, service requests
     * and not council complaints when there are any, each with the period that keeps it.
     */
    private static void print(PrintWriter out, String done, LocalDate day, RetentionPolicy policy,
            List<Complaint> cases) {
        Map<Procedure, Map<Classification, Integer>> counts = new EnumMap<>(Procedure.class);
        for (Complaint c : cases) {
            counts.computeIfAbsent(c.procedure(), p -> new EnumMap<>(Classification.class))
                    .merge(c.classification(), 1, Integer::sum);
        }
        out.printf("%s %d %s whose retention period ended by %s%n", done, cases.size(),
                cases.size() == 1 ? "case" : "cases", day);
        for (Procedure p : Procedure.values()) {
            Map<Classification, Integer> kinds = counts.getOrDefault(p, Map.of());
            for (Classification kind : Classification.values()) {
                int n = kinds.getOrDefault(kind, 0);
                if (n > 0 || kind == Classification.COMPLAINT) {
                    out.printf("  %-22s %6d  %-22s  (kept %s after closure)%n", p.name().toLowerCase(Locale.ROOT), n,
                            KINDS.get(kind), policy.period(p));
                }
            }
        }
        out.flush();
    }

    private static final Map<Classification, String> KINDS = Map.of(Classification.COMPLAINT, "complaints",
            Classification.SERVICE_REQUEST, "service requests", Classification.NOT_COUNCIL_COMPLAINT,
            "not council complaints");
}
