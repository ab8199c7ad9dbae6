package uk.councilcomplaints.store.memory;

import com.google.common.collect.Iterables;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.sla.ClockRows;
import uk.councilcomplaints.sla.DueClock;
import uk.councilcomplaints.store.ClockCursor;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;

/**
 * The clock rows of the work queues: running clocks sorted by due instant, paused ones by when they paused (each
 * in {@link ClockQuery#ORDER}, keyed by their cursor), and each complaint's rows, so a commit replaces them. A
 * query reads from its cursor on and stops at its due bound or a full page. Not thread-safe: the store writes
 * under its write lock and reads under its read lock.
 */
final class ClockIndex {

    private static final Comparator<ClockCursor> ORDER = Comparator.comparing(ClockCursor::at)
            .thenComparing(ClockCursor::id).thenComparing(ClockCursor::stage).thenComparing(ClockCursor::kind);

    private final NavigableMap<ClockCursor, DueClock> running = new TreeMap<>(ORDER);
    private final NavigableMap<ClockCursor, DueClock> paused = new TreeMap<>(ORDER);
    private final Map<ComplaintId, ClockRows> byComplaint = new HashMap<>();

    /** Replaces the complaint's rows with {@code rows}. */
    void replace(ComplaintId id, ClockRows rows) {
        ClockRows old = rows.clocks().isEmpty() ? byComplaint.remove(id) : byComplaint.put(id, rows);
        if (old != null) {
            old.clocks().forEach(c -> rowsOf(c).remove(ClockCursor.after(c)));
        }
        rows.clocks().forEach(c -> rowsOf(c).put(ClockCursor.after(c), c));
    }

    private NavigableMap<ClockCursor, DueClock> rowsOf(DueClock c) {
        return c.paused() ? paused : running;
    }

    /** The answer to {@code query}. */
    ClockPage answer(ClockQuery query) {
        NavigableMap<ClockCursor, DueClock> rows = query.pausedClocks() ? paused : running;
        if (query.after().isPresent()) {
            rows = rows.tailMap(query.after().get(), false);
        }
        return ClockPage.answer(query, Iterables.unmodifiableIterable(rows.values()),
                c -> byComplaint.get(c.id()).basis());
    }
}
