package uk.councilcomplaints.store.memory;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.Iterables;
import com.google.common.collect.Multiset;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.ClockRows;
import uk.councilcomplaints.sla.DueClock;
import uk.councilcomplaints.store.ClockCursor;
import uk.councilcomplaints.store.ClockPage;
import uk.councilcomplaints.store.ClockQuery;

/**
 * The clock rows of the work queues: running clocks sorted by due instant, also apart per kind and per officer,
 * paused ones by when they paused (each in {@link ClockQuery#ORDER}, keyed by their cursor), and each complaint's
 * rows, so a commit replaces them, and how many complaints' rows each basis computed. A query reads the narrowest of
 * those that holds every row it wants (one kind's, else one officer's, else all), from its cursor on, and stops at
 * its due bound or a full page; one for rows of another basis reads none when there are none. Not thread-safe:
 * the store writes under its write lock and reads under its read lock.
 */
final class ClockIndex {

    private static final Comparator<ClockCursor> ORDER = Comparator.comparing(ClockCursor::at)
            .thenComparing(ClockCursor::id).thenComparing(ClockCursor::stage).thenComparing(ClockCursor::kind);

    private final NavigableMap<ClockCursor, DueClock> running = new TreeMap<>(ORDER);
    private final NavigableMap<ClockCursor, DueClock> paused = new TreeMap<>(ORDER);
    private final Map<ClockKind, NavigableMap<ClockCursor, DueClock>> runningByKind = new EnumMap<>(ClockKind.class);
    private final Map<String, NavigableMap<ClockCursor, DueClock>> runningByOfficer = new HashMap<>();
    private final Map<ComplaintId, ClockRows> byComplaint = new HashMap<>();
    private final Multiset<Long> bases = HashMultiset.create();

    /** Replaces the complaint's rows with {@code rows}. */
    void replace(ComplaintId id, ClockRows rows) {
        ClockRows old = rows.clocks().isEmpty() ? byComplaint.remove(id) : byComplaint.put(id, rows);
        if (old != null) {
            old.clocks().forEach(this::remove);
            bases.remove(old.basis());
        }
        if (!rows.clocks().isEmpty()) {
            bases.add(rows.basis());
        }
        rows.clocks().forEach(this::add);
    }

    private void add(DueClock c) {
        ClockCursor key = ClockCursor.after(c);
        if (c.paused()) {
            paused.put(key, c);
            return;
        }
        running.put(key, c);
        runningByKind.computeIfAbsent(c.kind(), k -> new TreeMap<>(ORDER)).put(key, c);
        c.officer().ifPresent(o -> runningByOfficer.computeIfAbsent(o, k -> new TreeMap<>(ORDER)).put(key, c));
    }

    private void remove(DueClock c) {
        ClockCursor key = ClockCursor.after(c);
        if (c.paused()) {
            paused.remove(key);
            return;
        }
        running.remove(key);
        runningByKind.get(c.kind()).remove(key);
        c.officer().ifPresent(o -> {
            NavigableMap<ClockCursor, DueClock> mine = runningByOfficer.get(o);
            mine.remove(key);
            if (mine.isEmpty()) {
                runningByOfficer.remove(o);
            }
        });
    }

    /** The rows that hold every row {@code query} wants, the fewest this index keeps. */
    private NavigableMap<ClockCursor, DueClock> candidates(ClockQuery query) {
        if (query.pausedClocks()) {
            return paused;
        }
        if (query.kinds().size() == 1) {
            return runningByKind.getOrDefault(query.kinds().iterator().next(), EMPTY);
        }
        if (query.officer().isPresent()) {
            return runningByOfficer.getOrDefault(query.officer().get(), EMPTY);
        }
        return running;
    }

    private static final NavigableMap<ClockCursor, DueClock> EMPTY = Collections.emptyNavigableMap();

    /** The answer to {@code query}. */
    ClockPage answer(ClockQuery query) {
        if (query.basisOtherThan().map(b -> bases.elementSet().equals(Set.of(b)) || bases.isEmpty()).orElse(false)) {
            return ClockPage.answer(query, List.of(), c -> 0);
        }
        NavigableMap<ClockCursor, DueClock> rows = candidates(query);
        if (query.after().isPresent()) {
            rows = rows.tailMap(query.after().get(), false);
        }
        return ClockPage.answer(query, Iterables.unmodifiableIterable(rows.values()),
                c -> byComplaint.get(c.id()).basis());
    }
}
