package uk.councilcomplaints.report;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.StatusBucket;

/**
 * The default aggregation of a {@link ReportQuery}: one pass over the histories, folding each one's visible
 * events with a reused {@link ReportFold}, counting per group and bucket. Not thread-safe; one per pass.
 */
final class Aggregation {

    private static final int BUCKETS = StatusBucket.values().length;

    private final ReportQuery query;
    private final Instant end;
    private final Instant knownAt;
    /** Membership: the cohort's instant, or the first instant received. */
    private final Instant populationFrom;
    /** Membership: the end of the last day received. */
    private final Instant populationTo;
    private final Instant populationKnownAt;
    private final ReportFold facts = new ReportFold();
    /** The groups by key; a group is present once a member is seen. */
    private final Map<Object, Group> groups = new HashMap<>();

    private Aggregation(ReportQuery query) {
        this.query = query;
        this.end = LondonDays.endOf(query.asOf());
        this.knownAt = query.knownAt().orElse(Instant.MAX);
        Population p = query.population();
        this.populationKnownAt = p.knownAt().orElse(knownAt);
        this.populationFrom = p.from() == null ? null : LondonDays.startOf(p.from());
        this.populationTo = p.to() == null ? null : LondonDays.endOf(p.to());
    }

    static ReportTable table(ReportQuery query, Stream<ComplaintHistory> histories) {
        Aggregation a = new Aggregation(query);
        histories.sequential().forEach(h -> a.add(h.events()));
        return a.table();
    }

    private void add(List<ComplaintEvent> events) {
        int n = ReportFold.visible(events, end, knownAt);
        if (n == 0 || !member(events)) {
            return;
        }
        ReportFold f = facts.fold(events, n);
        if (!matches(f)) {
            return;
        }
        Object key = query.grouping().key(f);
        Group group = groups.get(key);
        if (group == null) {
            group = new Group(key);
            groups.put(key, group);
        } else {
            group.key = query.grouping().labelKey(group.key, key);
        }
        if (!query.stillOpen() || f.status.open()) {
            group.counts[f.status.bucket().ordinal()]++;
        }
    }

    private boolean member(List<ComplaintEvent> events) {
        ComplaintEvent received = events.get(0);
        switch (query.population().kind()) {
            case ALL:
                return !received.recordedAt().isAfter(populationKnownAt);
            case OPEN_AT_START_OF:
                int n = ReportFold.visible(events, populationFrom, populationKnownAt);
                return n > 0 && events.get(n - 1).status().open();
            case RECEIVED_BETWEEN:
                return !received.occurredAt().isBefore(populationFrom) && received.occurredAt().isBefore(populationTo)
                        && !received.recordedAt().isAfter(populationKnownAt);
            default:
                throw new IllegalStateException("unknown population " + query.population());
        }
    }

    private boolean matches(ReportFold f) {
        return (query.serviceAreas().isEmpty() || query.serviceAreas().contains(f.serviceArea))
                && (query.procedures().isEmpty() || query.procedures().contains(f.procedure))
                && (query.officer().isEmpty() || query.officer().get().equals(f.officer))
                && (query.team().isEmpty() || query.team().get().equals(f.team));
    }

    /** The rows: fixed ones first, then every other group (only those counting something after fixed rows). */
    private ReportTable table() {
        Grouping grouping = query.grouping();
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort(Comparator.comparing(g -> g.key, grouping.order()));
        Map<String, long[]> byLabel = new LinkedHashMap<>();
        query.rows().ifPresent(fixed -> fixed.forEach(label -> byLabel.put(label, new long[BUCKETS])));
        boolean fixedRows = query.rows().isPresent();
        for (Group group : sorted) {
            long[] row = group.counts;
            String label = grouping.label(group.key);
            long[] into = byLabel.get(label);
            if (into == null) {
                if (fixedRows && sum(row) == 0) {
                    continue;
                }
                byLabel.put(label, row.clone());
            } else {
                for (int b = 0; b < BUCKETS; b++) {
                    into[b] += row[b];
                }
            }
        }
        ImmutableList.Builder<ReportTable.Row> rows = ImmutableList.builderWithExpectedSize(byLabel.size());
        byLabel.forEach((label, row) -> rows.add(ReportTable.Row.of(label, row)));
        return ReportTable.of(grouping.heading(), rows.build());
    }

    /** One group's counts, indexed by bucket ordinal, and the key its row is labelled by. */
    private static final class Group {
        Object key;
        final long[] counts = new long[BUCKETS];

        Group(Object key) {
            this.key = key;
        }
    }

    private static long sum(long[] row) {
        long s = 0;
        for (long n : row) {
            s += n;
        }
        return s;
    }
}
