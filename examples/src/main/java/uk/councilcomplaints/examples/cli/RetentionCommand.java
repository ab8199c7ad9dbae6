package uk.councilcomplaints.examples.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
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
                + "when and why; every report stays the same. Prints how many, per procedure. Running it "
                + "again anonymises nothing more. An embedded H2 database (such as the default) has its tables "
                + "created or updated first, any other must be up to date (complaints migrate); with --dry-run the "
                + "tables must be up to date and are never changed.")
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
                    + "adult_social_care, childrens_social_care or corporate. May be repeated.")
    private Map<Procedure, String> periods = new EnumMap<>(Procedure.class);

    @Option(names = "--dry-run", description = "Count what would be anonymised; change nothing.")
    private boolean dryRun;

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
        try (OpenStore open = dryRun ? root.openForReading(storeOptions, spec.commandLine().getErr())
                : root.openExisting(storeOptions, spec.commandLine().getErr())) {
            DataProtection protection = Complaints.builder(open.store()).clock(root.clock()).retentionPolicy(policy)
                    .build().dataProtection();
            List<Complaint> done = dryRun ? protection.expired(day) : protection.anonymiseExpired(day, actor);
            print(spec.commandLine().getOut(), day, policy, done);
        }
        return 0;
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

    private void print(PrintWriter out, LocalDate day, RetentionPolicy policy, List<Complaint> done) {
        Map<Procedure, Integer> counts = new EnumMap<>(Procedure.class);
        for (Complaint c : done) {
            counts.merge(c.procedure(), 1, Integer::sum);
        }
        out.printf("%s %d complaints whose retention period ended by %s%n", dryRun ? "Would anonymise" : "Anonymised",
                done.size(), day);
        for (Procedure p : Procedure.values()) {
            out.printf("  %-20s %6d  (kept %s after closure)%n", p.label(), counts.getOrDefault(p, 0),
                    policy.period(p));
        }
        out.flush();
    }
}
