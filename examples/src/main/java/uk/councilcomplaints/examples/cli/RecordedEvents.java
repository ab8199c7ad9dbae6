package uk.councilcomplaints.examples.cli;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.HistoryFilter;

/** When a store's events were recorded: for the note that {@code --known-at} is before any of them. */
final class RecordedEvents {

    private RecordedEvents() {
    }

    /**
     * The note for {@code --known-at} before the store's first recorded event, saying when the first and last were
     * recorded; empty if {@code knownAt} is not before it, or the store holds no events. Reads every history.
     */
    static Optional<String> knownAtNote(ComplaintStore store, Instant knownAt) {
        Instant first = null;
        Instant last = null;
        try (Stream<ComplaintHistory> histories = store.histories(HistoryFilter.all())) {
            for (ComplaintHistory history : (Iterable<ComplaintHistory>) histories::iterator) {
                for (ComplaintEvent event : history.events()) {
                    Instant recorded = event.recordedAt();
                    first = first == null || recorded.isBefore(first) ? recorded : first;
                    last = last == null || recorded.isAfter(last) ? recorded : last;
                }
            }
        }
        if (first == null || !knownAt.isBefore(first)) {
            return Optional.empty();
        }
        return Optional.of("Note: --known-at " + knownAt + " is before the first event was recorded (" + first
                + "; the last was recorded " + last + "), so nothing is counted. Events are dated by when they were "
                + "recorded: rows imported from a spreadsheet were recorded when they were imported, not on their "
                + "spreadsheet dates.");
    }
}
