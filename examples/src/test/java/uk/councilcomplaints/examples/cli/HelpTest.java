package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code --help} on every command and subcommand, and {@code help} followed by its path, print its usage and
 * nothing else: no picocli warning (a {@code %} in a description), and the usage names the command asked for.
 */
class HelpTest {

    @Test
    void everyCommandsHelpNamesItAndWarnsNothing() {
        List<List<String>> paths = new ArrayList<>();
        walk(ComplaintsCli.commandLine(Clock.systemUTC(), StoreFactory.standard()), List.of(), paths);
        assertTrue(paths.size() > 15, "every command and subcommand: " + paths);

        PrintStream realErr = System.err;
        ByteArrayOutputStream picocliWarnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(picocliWarnings, true, StandardCharsets.UTF_8));
        try {
            for (List<String> path : paths) {
                String name = String.join(" ", path);
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                Cli.Result help = Cli.run(args.toArray(String[]::new));
                assertEquals(0, help.exitCode(), name + ": " + help.err());
                assertEquals("", help.err(), name);
                assertTrue(help.out().startsWith("Usage: complaints" + (path.isEmpty() ? "" : " " + name) + " "),
                        name + ": " + help.out());

                List<String> helpCommand = new ArrayList<>(List.of("help"));
                helpCommand.addAll(path);
                Cli.Result viaHelp = Cli.run(helpCommand.toArray(String[]::new));
                assertEquals(0, viaHelp.exitCode(), "help " + name + ": " + viaHelp.err());
                assertEquals(help.out(), viaHelp.out(), "help " + name + " prints the help of " + name);
                System.err.flush();
                assertEquals("", picocliWarnings.toString(StandardCharsets.UTF_8), name);
            }
        } finally {
            System.setErr(realErr);
        }
    }

    @Test
    void helpOfAnUnknownCommandIsOneLine() {
        Cli.Result run = Cli.run("help", "report", "by-servce");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("'by-servce'") && run.err().contains("by-service"), run.err());
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            walk(sub, longer, paths);
        });
    }
}
