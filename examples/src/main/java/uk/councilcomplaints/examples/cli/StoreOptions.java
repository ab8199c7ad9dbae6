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
