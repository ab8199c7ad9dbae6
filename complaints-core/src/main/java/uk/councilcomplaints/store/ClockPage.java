package uk.councilcomplaints.store;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import uk.councilcomplaints.sla.DueClock;

/**
 * A store's answer to a {@link ClockQuery}: a page of clocks in the query's order and the cursor of the next page,
 * or, for a query that counts, the number of clocks per group (groups with none left out), sorted by key.
 */
public record ClockPage(List<DueClock> items, Optional<ClockCursor> next, Map<String, Long> counts) {

    public ClockPage {
        items = ImmutableList.copyOf(items);
        counts = ImmutableSortedMap.copyOf(counts);
        checkArgument(items.isEmpty() || counts.isEmpty(), "a page holds clocks or counts, not both");
    }

    /**
     * The page of a query with page size {@code limit}, from up to {@code limit + 1} clocks in the query's order
     * (a store reads one more than the page to know whether another follows).
     */
    public static ClockPage of(List<DueClock> rows, int limit) {
        checkArgument(rows.size() <= limit + 1, "%s rows for a page of %s", rows.size(), limit);
        if (rows.size() <= limit) {
            return new ClockPage(rows, Optional.empty(), Map.of());
        }
        List<DueClock> page = rows.subList(0, limit);
        return new ClockPage(page, Optional.of(ClockCursor.after(page.get(limit - 1))), Map.of());
    }

    /**
     * The answer to {@code query} from clock rows given in {@link ClockQuery#ORDER} (all of one kind, running or
     * paused, or those from the query's cursor on), {@code basisOf} telling the basis each was kept with: what a
     * store that holds its rows in order returns. Reads running rows only up to the query's due bound.
     */
    public static ClockPage answer(ClockQuery query, Iterable<DueClock> ordered, ToLongFunction<DueClock> basisOf) {
        List<DueClock> page = new ArrayList<>();
        Map<String, long[]> counts = new HashMap<>();
        Optional<ClockGroup> countBy = query.countBy();
        for (DueClock c : ordered) {
            if (query.dueBefore().isPresent() && c.due().isPresent()
                    && !c.due().get().isBefore(query.dueBefore().get())) {
                break;
            }
            if (!query.isAfterCursor(c) || !query.matches(c, basisOf.applyAsLong(c))) {
                continue;
            }
            if (countBy.isPresent()) {
                counts.computeIfAbsent(countBy.get().keyOf(c), k -> new long[1])[0]++;
            } else {
                page.add(c);
                if (page.size() > query.limit()) {
                    break;
                }
            }
        }
        if (countBy.isEmpty()) {
            return of(page, query.limit());
        }
        Map<String, Long> totals = new TreeMap<>();
        counts.forEach((k, n) -> totals.put(k, n[0]));
        return counts(totals);
    }

    /** The answer to a counting query. */
    public static ClockPage counts(Map<String, Long> counts) {
        counts.values().forEach(n -> checkArgument(n > 0, "groups with no clock are left out"));
        return new ClockPage(List.of(), Optional.empty(), counts);
    }

    /** The number of clocks counted in all groups. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
