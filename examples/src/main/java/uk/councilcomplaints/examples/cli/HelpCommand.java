package uk.councilcomplaints.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code complaints help [COMMAND...]}: the help of a command at any depth ({@code help report by-service}), where
 * picocli's own help command shows only the first level's.
 */
@Command(name = "help", helpCommand = true,
        description = "Prints the help of a command, or of a subcommand: complaints help report by-service.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean helpRequested;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "The command, then its subcommands, whose help to print: report by-service.")
    private List<String> commands = new ArrayList<>();

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter outWriter,
            PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        for (String name : commands) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new ParameterException(self, "Unknown command '" + name + "' in '"
                        + target.getCommandSpec().qualifiedName() + "': it has "
                        + (target.getSubcommands().isEmpty() ? "no subcommands"
                                : "the subcommands " + String.join(", ", target.getSubcommands().keySet())));
            }
            target = sub;
        }
        target.usage(out, colors);
        out.flush();
    }
}
