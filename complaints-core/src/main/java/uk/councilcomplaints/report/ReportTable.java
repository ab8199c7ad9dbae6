package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Maps;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.StatusBucket;

/**
 * A report table: one row per group with a count per {@link StatusBucket} and their total, then the Total
 * row. Built from the rows' bucket counts only, so every row's buckets sum to its total and every column
 * sums to the Total row, always. Immutable; equal tables have equal headings and rows.
 */
public final class ReportTable implements Report {

    /** The label of the last row. */
    public static final String TOTAL_LABEL = "Total";

    private final String heading;
    private final List<Row> rows;
    private final Row total;

    private ReportTable(String heading, List<Row> rows) {
        this.heading = heading;
        this.rows = rows;
        long[] sums = new long[StatusBucket.values().length];
        for (Row row : rows) {
            for (StatusBucket b : StatusBucket.values()) {
                sums[b.ordinal()] = Math.addExact(sums[b.ordinal()], row.count(b));
            }
        }
        this.total = Row.of(TOTAL_LABEL, sums);
    }

    /**
     * A table with these rows, in this order, under a label column headed {@code heading} (e.g. "Service").
     * Row labels must be distinct. Stores that compute a report natively build their answer with this.
     */
    public static ReportTable of(String heading, List<Row> rows) {
        requireNonNull(heading, "heading");
        checkArgument(!heading.isBlank(), "the heading must not be blank");
        List<Row> copy = ImmutableList.copyOf(rows);
        Set<String> labels = new HashSet<>();
        for (Row row : copy) {
            checkArgument(labels.add(row.label()), "two rows are labelled '%s'", row.label());
        }
        return new ReportTable(heading, copy);
    }

    /** The heading of the label column, e.g. "Service" or "Type". */
    public String heading() {
        return heading;
    }

    /** The group rows, in report order, without the Total row. */
    public List<Row> rows() {
        return rows;
    }

    /** The Total row: each bucket's column sum. */
    public Row total() {
        return total;
    }

    /** The row labelled {@code label}, if there is one. */
    public Optional<Row> row(String label) {
        return rows.stream().filter(r -> r.label().equals(label)).findFirst();
    }

    /** The same table without the rows whose total is 0 (the Total row is unchanged). */
    public ReportTable withoutEmptyRows() {
        return new ReportTable(heading,
                rows.stream().filter(r -> r.total() != 0).collect(ImmutableList.toImmutableList()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportTable t && heading.equals(t.heading) && rows.equals(t.rows);
    }

    @Override
    public int hashCode() {
        return heading.hashCode() * 31 + rows.hashCode();
    }

    @Override
    public String toString() {
        return ReportFormat.TEXT.render(this);
    }

    /**
     * One row: a label and a count per bucket; its total is their sum.
     *
     * @param label the group, e.g. "Adults"
     * @param counts a count, at least 0, for every bucket
     */
    public record Row(String label, Map<StatusBucket, Long> counts) {

        public Row {
            requireNonNull(label, "label");
            requireNonNull(counts, "counts");
            checkArgument(!label.isBlank(), "a row label must not be blank");
            EnumMap<StatusBucket, Long> all = new EnumMap<>(StatusBucket.class);
            for (StatusBucket b : StatusBucket.values()) {
                Long n = counts.get(b);
                checkArgument(n != null, "row '%s' has no count for %s", label, b);
                checkArgument(n >= 0, "row '%s' counts %s for %s; counts are never negative", label, n, b);
                all.put(b, n);
            }
            checkArgument(counts.size() == all.size(), "row '%s' counts something that is not a bucket", label);
            counts = Maps.immutableEnumMap(all);
        }

        /** A row with these counts, in the order of {@link StatusBucket}. */
        public static Row of(String label, long unallocated, long withComplaintsTeam, long withService,
                long complete, long closedOther) {
            return of(label, new long[] {unallocated, withComplaintsTeam, withService, complete, closedOther});
        }

        /** A row from counts indexed by {@link StatusBucket#ordinal()}. */
        static Row of(String label, long[] counts) {
            EnumMap<StatusBucket, Long> map = new EnumMap<>(StatusBucket.class);
            for (StatusBucket b : StatusBucket.values()) {
                map.put(b, counts[b.ordinal()]);
            }
            return new Row(label, map);
        }

        /** The count in one bucket. */
        public long count(StatusBucket bucket) {
            return counts.get(bucket);
        }

        /** The sum of the bucket counts. */
        public long total() {
            long sum = 0;
            for (long n : counts.values()) {
                sum = Math.addExact(sum, n);
            }
            return sum;
        }

        /** The number still open: unallocated, with the complaints team or with the service. */
        public long open() {
            long sum = 0;
            for (StatusBucket b : StatusBucket.values()) {
                if (b.open()) {
                    sum += count(b);
                }
            }
            return sum;
        }
    }
}
