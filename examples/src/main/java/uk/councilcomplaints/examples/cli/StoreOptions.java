package uk.councilcomplaints.examples.cli;

import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that choose the store a command runs against: a database (the default, an H2 file under
 * {@code ./complaints-data/}, or PostgreSQL; see {@link ConnectionOptions}) or {@code --store memory}, and whether to
 * load the briefing note's data set first. Every subcommand but {@code migrate} mixes these in. A command opens the
 * store through {@link ComplaintsCli}, which resolves the connection ({@link #resolved}) first.
 */
public final class StoreOptions {

    /** Where complaints are kept. */
    public enum Kind {
        /** In memory: empty at the start of every run, gone at its end. */
        MEMORY,
        /** The database at {@code --db}. */
        JDBC
    }

    /**
     * A database to connect to, resolved from the options, {@code complaints.properties} and the environment.
     *
     * @param url its JDBC URL
     * @param user the user, if any
     * @param password the password, if any
     * @param council the council whose complaints to use, if not the store's default
     */
    public record Database(String url, Optional<String> user, Optional<String> password, Optional<String> council) {
    }

    @Option(names = "--store", paramLabel = "memory|jdbc", defaultValue = "jdbc",
            description = "jdbc (default): the database at --db; memory: an in-memory store, empty at the start of "
                    + "the run (see --with-briefing-data) and gone at its end.")
    private Kind kind = Kind.JDBC;

    @Mixin
    private ConnectionOptions connection = new ConnectionOptions();

    /** The connection once resolved; null until then (and for the options parsed from a command line). */
    private Database database;

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

    /** Whether the database must exist already: never created by a command that only reads or changes what is there. */
    private boolean existing;

    @Option(names = "--with-briefing-data",
            description = "Load the briefing note's data set (the 282-case backlog and 379 new contacts) first, "
                    + "unless the store already holds it; without --db, into the demo database (the H2 file "
                    + "complaints-data/demo in the working folder).")
    private boolean withBriefingData;

    @Option(names = "--into-existing",
            description = "With briefing or --with-briefing-data on a database that already holds other complaints: "
                    + "load the briefing note's data set into it all the same (refused otherwise).")
    private boolean intoExisting;

    /** Options for the given store; for tests and callers that do not parse a command line. */
    public static StoreOptions of(Kind kind, String url, boolean withBriefingData) {
        StoreOptions options = new StoreOptions();
        options.kind = kind;
        options.database = new Database(url, Optional.empty(), Optional.empty(), Optional.empty());
        options.withBriefingData = withBriefingData;
        return options;
    }

    /** Options for the database at {@code url} as {@code user} with {@code password} (either may be null). */
    static StoreOptions database(String url, String user, String password) {
        StoreOptions options = of(Kind.JDBC, url, false);
        options.database = new Database(url, Optional.ofNullable(user), Optional.ofNullable(password),
                Optional.empty());
        return options;
    }

    private StoreOptions copy() {
        StoreOptions copy = new StoreOptions();
        copy.kind = kind;
        copy.connection = connection;
        copy.database = database;
        copy.schema = schema;
        copy.existing = existing;
        copy.withBriefingData = withBriefingData;
        copy.intoExisting = intoExisting;
        return copy;
    }

    /** These options, the schema validated only and the database required to exist: for commands that only read. */
    StoreOptions validatingSchema() {
        StoreOptions copy = existingOnly();
        copy.schema = Schema.VALIDATE;
        return copy;
    }

    /** These options, the database required to exist (its tables still migrated if embedded H2). */
    StoreOptions existingOnly() {
        StoreOptions copy = copy();
        copy.existing = true;
        return copy;
    }

    /** These options connecting to {@code resolved}. */
    StoreOptions resolved(Database resolved) {
        StoreOptions copy = copy();
        copy.database = resolved;
        return copy;
    }

    /** The connection options as given on the command line. */
    ConnectionOptions connection() {
        return connection;
    }

    /** Whether --db was given on the command line. */
    boolean dbGiven() {
        return connection.url != null;
    }

    /** What opening the database may do to its tables: {@link Schema#MIGRATE_EMBEDDED} unless a command says. */
    public Schema schema() {
        return schema;
    }

    /** Whether the database must exist already (an absent H2 file is an error, not created). */
    public boolean existing() {
        return existing;
    }

    public Kind kind() {
        return kind;
    }

    /** The JDBC URL (ignored for {@link Kind#MEMORY}); null until resolved. */
    public String url() {
        return database == null ? null : database.url();
    }

    public Optional<String> user() {
        return database == null ? Optional.empty() : database.user();
    }

    public Optional<String> password() {
        return database == null ? Optional.empty() : database.password();
    }

    /** The council whose complaints to use; empty for the store's default. */
    public Optional<String> council() {
        return database == null ? Optional.empty() : database.council();
    }

    /** Whether the briefing note's data set is loaded before the command runs. */
    public boolean withBriefingData() {
        return withBriefingData;
    }

    /** Whether the data set may go into a database holding other complaints. */
    public boolean intoExisting() {
        return intoExisting;
    }
}
