package uk.councilcomplaints.examples.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code complaints.properties}: connection settings kept out of the command line, read from the working folder,
 * else from {@code ~/.config/complaints/}. Keys: {@code db} (or {@code url}), {@code user}, {@code council-key} (or
 * its old name {@code council}), {@code password-file} (relative to the properties file's folder) and
 * {@code homes.YYYY}, the homes the council owned in the year ending 31 March YYYY (for
 * {@code report tenant-satisfaction}). A password itself is refused: it belongs in a file of its own, readable by
 * its owner alone. Command-line options win over every key.
 */
final class CliConfig {

    /** The file's name. */
    static final String FILE_NAME = "complaints.properties";

    private static final Set<String> KEYS = Set.of("db", "url", "user", "council-key", "council",
            "password-file");
    private static final java.util.regex.Pattern HOMES = java.util.regex.Pattern.compile("homes\\.\\d{4}");

    private final Optional<Path> file;
    private final Properties values;

    private CliConfig(Optional<Path> file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /** The settings of the first file found: the working folder's, else the home folder's; none if neither. */
    static CliConfig load(CliEnvironment env) {
        for (Path candidate : new Path[] {env.workingDir().resolve(FILE_NAME),
            env.home().resolve(".config").resolve("complaints").resolve(FILE_NAME)}) {
            if (Files.isRegularFile(candidate)) {
                return read(candidate);
            }
        }
        return new CliConfig(Optional.empty(), new Properties());
    }

    private static CliConfig read(Path file) {
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException(file + ": cannot read it: " + e.getMessage(), e);
        }
        Set<String> unknown = new TreeSet<>(values.stringPropertyNames());
        unknown.removeAll(KEYS);
        unknown.removeIf(key -> HOMES.matcher(key).matches());
        if (unknown.contains("password")) {
            throw new CliException(file + ": a password does not go in " + FILE_NAME + "; put it in a file readable "
                    + "by you alone and name that file with password-file, or use " + CliEnvironment.PASSWORD_VARIABLE);
        }
        if (!unknown.isEmpty()) {
            throw new CliException(file + ": unknown " + (unknown.size() == 1 ? "key " : "keys ")
                    + String.join(", ", unknown) + " (known: db, url, user, council-key, password-file, "
                    + "homes.YYYY)");
        }
        if (values.containsKey("db") && values.containsKey("url")
                && !values.getProperty("db").strip().equals(values.getProperty("url").strip())) {
            throw new CliException(file + ": db and url name different databases; keep one");
        }
        if (values.containsKey("council-key") && values.containsKey("council")
                && !values.getProperty("council-key").strip().equals(values.getProperty("council").strip())) {
            throw new CliException(file + ": council-key and council (its old name) name different councils; keep "
                    + "council-key");
        }
        return new CliConfig(Optional.of(file), values);
    }

    /** Where the settings came from; empty when no file was found. */
    Optional<Path> file() {
        return file;
    }

    /** The database's JDBC URL ({@code db}, or {@code url}). */
    Optional<String> url() {
        return value("db").or(() -> value("url"));
    }

    Optional<String> user() {
        return value("user");
    }

    /** The store's key for the council ({@code council-key}, or its old name {@code council}). */
    Optional<String> councilKey() {
        return value("council-key").or(() -> value("council"));
    }

    /** The password file, relative to the properties file's folder. */
    Optional<Path> passwordFile() {
        return value("password-file").map(p -> file.orElseThrow().toAbsolutePath().getParent().resolve(p).normalize());
    }

    /**
     * The homes the council owned in the year ending 31 March {@code year} ({@code homes.YYYY}), if the file says.
     *
     * @throws CliException if the value is not a whole number of at least 1
     */
    Optional<Long> homes(int year) {
        String key = "homes." + year;
        return value(key).map(v -> {
            try {
                long homes = Long.parseLong(v.replace(",", "").replace("_", ""));
                if (homes >= 1) {
                    return homes;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new CliException(file.orElseThrow() + ": " + key + " is '" + v
                    + "', not a number of homes (1 or more)");
        });
    }

    private Optional<String> value(String key) {
        return Optional.ofNullable(values.getProperty(key)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
