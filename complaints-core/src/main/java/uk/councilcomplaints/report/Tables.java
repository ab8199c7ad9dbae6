package uk.councilcomplaints.report;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.store.GroupCounts;
import uk.councilcomplaints.store.GroupKey;

/**
 * Turns a store's raw counts into a report table, the same way for every store: rows labelled by the
 * grouping and merged by label, fixed rows first, the other groups in the grouping's order, cases no longer
 * open left out of a "still open" table (their groups stay, with 0s), totals by construction.
 */
final class Tables {

    private static final int BUCKETS = StatusBucket.values().length;

    private Tables() {
    }

    /** The table of {@code query} from the counts of its as-of day. */
    static ReportTable table(ReportQuery query, GroupCounts counts) {
        LocalDate day = query.asOf();
        Grouping grouping = query.grouping();
        List<GroupKey> keys = new ArrayList<>(counts.keys(day));
        keys.sort(grouping.order());
        Map<String, long[]> byLabel = new LinkedHashMap<>();
        query.rows().ifPresent(fixed -> fixed.forEach(label -> byLabel.put(label, new long[BUCKETS])));
        boolean fixedRows = query.rows().isPresent();
        for (GroupKey key : keys) {
            long[] row = new long[BUCKETS];
            for (StatusBucket b : StatusBucket.values()) {
                row[b.ordinal()] = query.stillOpen() && !b.open() ? 0 : counts.count(day, key, b);
            }
            String label = grouping.label(key);
            long[] into = byLabel.get(label);
            if (into == null) {
                if (!fixedRows || sum(row) > 0) {
                    byLabel.put(label, row);
                }
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

    private static long sum(long[] row) {
        long s = 0;
        for (long n : row) {
            s += n;
        }
        return s;
    }
}
