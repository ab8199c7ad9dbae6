package uk.councilcomplaints.examples.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import uk.councilcomplaints.ComplaintsException;
import uk.councilcomplaints.examples.cli.legacy.LegacyDates;
import uk.councilcomplaints.model.LondonDays;

/**
 * The {@code complaints} command line: the briefing note's reports, importing a legacy tracker
 * spreadsheet, report tables and the SLA list, over a database or an in-memory store. Errors print one
 * line (with the stack trace only under {@code --verbose}) and exit non-zero.
 */
@Command(name = "complaints", mixinStandardHelpOptions = true, version = "complaints 0.1.0-SNAPSHOT",
        synopsisSubcommandLabel = "COMMAND",
        description = "Council complaints from the command line: the briefing note's reports, importing a legacy "
                + "tracker spreadsheet, report tables and the cases breaching their timescales.",
        subcommands = {BriefingCommand.class, ImportCommand.class, ReportCommand.class, SlaCommand.class,
                SubjectAccessCommand.class, RetentionCommand.class, MigrateCommand.class, AgeingCommand.class,
                RebuildClocksCommand.class, CheckCommand.class, ShowCommand.class, FindCommand.class,
                HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 error, 2 invalid command line."})
public final class ComplaintsCli implements Callable<Integer> {

    /** Exit code of an error while running. */
    static final int ERROR = 1;

    private final Clock clock;
    private final StoreFactory stores;
    private final CliEnvironment environment;
    /** Notes for stderr once the command has succeeded (none after an error, which stays one line). */
    private final List<String> notes = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    private boolean verbose;

    private ComplaintsCli(Clock clock, StoreFactory stores, CliEnvironment environment) {
        this.clock = requireNonNull(clock, "clock");
        this.stores = requireNonNull(stores, "stores");
        this.environment = requireNonNull(environment, "environment");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // Hibernate Validator logs through slf4j; only warnings unless --verbose
        System.setProperty("org.jboss.logging.provider", "slf4j");
        // Apache POI (--format xlsx) logs through Log4j's API, which has no provider here: without one it writes a
        // warning to the standard output, which would corrupt a workbook written there; its simple logger uses stderr
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory",
                    "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                    Arrays.asList(args).contains("--verbose") ? "info" : "warn");
        }
        System.exit(commandLine(Clock.systemUTC(), StoreFactory.standard(), CliEnvironment.system()).execute(args));
    }

    /** The command line with its converters and error handling, days counted by {@code clock}, in this process. */
    public static CommandLine commandLine(Clock clock, StoreFactory stores) {
        return commandLine(clock, stores, CliEnvironment.system());
    }

    /** As {@link #commandLine(Clock, StoreFactory)}, with the variables, folders and console of {@code environment}. */
    public static CommandLine commandLine(Clock clock, StoreFactory stores, CliEnvironment environment) {
        ComplaintsCli cli = new ComplaintsCli(clock, stores, environment);
        CommandLine cl = new CommandLine(cli);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(LocalDate.class, ComplaintsCli::day);
        cl.registerConverter(Instant.class, ComplaintsCli::instant);
        cl.setParameterExceptionHandler(ComplaintsCli::invalidInput);
        cl.setExecutionExceptionHandler(ComplaintsCli::failed);
        cl.setExecutionStrategy(parsed -> {
            int code = new CommandLine.RunLast().execute(parsed);
            PrintWriter err = parsed.commandSpec().commandLine().getErr();
            cli.notes.forEach(err::println);
            err.flush();
            return code;
        });
        return cl;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "give a command: briefing, import, report, sla, subject-access, retention or migrate");
    }

    /** The clock that says what "today" and "now" are. */
    Clock clock() {
        return clock;
    }

    /** The environment variables, folders and console this run reads. */
    CliEnvironment environment() {
        return environment;
    }

    /** Prints {@code note} on stderr once the command has succeeded. */
    void noteAtEnd(String note) {
        notes.add(note);
    }

    /** Today, in London. */
    LocalDate today() {
        return LondonDays.dayOf(clock.instant());
    }

    /**
     * Opens the store the options name for a command that only reads: the database must exist, and its schema is
     * validated, never changed (unless {@code --with-briefing-data} asks to load the data set, a write: then as
     * {@link #open}). An empty memory store gets a note at the end.
     */
    OpenStore openForReading(StoreOptions options, PrintWriter err) {
        if (options.withBriefingData()) {
            return open(options, err);
        }
        if (options.kind() == StoreOptions.Kind.MEMORY) {
            noteAtEnd("Note: --store memory starts empty on every run and keeps nothing from an earlier one; add "
                    + "--with-briefing-data for the briefing note's data set, or use a database (--db).");
        }
        return stores.open(resolve(options, false, err).validatingSchema());
    }

    /**
     * Opens the store for a command that changes only what is there (retention, rebuild-clocks): a database that does
     * not exist is an error, not created; an embedded H2 database's tables are still brought up to date.
     */
    OpenStore openExisting(StoreOptions options, PrintWriter err) {
        return options.withBriefingData() ? open(options, err)
                : stores.open(resolve(options, false, err).existingOnly());
    }

    /**
     * Opens the store the options name, with the briefing note's data set loaded first if they ask; an embedded H2
     * database's schema is migrated first, any other's validated ({@link StoreOptions#schema}).
     */
    OpenStore open(StoreOptions options, PrintWriter err) {
        return open(options, options.withBriefingData(), err);
    }

    /**
     * Opens the store for {@code briefing}: the demo database unless --db names one, the data set loaded unless there
     * (and never into a database holding other complaints without --into-existing).
     */
    OpenStore openForBriefing(StoreOptions options, PrintWriter err) {
        return open(options, true, err);
    }

    private OpenStore open(StoreOptions options, boolean briefingData, PrintWriter err) {
        StoreOptions resolved = resolve(options, briefingData, err);
        OpenStore open = stores.open(resolved);
        if (briefingData) {
            try {
                BriefingData.ensureLoaded(open.store(), err, options.intoExisting(),
                        resolved.kind() == StoreOptions.Kind.MEMORY ? "the memory store"
                                : "the database " + JdbcStores.masked(resolved.url()));
            } catch (RuntimeException e) {
                open.close();
                throw e;
            }
        }
        return open;
    }

    /**
     * The options with their connection resolved: --db, else (unless for the briefing's data set, which goes to the
     * demo database and says so) complaints.properties, else the default H2 file in the working folder.
     */
    private StoreOptions resolve(StoreOptions options, boolean briefingData, PrintWriter err) {
        if (options.kind() == StoreOptions.Kind.MEMORY) {
            return options;
        }
        boolean demo = briefingData && !options.dbGiven();
        if (demo) {
            err.println("Using the demo database " + demoFile() + " (an H2 file of its own; --db names another)");
        }
        String defaultUrl = "jdbc:h2:file:" + (demo ? demoFile() : environment.workingDir()
                .resolve(ConnectionOptions.DEFAULT_FILE));
        return options.resolved(options.connection().resolve(environment, CliConfig.load(environment), !demo,
                defaultUrl, err));
    }

    /** The connection {@code complaints migrate} uses: as for any command but briefing. */
    StoreOptions resolve(ConnectionOptions connection, PrintWriter err) {
        return StoreOptions.of(StoreOptions.Kind.JDBC, null, false).resolved(connection.resolve(environment,
                CliConfig.load(environment), true, "jdbc:h2:file:" + environment.workingDir()
                        .resolve(ConnectionOptions.DEFAULT_FILE), err));
    }

    /** The demo database's file, without H2's extension: {@code complaints-data/demo} in the working folder. */
    Path demoFile() {
        return environment.workingDir().resolve("complaints-data").resolve("demo");
    }

    private static LocalDate day(String text) {
        try {
            return LegacyDates.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** An instant in ISO form ({@code 2021-12-01T12:00:00Z}), or a London date and time ({@code 2021-12-01T12:00}). */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(LondonDays.ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not an instant (use "
                        + "2021-12-01T12:00:00Z, or 2021-12-01T12:00 for London time)");
            }
        }
    }

    private static int invalidInput(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        if (Arrays.asList(args).contains("--verbose")) {
            e.printStackTrace(cl.getErr());
        }
        String hint = e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                ? "did you mean " + u.getSuggestions().get(0) + "? " : "";
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + oneLine(e.getMessage())
                + " (" + hint + "see " + cl.getCommandSpec().qualifiedName() + " --help)");
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int failed(Exception e, CommandLine cl, ParseResult parsed) {
        if (verbose(parsed)) {
            e.printStackTrace(cl.getErr());
        }
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + oneLine(message(e)));
        return ERROR;
    }

    private static String message(Exception e) {
        if (e instanceof CliException || e instanceof ComplaintsException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        } else if (e instanceof UncheckedIOException io) {
            return io.getCause().getMessage() == null ? io.getCause().toString() : io.getCause().getMessage();
        } else if (e instanceof IOException) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
        return e + " (run with --verbose for the details)";
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
