package uk.councilcomplaints.examples.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.ReportTable;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;

/**
 * What must hold after a load run, read back from the stores and compared with the {@link Ledger}: every
 * accepted command's event in its complaint's history exactly once, where the store said it put it; no event
 * from a refused command; every version equal to its history's length and every stored state the fold of its
 * history, the same on every node; no reference given twice; every complaint counted once in the report
 * tables; and the tables the stores make from their projections equal to the fold over the histories.
 */
final class Checks {

    /** One check's verdict. */
    record Check(String name, boolean passed, String detail) {
        String line() {
            return (passed ? "PASS " : "FAIL ") + name + ": " + detail;
        }
    }

    private Checks() {
    }

    /**
     * Checks the stores (one per node, sharing one database) against the ledger.
     *
     * @param stored complaints stored before the writers began, not through them
     * @param asOf the day the report tables are made for: the run's day, or later
     */
    static List<Check> verify(List<? extends ComplaintStore> nodes, Ledger ledger, long stored, LocalDate asOf) {
        ComplaintStore first = nodes.get(0);
        Map<String, Integer> seen = new HashMap<>();
        Set<String> references = new HashSet<>();
        long complaints = 0;
        long misplaced = 0;
        long phantoms = 0;
        long badVersions = 0;
        long notTheFold = 0;
        long nodesDisagree = 0;
        long wrongReference = 0;
        try (Stream<ComplaintHistory> histories = first.histories(HistoryFilter.all())) {
            for (Iterator<ComplaintHistory> it = histories.iterator(); it.hasNext(); ) {
                ComplaintHistory history = it.next();
                Complaint fold = history.current();
                ComplaintId id = fold.id();
                complaints++;
                references.add(fold.reference());
                Optional<String> received = ledger.reference(id);
                if (received.isPresent() && !received.get().equals(fold.reference())) {
                    wrongReference++;
                }
                List<ComplaintEvent> events = history.events();
                Optional<Complaint> state = first.load(id);
                if (state.isEmpty() || state.get().version() != events.size()) {
                    badVersions++;
                }
                for (int i = 0; i < events.size(); i++) {
                    ComplaintEvent e = events.get(i);
                    if (e.version() != i + 1) {
                        badVersions++;
                    }
                    Optional<Ledger.Accepted> accepted = ledger.accepted(e.actor());
                    if (accepted.isPresent()) {
                        seen.merge(e.actor(), 1, Integer::sum);
                        Ledger.Accepted a = accepted.get();
                        if (!a.id().equals(id) || a.version() != e.version() || a.status() != e.status()) {
                            misplaced++;
                        }
                    } else if (received.isPresent() || ledger.issued(e.actor())) {
                        phantoms++; // a refused command's, or one on a writers' complaint the ledger never accepted
                    }
                }
                if (!state.equals(Optional.of(fold))) {
                    notTheFold++;
                }
                for (ComplaintStore other : nodes.subList(1, nodes.size())) {
                    if (!other.load(id).equals(state)) {
                        nodesDisagree++;
                    }
                }
            }
        }
        long missing = ledger.acceptedTags().stream().filter(t -> !seen.containsKey(t)).count();
        long twice = seen.values().stream().filter(n -> n > 1).count();
        long expected = stored + ledger.receivedCount();

        List<Check> checks = new ArrayList<>();
        checks.add(new Check("no lost update", missing == 0 && twice == 0 && misplaced == 0, String.format(Locale.ROOT,
                "%,d accepted commands: %d missing from their histories, %d there twice, %d at another place",
                ledger.acceptedTags().size(), missing, twice, misplaced)));
        checks.add(new Check("nothing from refused commands", phantoms == 0, String.format(Locale.ROOT,
                "%d events of commands refused (%,d conflicts, %,d late commits, %,d rejections) or never accepted",
                phantoms, ledger.conflicts(), ledger.lateCommits(), ledger.rejected())));
        checks.add(new Check("histories consistent", badVersions == 0 && notTheFold == 0 && nodesDisagree == 0,
                String.format(Locale.ROOT, "%,d complaints: %d versions not their history's length, %d stored states"
                        + " not the fold of their history, %d read differently on another node", complaints,
                        badVersions, notTheFold, nodesDisagree)));
        checks.add(new Check("no duplicate reference", references.size() == complaints && wrongReference == 0,
                String.format(Locale.ROOT, "%,d references for %,d complaints; %d differ from the one received",
                        references.size(), complaints, wrongReference)));
        checks.add(new Check("every complaint stored", complaints == expected, String.format(Locale.ROOT,
                "%,d stored, %,d expected (%,d before the run, %,d received by the writers)", complaints, expected,
                stored, ledger.receivedCount())));
        checks.addAll(reports(nodes, complaints, asOf));
        return checks;
    }

    /** Bucket totals conserved, and the tables from the projection equal to the fold, on every node. */
    private static List<Check> reports(List<? extends ComplaintStore> nodes, long complaints, LocalDate asOf) {
        List<String> wrongTotals = new ArrayList<>();
        List<String> notTheFold = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            ComplaintStore node = nodes.get(n);
            for (Grouping grouping : List.of(Grouping.TYPE, Grouping.SERVICE_AREA, Grouping.OFFICER)) {
                ReportQuery query = ReportQuery.builder(Population.all(), grouping, asOf).build();
                ReportTable table = Reports.over(node).table(query);
                String where = "node " + (n + 1) + " by " + grouping;
                if (table.total().total() != complaints) {
                    wrongTotals.add(where + " totals " + table.total().total());
                }
                ReportTable fold;
                try (Stream<ComplaintHistory> histories = node.histories(HistoryFilter.all())) {
                    fold = query.aggregate(histories);
                }
                if (!table.equals(fold)) {
                    notTheFold.add(where);
                }
            }
        }
        return List.of(
                new Check("bucket totals conserved", wrongTotals.isEmpty(), wrongTotals.isEmpty()
                        ? String.format(Locale.ROOT, "by type, service and officer on %d node(s): %,d complaints in the"
                                + " buckets' total", nodes.size(), complaints)
                        : String.join("; ", wrongTotals)),
                new Check("projection equals the fold", notTheFold.isEmpty(), notTheFold.isEmpty()
                        ? "the tables by type, service and officer from the store's projection equal the fold over"
                                + " the histories"
                        : "differ: " + String.join("; ", notTheFold)));
    }
}
