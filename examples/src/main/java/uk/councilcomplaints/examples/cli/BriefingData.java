package uk.councilcomplaints.examples.cli;

import java.io.PrintWriter;
import uk.councilcomplaints.examples.briefing.BriefingNoteDataSet;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;

/** Loads the briefing note's data set into a store once: a store that holds its first case already has it. */
final class BriefingData {

    private BriefingData() {
    }

    /**
     * Loads the data set unless {@code store} holds it already; says which on {@code err}. True if it loaded. A store
     * that holds other complaints is refused, unless {@code intoExisting}, naming it as {@code where}: the demo
     * never mixes into real data unasked.
     */
    static boolean ensureLoaded(ComplaintStore store, PrintWriter err, boolean intoExisting, String where) {
        if (present(store)) {
            err.println("The briefing note's data set is already in the store (" + BriefingNoteDataSet.EXAMPLE_CASE
                    + " found); not loading it again.");
            return false;
        }
        if (!intoExisting && !store.find(ComplaintQuery.builder().limit(1).build()).items().isEmpty()) {
            throw new CliException("not loading the briefing note's data set into " + where + ": it holds other "
                    + "complaints (leave out --db to use the demo database, or pass --into-existing to load it there "
                    + "all the same)");
        }
        err.println("Loading the briefing note's data set (282 backlog cases, 379 new contacts)...");
        err.flush();
        BriefingNoteDataSet.loadInto(store);
        return true;
    }

    /** Whether the store holds the data set, known by the reference of its first case. */
    static boolean present(ComplaintStore store) {
        return !store.find(ComplaintQuery.builder().reference(BriefingNoteDataSet.EXAMPLE_CASE).limit(1).build())
                .items().isEmpty();
    }
}
