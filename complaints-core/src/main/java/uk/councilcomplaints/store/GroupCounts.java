package uk.councilcomplaints.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.StatusBucket;

/**
 * A store's answer to a {@link CountQuery}: how many complaints counted per day, group key and bucket. Only
 * groups with at least one complaint appear; labels, order, fixed rows and totals are core's business.
 * Immutable; equal when every count is. Build with {@link #builder()}.
 */
public final class GroupCounts {

    private final Map<LocalDate, Map<GroupKey, Map<StatusBucket, Long>>> counts;

    private GroupCounts(Map<LocalDate, Map<GroupKey, Map<StatusBucket, Long>>> counts) {
        this.counts = counts;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The days with at least one complaint counted. */
    public Set<LocalDate> days() {
        return counts.keySet();
    }

    /** The groups counting at least one complaint on {@code day}. */
    public Set<GroupKey> keys(LocalDate day) {
        return counts.getOrDefault(day, Map.of()).keySet();
    }

    /** How many complaints counted on {@code day} under {@code key} in {@code bucket}. */
    public long count(LocalDate day, GroupKey key, StatusBucket bucket) {
        return counts.getOrDefault(day, Map.of()).getOrDefault(key, Map.of()).getOrDefault(bucket, 0L);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupCounts other && counts.equals(other.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return new TreeMap<>(counts).toString();
    }

    /** Adds counts up; not thread-safe. */
    public static final class Builder {
        private final Map<LocalDate, Map<GroupKey, long[]>> counts = new HashMap<>();

        private Builder() {
        }

        /** Adds {@code count} (at least 1) complaints on {@code day} under {@code key} in {@code bucket}. */
        public Builder add(LocalDate day, GroupKey key, StatusBucket bucket, long count) {
            requireNonNull(day, "day");
            requireNonNull(key, "key");
            requireNonNull(bucket, "bucket");
            checkArgument(count >= 1, "a group appears only with at least one complaint; count was %s", count);
            Map<GroupKey, long[]> groups = counts.computeIfAbsent(day, d -> new HashMap<>());
            long[] row = groups.computeIfAbsent(key, k -> new long[StatusBucket.values().length]);
            relabel(groups, key, row);
            row[bucket.ordinal()] = Math.addExact(row[bucket.ordinal()], count);
            return this;
        }

        /** Keeps, for a service area seen under two names, the key whose name labels it ({@link ServiceArea#labelOf}). */
        private static void relabel(Map<GroupKey, long[]> groups, GroupKey key, long[] row) {
            if (key.serviceArea().isEmpty()) {
                return;
            }
            GroupKey kept = groups.keySet().stream().filter(key::equals).findFirst().orElseThrow();
            ServiceArea label = ServiceArea.labelOf(kept.serviceArea().orElseThrow(), key.serviceArea().get());
            if (label != kept.serviceArea().get()) {
                groups.remove(kept);
                groups.put(key, row);
            }
        }

        public GroupCounts build() {
            ImmutableMap.Builder<LocalDate, Map<GroupKey, Map<StatusBucket, Long>>> days = ImmutableMap.builder();
            counts.forEach((day, groups) -> {
                ImmutableMap.Builder<GroupKey, Map<StatusBucket, Long>> byKey = ImmutableMap.builder();
                groups.forEach((key, row) -> {
                    EnumMap<StatusBucket, Long> buckets = new EnumMap<>(StatusBucket.class);
                    for (StatusBucket b : StatusBucket.values()) {
                        if (row[b.ordinal()] > 0) {
                            buckets.put(b, row[b.ordinal()]);
                        }
                    }
                    byKey.put(key, Maps.immutableEnumMap(buckets));
                });
                days.put(day, byKey.build());
            });
            return new GroupCounts(days.build());
        }
    }
}
