package uk.councilcomplaints.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import uk.councilcomplaints.examples.cli.legacy.ImportSummary;
import uk.councilcomplaints.examples.cli.legacy.LegacyImportException;
import uk.councilcomplaints.examples.cli.legacy.LegacyImporter;

/** {@code complaints import FILE.csv}: a legacy tracker spreadsheet, saved as CSV, into the store. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a legacy tracker spreadsheet saved as CSV (UTF-8), one case per row, through the "
                + "library's API. Header row, names in any case and order: reference, received_on, service_area, "
                + "type (required), stage, complainant_name, complainant_email, summary, triaged_on, allocated_on, "
                + "officer, acknowledged_on, sent_to_service_on, responded_on, outcome, closed_on, closure_reason; "
                + "optional: team, matter_date, duplicate_of. Other columns are ignored.",
            "Dates 2022-01-14 or 14/01/2022. type: Statutory Adults, Statutory Children, Corporate, Service Request, "
                + "Not a council complaint. stage: blank or 1. outcome: upheld, partly upheld, not upheld. "
                + "closure_reason: withdrawn, duplicate, out of time.",
            "Each milestone becomes an event dated on its day, recorded now with the reason that it came from the "
                + "spreadsheet; a blank milestone before a filled one is implied on that one's day (except "
                + "sent_to_service_on: the team may answer without the service). closed_on without a reason after "
                + "responded_on is an administrative close: the case stays complete.",
            "A row is stored whole or not at all; the reference is the key, so a second import of the same file "
                + "imports nothing. Rejected rows go with their reasons to FILE.rejected.csv; possible duplicates "
                + "are listed. With --store memory, a check run: nothing is kept.",
            "An embedded H2 database (such as the default) has its tables created or updated first; any other "
                + "(PostgreSQL) must be up to date: run complaints migrate."})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    private ComplaintsCli root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions storeOptions;

    @Parameters(paramLabel = "FILE.csv", description = "The spreadsheet, saved as CSV.")
    private Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CliException(file + ": no such file");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (OpenStore open = root.open(storeOptions, err)) {
            ImportSummary summary = new LegacyImporter(open.store(), root.clock(), out, err).importFile(file);
            out.println(summary);
            if (summary.rejected() > 0) {
                out.println("rejected rows and their reasons: " + summary.rejectedFile());
            }
            out.flush();
        } catch (LegacyImportException e) {
            throw new CliException(e.getMessage(), e);
        }
        return 0;
    }
}
