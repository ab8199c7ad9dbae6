package uk.councilcomplaints.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import uk.councilcomplaints.protection.SubjectAccessReport;
import uk.councilcomplaints.store.DataSubject;
import uk.councilcomplaints.workflow.Complaints;

/** {@code complaints subject-access}: everything held about one complainant, as JSON. */
@Command(name = "subject-access", mixinStandardHelpOptions = true,
        description = "Prints, as JSON, everything the store holds about one complainant (a subject access "
                + "request): each of their complaints in the store's council with its facts, the complainant's "
                + "details and summary, and every event (who, when, why). Found by email address or by name, "
                + "whole values, the letters A-Z in any case. Complaints whose personal data was erased are "
                + "no longer found. Reads only: the database's tables must be up to date (complaints migrate); they "
                + "are never changed.")
final class SubjectAccessCommand implements Callable<Integer> {

    @ParentCommand
    private ComplaintsCli root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions storeOptions;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Who who;

    /** Exactly one way to find the complainant. */
    static final class Who {
        @Option(names = "--email", paramLabel = "ADDRESS", required = true,
                description = "The complainant's email address.")
        private String email;

        @Option(names = "--name", paramLabel = "NAME", required = true, description = "The complainant's name.")
        private String name;
    }

    @Override
    public Integer call() {
        DataSubject subject = subject();
        try (OpenStore open = root.openForReading(storeOptions, spec.commandLine().getErr())) {
            Complaints complaints = Complaints.builder(open.store()).clock(root.clock()).build();
            SubjectAccessReport report = complaints.dataProtection().subjectAccess(subject);
            spec.commandLine().getOut().print(SubjectAccessJson.of(report));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private DataSubject subject() {
        String value = who.email != null ? who.email : who.name;
        String option = who.email != null ? "--email" : "--name";
        if (value.isBlank()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': must not be blank");
        }
        return who.email != null ? DataSubject.withEmail(who.email) : DataSubject.named(who.name);
    }
}
