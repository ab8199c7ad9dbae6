package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.SettableClock;

/**
 * The command-line page's examples, run: every {@code console} block of {@code docs/command-line.md}, one command
 * after another in a fresh folder holding the sample spreadsheet (so the default database starts empty), on
 * 1 April 2022 at 10:00. What each command prints (its output, then its errors) must be what the page shows; a
 * line {@code ...} stands for any lines, and a line ending in {@code " ..."} for any line that starts with the rest.
 */
class CommandLineDocTest {

    private static final Path PAGE = Path.of("").toAbsolutePath().getParent().resolve("docs/command-line.md");
    private static final Path SAMPLE = Path.of("sample", "legacy-tracker.csv");
    private static final Pattern BLOCK = Pattern.compile("```console\\n(.*?)```", Pattern.DOTALL);

    /** One command of a block and what it prints. */
    record Example(String command, List<String> expected) {
    }

    @Test
    void everyExampleOfTheCommandLinePagePrintsWhatThePageShows(@TempDir Path folder) throws IOException {
        Files.copy(SAMPLE, folder.resolve("legacy-tracker.csv"), StandardCopyOption.REPLACE_EXISTING);
        List<Example> examples = examples(Files.readString(PAGE));
        assertTrue(examples.size() >= 8, "examples on the page: " + examples.size());
        SettableClock clock = new SettableClock(Cli.APRIL_2022);
        List<String> wrong = new ArrayList<>();
        for (Example example : examples) {
            List<String> args = new ArrayList<>();
            for (String arg : split(example.command())) {
                args.add(Files.exists(folder.resolve(arg)) && !arg.isEmpty() ? folder.resolve(arg).toString() : arg);
            }
            Cli.Result result = Cli.run(Cli.environment(folder), clock, StoreFactory.standard(),
                    args.toArray(String[]::new));
            String printed = (result.out() + result.err()).replace(folder + "/", "").replace(folder.toString(), ".");
            List<String> actual = printed.lines().map(String::stripTrailing).toList();
            if (!matches(example.expected(), actual)) {
                wrong.add("$ complaints " + example.command() + "\n" + String.join("\n", actual));
            }
        }
        assertEquals(List.of(), wrong, "examples whose output differs from the page (actual output shown)");
    }

    static List<Example> examples(String page) {
        List<Example> examples = new ArrayList<>();
        Matcher block = BLOCK.matcher(page);
        while (block.find()) {
            String command = null;
            List<String> expected = new ArrayList<>();
            List<String> lines = block.group(1).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("$ complaints")) {
                    if (command != null) {
                        examples.add(new Example(command, expected));
                    }
                    StringBuilder c = new StringBuilder(line.substring("$ complaints".length()).trim());
                    while (c.toString().endsWith("\\") && i + 1 < lines.size()) {
                        c.setLength(c.length() - 1);
                        c.append(' ').append(lines.get(++i).trim());
                    }
                    command = c.toString().trim();
                    expected = new ArrayList<>();
                } else if (command != null) {
                    expected.add(line.stripTrailing());
                }
            }
            if (command != null) {
                examples.add(new Example(command, expected));
            }
        }
        return examples;
    }

    /** Whether {@code actual} is {@code expected}, with the page's two kinds of {@code ...}. */
    static boolean matches(List<String> expected, List<String> actual) {
        if (expected.isEmpty()) {
            return actual.isEmpty();
        }
        if (expected.get(0).equals("...")) {
            for (int skip = 0; skip <= actual.size(); skip++) {
                if (matches(expected.subList(1, expected.size()), actual.subList(skip, actual.size()))) {
                    return true;
                }
            }
            return false;
        }
        String line = expected.get(0);
        boolean same = !actual.isEmpty() && (line.endsWith(" ...")
                ? actual.get(0).startsWith(line.substring(0, line.length() - 3)) : line.equals(actual.get(0)));
        return same && matches(expected.subList(1, expected.size()), actual.subList(1, actual.size()));
    }

    /** Splits a command line as a shell would for these examples: spaces, and double quotes around a value. */
    static List<String> split(String command) {
        List<String> args = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(command);
        while (m.find()) {
            args.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return args;
    }
}
