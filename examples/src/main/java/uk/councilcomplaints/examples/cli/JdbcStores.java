package uk.councilcomplaints.examples.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.councilcomplaints.store.jdbc.ComplaintsSchema;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.store.jdbc.JdbcStoreException;
import uk.councilcomplaints.store.jdbc.SchemaMode;

/**
 * Opens the JDBC store for the resolved connection ({@link ConnectionOptions}): H2 (the default file under
 * {@code ./complaints-data/}) or PostgreSQL, through a small connection pool, its schema migrated or validated as
 * the options say ({@link StoreOptions#schema}); and migrates a database for {@code complaints migrate}. The only
 * class that knows the JDBC store module. Every URL or message it prints has its passwords masked ({@link #masked}).
 */
final class JdbcStores {

    /**
     * A password in a URL: a {@code password} parameter (any case) after {@code ?}, {@code &} or {@code ;} (as H2
     * writes its settings), up to the next {@code &} or {@code ;}; or the password of {@code //user:password@host}.
     */
    private static final Pattern PASSWORD = Pattern.compile(
            "(?i)([?&;]\\s*password\\s*=)[^&;]*|(//[^/@:\\s]*:)[^/@\\s]*(@)");

    private JdbcStores() {
    }

    static OpenStore open(StoreOptions options) {
        return open(options, HikariDataSource::new);
    }

    /** As {@link #open(StoreOptions)}, the pool made by {@code pools}: for tests. */
    static OpenStore open(StoreOptions options, Function<HikariConfig, HikariDataSource> pools) {
        if (options.existing()) {
            h2File(options.url()).filter(file -> !Files.exists(file)).ifPresent(file -> {
                throw new CliException("no complaints database at " + file + "; run 'complaints import' or pass --db");
            });
        }
        HikariDataSource pool = pool(options, pools);
        try {
            // The command line is one writer that may load a story recorded in the past (briefing), so it does
            // not wait for a settle window; applications with several nodes keep the library's default.
            JdbcComplaintStore.Builder builder = JdbcComplaintStore.builder(pool).schema(schemaMode(options))
                    .noSettleWindow();
            options.council().ifPresent(builder::council);
            return new OpenStore(builder.build(), pool::close);
        } catch (IllegalStateException e) {
            pool.close();
            if (noTables(e)) {
                throw new CliException("no complaints tables in the database " + masked(options.url())
                        + "; run 'complaints migrate' with the same connection settings, or pass --db", e);
            }
            throw failed("use", options, e, ". Run 'complaints migrate' with the same connection settings to"
                    + " create or update its tables.");
        } catch (JdbcStoreException | IllegalArgumentException e) {
            pool.close();
            throw failed("use", options, e, "");
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Applies the schema scripts the database lacks ({@code complaints migrate}).
     *
     * @return the scripts applied, in order; empty when the schema was up to date
     */
    static List<String> migrate(StoreOptions options) {
        try (HikariDataSource pool = pool(options, HikariDataSource::new)) {
            return ComplaintsSchema.migrate(pool);
        } catch (JdbcStoreException | IllegalStateException e) {
            throw failed("migrate", options, e, "");
        }
    }

    /** The file of an embedded H2 database at {@code url} ({@code .mv.db}); empty for memory, a server or others. */
    static Optional<Path> h2File(String url) {
        if (!embeddedH2(url)) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        rest = settings < 0 ? rest : rest.substring(0, settings);
        if (rest.regionMatches(true, 0, "file:", 0, 5)) {
            rest = rest.substring(5);
        } else if (rest.matches("(?i)[a-z]{2,}:.*")) {
            return Optional.empty(); // mem:, zip:, split:, nio: and the like: not one plain file
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return Optional.of(Path.of(rest + ".mv.db").toAbsolutePath().normalize());
    }

    /** Whether the schema check failed because the database has no complaints tables at all. */
    private static boolean noTables(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalStateException && String.valueOf(t.getMessage())
                    .startsWith("The complaints schema is not there")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "cannot {@code doing} the database" and why, with {@code advice} after it; every password masked. A message
     * that ends a sentence loses its full stop when advice follows.
     */
    private static CliException failed(String doing, StoreOptions options, RuntimeException e, String advice) {
        String why = masked(rootMessage(e));
        String then = why.contains("no password was provided") ? "; give it in " + CliEnvironment.PASSWORD_VARIABLE
                + ", with --password-file FILE or at the --password prompt" : advice;
        return new CliException("cannot " + doing + " the database " + masked(options.url()) + ": "
                + (then.isEmpty() ? why : why.replaceAll("[.\\s]+$", "") + then), e);
    }

    /** {@code text} (a URL, or a message that may quote one) with every password in it replaced by {@code ***}. */
    static String masked(String text) {
        Matcher m = PASSWORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) != null ? m.group(1) + "***"
                    : m.group(2) + "***" + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** MIGRATE for an embedded H2 database when the options allow it; VALIDATE otherwise. */
    static SchemaMode schemaMode(StoreOptions options) {
        return options.schema() == StoreOptions.Schema.MIGRATE_EMBEDDED && embeddedH2(options.url())
                ? SchemaMode.MIGRATE : SchemaMode.VALIDATE;
    }

    /** Whether {@code url} is an H2 database in this process (a file or memory), not an H2 server's. */
    static boolean embeddedH2(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
    }

    private static HikariDataSource pool(StoreOptions options, Function<HikariConfig, HikariDataSource> pools) {
        try {
            return pools.apply(poolConfig(options));
        } catch (RuntimeException e) {
            throw failed("open", options, e, "");
        }
    }

    /** The command line's pool on {@code options}' database. */
    static HikariConfig poolConfig(StoreOptions options) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(options.url());
        options.user().ifPresent(config::setUsername);
        options.password().ifPresent(config::setPassword);
        if (options.url().startsWith("jdbc:postgresql:")) {
            // the driver sends a JDBC batch of inserts as multi-row inserts: an import's batches go several
            // times faster; and it leaves the values of a failed statement (names, emails) out of its error
            // messages, which the command line prints. A setting in the URL wins over either.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("logServerErrorDetail", "false");
        }
        config.setMaximumPoolSize(4);
        config.setPoolName("complaints-cli");
        return config;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
