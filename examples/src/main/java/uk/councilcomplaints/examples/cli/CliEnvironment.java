package uk.councilcomplaints.examples.cli;

import static java.util.Objects.requireNonNull;

import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the command line reads from outside its arguments: environment variables, the working folder (where
 * {@code complaints.properties} and the default databases are), the home folder ({@code ~/.config/complaints/}) and
 * the console a person may answer on. Given to {@link ComplaintsCli#commandLine}, so that tests never read or change
 * the real ones.
 *
 * @param variables an environment variable's value, or null when unset
 * @param workingDir the folder relative paths start from
 * @param home the user's home folder
 * @param console the console a person types on; empty when none is attached (a script, a pipe, a scheduler)
 */
public record CliEnvironment(Function<String, String> variables, Path workingDir, Path home,
        Optional<Terminal> console) {

    /** The environment variable holding the database password. */
    public static final String PASSWORD_VARIABLE = "COMPLAINTS_DB_PASSWORD";

    /** A console a person answers on. */
    @FunctionalInterface
    public interface Terminal {
        /** Prints {@code prompt} and reads a line; null at the end of input. */
        String readLine(String prompt);
    }

    public CliEnvironment {
        requireNonNull(variables, "variables");
        workingDir = requireNonNull(workingDir, "workingDir").toAbsolutePath().normalize();
        home = requireNonNull(home, "home").toAbsolutePath().normalize();
        requireNonNull(console, "console");
    }

    /** This process's environment, working folder, home and console. */
    public static CliEnvironment system() {
        Console console = System.console();
        return new CliEnvironment(System::getenv, Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home")),
                console == null ? Optional.empty() : Optional.of(prompt -> console.readLine("%s", prompt)));
    }

    /** The value of the environment variable {@code name}, if set and not empty. */
    Optional<String> variable(String name) {
        return Optional.ofNullable(variables.apply(name)).filter(v -> !v.isEmpty());
    }

    /** {@code path} from the working folder. */
    Path resolve(Path path) {
        return workingDir.resolve(path).normalize();
    }
}
