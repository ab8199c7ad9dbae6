package uk.councilcomplaints.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.jdbc.Dialect;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;

/** {@code complaints check}: says whether every complaint's stored rows agree, and names those that do not. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks that every case's stored rows agree with each other: its history, its report rows "
                + "and its personal data. Lists each case that is incomplete, and exits with 1 if any is.",
            "Only a database damaged outside the library has any: an H2 file whose process was killed while H2 "
                + "saved a large batch (an import) part-way. Import again into a new database (--db) then. "
                + "Reads every case; changes nothing."})
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    private ComplaintsCli root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions storeOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (OpenStore open = root.openExisting(storeOptions, spec.commandLine().getErr())) {
            List<String> incomplete = incomplete(open.store());
            if (incomplete.isEmpty()) {
                out.println("Every case's stored rows agree.");
                out.flush();
                return 0;
            }
            out.println("The database is incomplete:");
            incomplete.forEach(line -> out.println("  " + line));
            out.println(ADVICE);
            out.flush();
            return 1;
        }
    }

    static final String ADVICE = "A process was killed while the database saved part of a batch. Import the "
            + "spreadsheet again into a new database (--db), or use PostgreSQL (docs/reliability.md, Faults).";

    /** What {@link JdbcComplaintStore#incompleteComplaints} finds; nothing for another store. */
    static List<String> incomplete(ComplaintStore store) {
        return store instanceof JdbcComplaintStore jdbc ? jdbc.incompleteComplaints() : List.of();
    }

    /** As {@link #incomplete}, on H2 only: the one database a kill can leave torn (docs/reliability.md). */
    static List<String> incompleteOnH2(ComplaintStore store) {
        return store instanceof JdbcComplaintStore jdbc && jdbc.dialect() == Dialect.H2 ? incomplete(store)
                : List.of();
    }
}
