package uk.councilcomplaints.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Stack;
import java.util.regex.Pattern;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that say which database to connect to and as whom: {@code --db}, {@code --user},
 * {@code --council-key} (its old spelling {@code --council} still works, with a warning),
 * and the password from a prompt ({@code --password}), a file ({@code --password-file}), the
 * {@value CliEnvironment#PASSWORD_VARIABLE} environment variable or {@code complaints.properties}' password-file, in
 * that order. A password is never an argument: one on the command line shows in the process list and the shell's
 * history.
 */
public final class ConnectionOptions {

    /** The database when neither --db nor complaints.properties names one: an H2 file in the working folder. */
    static final String DEFAULT_FILE = "complaints-data/complaints";

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "The database: an H2 URL or a PostgreSQL one (jdbc:postgresql://host/db), or the path of an "
                    + "H2 file such as complaints-data/demo. Default: db in complaints.properties, else the H2 file "
                    + "complaints-data/complaints in the working folder.")
    String url;

    @Option(names = "--user", paramLabel = "USER",
            description = "The database user (PostgreSQL needs one). Default: user in complaints.properties.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the database password from the first line of FILE (keep it readable by you alone). "
                    + "Without it or --password: the COMPLAINTS_DB_PASSWORD environment variable, else password-file "
                    + "in complaints.properties.")
    Path passwordFile;

    @Option(names = "--password", arity = "0", interactive = true, prompt = "Database password: ",
            preprocessor = PasswordPrompt.class,
            description = "Prompt for the database password (needs a console; nothing is echoed). It takes no value: "
                    + "see --password-file and COMPLAINTS_DB_PASSWORD.")
    char[] prompted;

    @Option(names = "--council-key", paramLabel = "KEY",
            description = "The key the store files this council's complaints under, in a database several councils "
                    + "share (a stored identifier such as anyshire, never printed; the name on papers is "
                    + "--council-name). Default: council-key in complaints.properties, else the store's default.")
    String councilKey;

    /** The old spelling of {@code --council-key}: still works, with a warning; not in the help. */
    @Option(names = "--council", paramLabel = "KEY", hidden = true)
    String deprecatedCouncil;

    /** A user in a PostgreSQL URL: {@code user=} among its parameters, or {@code //user@host}. */
    private static final Pattern USER_IN_URL = Pattern.compile("(?i)[?&]user=[^&]+|//[^/@]+@");

    /**
     * Where to connect, as whom: the options, then {@code config}, then the default; {@code configDb} false keeps the
     * properties' database out (the briefing's demo stays in its own). Reads the password file or the environment.
     */
    StoreOptions.Database resolve(CliEnvironment env, CliConfig config, boolean configDb, String defaultUrl,
            PrintWriter err) {
        String db = url != null ? h2FileOrUrl(env, url) : configDb ? config.url().orElse(defaultUrl) : defaultUrl;
        Optional<String> who = Optional.ofNullable(user).or(config::user);
        if (db.toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:postgresql:") && who.isEmpty()
                && !USER_IN_URL.matcher(db).find()) {
            throw new CliException("no database user for " + JdbcStores.masked(db) + ": pass --user USER (or set "
                    + "user in complaints.properties)");
        }
        return new StoreOptions.Database(db, who, password(env, config, err),
                councilKey(err).or(config::councilKey));
    }

    /** {@code --council-key}, or its deprecated spelling {@code --council} with a warning on {@code err}. */
    private Optional<String> councilKey(PrintWriter err) {
        if (deprecatedCouncil == null) {
            return Optional.ofNullable(councilKey);
        }
        if (councilKey != null && !councilKey.equals(deprecatedCouncil)) {
            throw new CliException("--council-key " + councilKey + " and --council " + deprecatedCouncil
                    + " name different councils; give --council-key alone");
        }
        err.println("Warning: --council is deprecated; use --council-key (the store's key for the council; the name "
                + "printed on papers is --council-name)");
        return Optional.of(deprecatedCouncil);
    }

    /**
     * A JDBC URL as given, or the path of an H2 file (what the briefing prints, with or without H2's {@code .mv.db})
     * as its URL, from the working folder.
     */
    static String h2FileOrUrl(CliEnvironment env, String db) {
        if (db.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return db;
        }
        String path = db.endsWith(".mv.db") ? db.substring(0, db.length() - ".mv.db".length()) : db;
        return "jdbc:h2:file:" + env.resolve(Path.of(path)).toAbsolutePath();
    }

    private Optional<String> password(CliEnvironment env, CliConfig config, PrintWriter err) {
        if (prompted != null) {
            return Optional.of(new String(prompted));
        } else if (passwordFile != null) {
            return Optional.of(readPasswordFile(env.resolve(passwordFile), "--password-file", err));
        }
        Optional<String> variable = env.variable(CliEnvironment.PASSWORD_VARIABLE);
        if (variable.isPresent()) {
            return variable;
        }
        return config.passwordFile().map(f -> readPasswordFile(f, "password-file in " + config.file().orElseThrow(),
                err));
    }

    /** The first line of {@code file}; a warning on {@code err} if others may read it. */
    static String readPasswordFile(Path file, String from, PrintWriter err) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliException(from + ": no such file " + file, e);
        } catch (IOException e) {
            throw new CliException(from + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new CliException(from + ": " + file + " is empty; its first line is the password");
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                err.println("Warning: other users can read the password file " + file + " (chmod 600 it)");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
        return lines.get(0);
    }

    /**
     * Before picocli prompts for {@code --password}: refuses a value given with it (without repeating it) and a run
     * with no console to prompt on, naming the other ways to give the password.
     */
    static final class PasswordPrompt implements IParameterPreprocessor {
        static final String OTHER_WAYS = "pass the password in the " + CliEnvironment.PASSWORD_VARIABLE
                + " environment variable or with --password-file FILE";

        @Override
        public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec option, Map<String, Object> info) {
            boolean attached = "=".equals(info.get("separator"));
            boolean separate = !args.isEmpty() && !args.peek().startsWith("-")
                    && command.positionalParameters().isEmpty() && command.subcommands().isEmpty();
            if (attached || separate) {
                if (!args.isEmpty()) {
                    args.pop();
                }
                throw new ParameterException(command.commandLine(), "--password takes no value: it prompts for the "
                        + "password, as one on the command line shows in the process list and the shell's history; "
                        + OTHER_WAYS);
            }
            Object root = command.root().userObject();
            if (root instanceof ComplaintsCli cli && cli.environment().console().isEmpty()) {
                throw new ParameterException(command.commandLine(), "--password prompts for the password, and no "
                        + "console is attached; " + OTHER_WAYS);
            }
            return false;
        }
    }
}
