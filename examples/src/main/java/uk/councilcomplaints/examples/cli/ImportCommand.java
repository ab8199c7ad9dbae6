package uk.councilcomplaints.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import uk.councilcomplaints.examples.cli.legacy.ImportSummary;
import uk.councilcomplaints.examples.cli.legacy.LegacyImportException;
import uk.councilcomplaints.examples.cli.legacy.LegacyImporter;
import uk.councilcomplaints.examples.cli.legacy.ReadOptions;
import uk.councilcomplaints.store.jdbc.Dialect;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;

/** {@code complaints import FILE}: a legacy tracker spreadsheet, an .xlsx workbook or saved as CSV, into the store. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a legacy tracker spreadsheet, an Excel workbook (.xlsx: the first sheet, or --sheet) "
                + "or saved as CSV (UTF-8; a comma, semicolon or tab between columns, found from the header row, "
                + "or --separator), one case per row, through the library's API. Header row, names in any case and "
                + "order: reference, received_on, service_area, type (required), stage, complainant_name, "
                + "complainant_email, summary, triaged_on, allocated_on, officer, acknowledged_on, "
                + "sent_to_service_on, responded_on, outcome, closed_on, closure_reason; optional: team, "
                + "matter_date, duplicate_of. Other columns are ignored. Blank rows are skipped.",
            "Dates are day first: 2022-01-14, 14/01/2022, 14-Jan-2022, 14 January 2022 (a time after the day, as "
                + "in 14/01/2022 09:30, is ignored), or a workbook's date cells. type: Statutory Adults, Statutory "
                + "Children, Corporate, Service Request, Not a council complaint. stage: blank or 1 (only stage 1 "
                + "cases can be imported). outcome: upheld, partly upheld, not upheld. closure_reason: withdrawn, "
                + "duplicate, out of time.",
            "Each milestone becomes an event dated on its day, recorded now with the reason that it came from the "
                + "spreadsheet; a blank milestone before a filled one is implied on that one's day (except "
                + "sent_to_service_on: the team may answer without the service). closed_on without a reason after "
                + "responded_on is an administrative close: the case stays complete.",
            "A row is stored whole or not at all; the reference is the key, so a second import of the same file "
                + "imports nothing. Rejected rows go with their reasons to FILE.rejected.csv, and rows imported "
                + "that look like an earlier row to FILE.duplicates.csv, with the row they resemble; neither is "
                + "written when empty (one left by an earlier import is removed). With --store memory, a check "
                + "run: nothing is kept.",
            "An embedded H2 database (such as the default) has its tables created or updated first; any other "
                + "(PostgreSQL) must be up to date: run complaints migrate."})
final class ImportCommand implements Callable<Integer> {

    /** From this many complaints imported on PostgreSQL, the command says how to vacuum the tables. */
    static final int LARGE_IMPORT = 10_000;

    @ParentCommand
    private ComplaintsCli root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions storeOptions;

    @Option(names = "--sheet", paramLabel = "NAME|NUMBER",
            description = "The workbook's sheet to import, by name or by number from 1 (default: the first).")
    private String sheet;

    @Option(names = "--separator", paramLabel = "comma|semicolon|tab",
            description = "What separates a CSV file's columns (default: found from the header row).")
    private String separator;

    @Option(names = "--vacuum", description = "After the import, on PostgreSQL, run VACUUM (ANALYZE) of the tables "
            + "an import fills (all councils' rows; needs the tables' owner), so that reports read them at full speed "
            + "at once. Without it, a large import prints the statement for a DBA to run or schedule.")
    private boolean vacuum;

    @Parameters(paramLabel = "FILE", description = "The spreadsheet: an .xlsx workbook, or saved as CSV.")
    private Path file;

    @Override
    public Integer call() throws IOException {
        Optional<Character> sep = Optional.ofNullable(separator).map(this::separator);
        if (Files.isDirectory(file)) {
            throw new CliException(file + " is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException(file + ": no such file");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (OpenStore open = root.open(storeOptions, err)) {
            List<String> incomplete = CheckCommand.incompleteOnH2(open.store()); // checked before adding to it
            if (!incomplete.isEmpty()) {
                throw new CliException("the database is incomplete (" + incomplete.get(0)
                        + (incomplete.size() > 1 ? ", and " + (incomplete.size() - 1) + " more" : "")
                        + "); 'complaints check' lists it all. " + CheckCommand.ADVICE);
            }
            ImportSummary summary = new LegacyImporter(open.store(), root.clock(), out, err)
                    .importFile(file, new ReadOptions(sep, Optional.ofNullable(sheet)));
            out.println(summary);
            if (summary.rejected() > 0) {
                out.println("rejected rows and their reasons: " + summary.rejectedFile());
            }
            if (summary.possibleDuplicates() > 0) {
                out.println("possible duplicates and the rows they resemble: " + summary.duplicatesFile());
            }
            if (open.store() instanceof JdbcComplaintStore jdbc && jdbc.dialect() == Dialect.POSTGRESQL) {
                afterImport(jdbc, summary, out);
            }
            out.flush();
        } catch (LegacyImportException e) {
            throw new CliException(e.getMessage(), e);
        }
        return 0;
    }

    /** With {@code --vacuum}, vacuums and analyses; else, after a large import, says what to run. */
    private void afterImport(JdbcComplaintStore store, ImportSummary summary, PrintWriter out) {
        if (vacuum) {
            out.println("vacuuming and analysing the tables (VACUUM (ANALYZE)) ...");
            out.flush();
            store.vacuumAnalyze();
            out.println("done");
        } else if (summary.imported() >= LARGE_IMPORT) {
            out.println("a large import: until PostgreSQL has vacuumed the tables, reports read more than they need;"
                    + " run VACUUM (ANALYZE) complaints, complaint_events, report_projection, running_clocks,"
                    + " event_feed; (or import with --vacuum); see docs/jdbc-store.md");
        }
    }

    private char separator(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "comma", "," -> ',';
            case "semicolon", ";" -> ';';
            case "tab", "\t", "\\t" -> '\t';
            default -> throw new ParameterException(spec.commandLine(), "--separator: '" + name
                    + "' is not comma, semicolon or tab");
        };
    }
}
