package uk.councilcomplaints.examples.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that choose the store a command runs against: a database (the default, an H2 file under
 * {@code ./complaints-data/}, or PostgreSQL) or {@code --store memory}, and whether to load the briefing
 * note's data set first. Every subcommand mixes these in.
 */
public final class StoreOptions {

    /** The database used when {@code --db} is not given: an H2 file in {@code ./complaints-data/}. */
    public static final String DEFAULT_DB = "jdbc:h2:file:./complaints-data/complaints";

    /** Where complaints are kept. */
    public enum Kind {
        /** In memory: empty at the start of every run, gone at its end. */
        MEMORY,
        /** The database at {@code --db}. */
        JDBC
    }

    @Option(names = "--store", paramLabel = "memory|jdbc", defaultValue = "jdbc",
            description = "jdbc (default): the database at --db; memory: an in-memory store, empty at the start of "
                    + "the run (see --with-briefing-data) and gone at its end.")
    private Kind kind = Kind.JDBC;

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = DEFAULT_DB,
            description = "The database: an H2 URL (default ${DEFAULT-VALUE}) or a PostgreSQL one "
                    + "(jdbc:postgresql://host/db).")
    private String url = DEFAULT_DB;

    @Option(names = "--user", paramLabel = "USER", description = "The database user.")
    private String user;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "The database user's password.")
    private String password;

    /**
     * What opening the database may do to its tables: set by the command (read commands validate), not on the
     * command line.
     */
    public enum Schema {
        /** Fail, naming {@code complaints migrate}, unless every schema script was applied. */
        VALIDATE,
        /**
         * Apply the missing scripts first on an embedded H2 database (a file or memory, such as the default); any
         * other database (PostgreSQL, an H2 server) is validated: it is migrated by {@code complaints migrate}.
         */
        MIGRATE_EMBEDDED
    }

    private Schema schema = Schema.MIGRATE_EMBEDDED;

    @Option(names = "--with-briefing-data",
            description = "Load the briefing note's data set (the 282-case backlog and 379 new contacts) first, "
                    + "unless the store already holds it.")
    private boolean withBriefingData;

    /** Options for the given store; for tests and callers that do not parse a command line. */
    public static StoreOptions of(Kind kind, String url, boolean withBriefingData) {
        StoreOptions options = new StoreOptions();
        options.kind = kind;
        options.url = url;
        options.withBriefingData = withBriefingData;
        return options;
    }

    /** Options for the database at {@code url} as {@code user} with {@code password} (either may be null). */
    static StoreOptions database(String url, String user, String password) {
        StoreOptions options = of(Kind.JDBC, url, false);
        options.user = user;
        options.password = password;
        return options;
    }

    /** These options, the schema validated only: for commands that only read. */
    StoreOptions validatingSchema() {
        StoreOptions copy = database(url, user, password);
        copy.kind = kind;
        copy.withBriefingData = withBriefingData;
        copy.schema = Schema.VALIDATE;
        return copy;
    }

    /** What opening the database may do to its tables: {@link Schema#MIGRATE_EMBEDDED} unless a command says. */
    public Schema schema() {
        return schema;
    }

    public Kind kind() {
        return kind;
    }

    /** The JDBC URL (ignored for {@link Kind#MEMORY}). */
    public String url() {
        return url;
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** Whether the briefing note's data set is loaded before the command runs. */
    public boolean withBriefingData() {
        return withBriefingData;
    }
}
