package uk.councilcomplaints.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code complaints migrate}: creates the database's tables, or brings them up to date. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Creates the database's complaint tables, or applies the schema scripts it lacks, and prints "
                + "each script applied (\"Schema up to date\" when there was none). Running it again changes "
                + "nothing; a migration stopped half-way is taken up where it stopped.",
            "The read commands (report, sla, subject-access, retention --dry-run) never change the schema: they "
                + "fail until it is up to date. import, briefing and retention create or update the tables of an "
                + "embedded H2 database (such as the default) themselves; on PostgreSQL run this first. Building "
                + "the report projection for many stored complaints can take a while: progress is logged under "
                + "--verbose."})
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    private ComplaintsCli root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Override
    public Integer call() {
        List<String> applied = JdbcStores.migrate(root.resolve(connection, spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        if (applied.isEmpty()) {
            out.println("Schema up to date");
        } else {
            out.println("Applied " + applied.size() + (applied.size() == 1 ? " schema script:" : " schema scripts:"));
            applied.forEach(script -> out.println("  " + script));
        }
        out.flush();
        return 0;
    }
}
