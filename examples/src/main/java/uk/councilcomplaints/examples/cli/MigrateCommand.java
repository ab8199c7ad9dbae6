package uk.councilcomplaints.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Spec
    private CommandSpec spec;

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = StoreOptions.DEFAULT_DB,
            description = "The database: an H2 URL (default ${DEFAULT-VALUE}) or a PostgreSQL one "
                    + "(jdbc:postgresql://host/db).")
    private String url = StoreOptions.DEFAULT_DB;

    @Option(names = "--user", paramLabel = "USER", description = "The database user.")
    private String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "The database user's password.")
    private String password;

    @Override
    public Integer call() {
        List<String> applied = JdbcStores.migrate(StoreOptions.database(url, user, password));
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
