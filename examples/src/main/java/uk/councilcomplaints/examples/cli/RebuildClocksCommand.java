package uk.councilcomplaints.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import uk.councilcomplaints.queue.WorkQueues;
import uk.councilcomplaints.workflow.Complaints;

/** {@code complaints rebuild-clocks}: works out again every open case's clocks under today's calendar. */
@Command(name = "rebuild-clocks", mixinStandardHelpOptions = true,
        description = {"Works out again the due dates of every open case's clocks (the work queues' rows) under "
                + "this command's working-day calendar and timescales, and stores them.",
            "Run it after the bank holidays change (a new one-off holiday, a new gov.uk list) or after the tables "
                + "were upgraded from a version without work queues; 'sla' and 'ageing' warn when rows were worked "
                + "out under another calendar. Changes no case and no history."})
final class RebuildClocksCommand implements Callable<Integer> {

    @ParentCommand
    private ComplaintsCli root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions storeOptions;

    @Override
    public Integer call() {
        try (OpenStore open = root.openExisting(storeOptions, spec.commandLine().getErr())) {
            WorkQueues queues = Complaints.builder(open.store()).clock(root.clock()).build().queues();
            long stale = queues.staleClocks();
            int rebuilt = queues.rebuildClocks();
            PrintWriter out = spec.commandLine().getOut();
            out.println("Rebuilt the clocks of " + rebuilt + (rebuilt == 1 ? " open case" : " open cases") + " ("
                    + stale + (stale == 1 ? " clock was" : " clocks were") + " from another calendar or timescales)");
            out.flush();
        }
        return 0;
    }
}
