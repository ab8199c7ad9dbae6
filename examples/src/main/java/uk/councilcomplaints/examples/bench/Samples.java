package uk.councilcomplaints.examples.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Timed operations, each kept whole (its start and its duration on {@link System#nanoTime()}), so percentiles are
 * exact and an operation can be matched against what ran beside it. One writer at a time; {@link #merge} joins
 * the threads' samples afterwards.
 */
final class Samples {

    private long[] starts = new long[1024];
    private long[] durations = new long[1024];
    private int size;

    /** Records an operation that started at {@code startNanos} and ended at {@code endNanos}. */
    void add(long startNanos, long endNanos) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            durations = Arrays.copyOf(durations, size * 2);
        }
        starts[size] = startNanos;
        durations[size] = endNanos - startNanos;
        size++;
    }

    static Samples merge(Collection<Samples> parts) {
        Samples all = new Samples();
        for (Samples part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.starts[i], part.starts[i] + part.durations[i]);
            }
        }
        return all;
    }

    int size() {
        return size;
    }

    /** The {@code p}th percentile of the durations in milliseconds (nearest rank); 0 with no sample. */
    double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(durations, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * size);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    double maxMillis() {
        return percentileMillis(100);
    }

    /**
     * The samples split by whether they overlapped any of {@code intervals} (another set of operations, such as
     * the reports that ran meanwhile): {@code [0]} overlapped one, {@code [1]} overlapped none.
     */
    Samples[] splitByOverlap(Samples intervals) {
        long[][] merged = intervals.mergedIntervals();
        Samples overlapping = new Samples();
        Samples alone = new Samples();
        for (int i = 0; i < size; i++) {
            long start = starts[i];
            long end = start + durations[i];
            // the last merged interval starting at or before this operation's end
            int k = Arrays.binarySearch(merged[0], end);
            k = k >= 0 ? k : -k - 2;
            boolean overlaps = k >= 0 && merged[1][k] >= start;
            (overlaps ? overlapping : alone).add(start, end);
        }
        return new Samples[] {overlapping, alone};
    }

    /** The union of the operations' intervals: sorted starts {@code [0]} and their ends {@code [1]}, disjoint. */
    private long[][] mergedIntervals() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
        long[] mergedStarts = new long[size];
        long[] mergedEnds = new long[size];
        int n = 0;
        for (int i : order) {
            long start = starts[i];
            long end = start + durations[i];
            if (n > 0 && start <= mergedEnds[n - 1]) {
                mergedEnds[n - 1] = Math.max(mergedEnds[n - 1], end);
            } else {
                mergedStarts[n] = start;
                mergedEnds[n] = end;
                n++;
            }
        }
        return new long[][] {Arrays.copyOf(mergedStarts, n), Arrays.copyOf(mergedEnds, n)};
    }
}
