package uk.councilcomplaints.report;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.sla.WorkingCalendar;

/**
 * Open cases by age on a day: how many working days since each was received, in the buckets 0-5, 6-10, 11-20,
 * 21-40 and 41+, per service area, officer or procedure, with the oldest cases, and the median and 90th percentile
 * age (nearest rank: the smallest age at least that share of cases have). Immutable.
 *
 * @param asOf the day the ages are counted to
 * @param by how the rows are grouped
 * @param rows one per group with an open case, by label
 * @param total every open case
 * @param oldest the oldest cases, oldest first (then by reference)
 * @param median the median age in working days; 0 when nothing is open
 * @param percentile90 the 90th percentile age in working days; 0 when nothing is open
 */
public record AgeingReport(LocalDate asOf, By by, List<Row> rows, Row total, List<Aged> oldest, int median,
        int percentile90) {

    /** The lower bounds of the age buckets, in working days. */
    public static final List<Integer> BUCKETS_FROM = List.of(0, 6, 11, 21, 41);
    /** The labels of the age buckets. */
    public static final List<String> BUCKET_LABELS = List.of("0-5", "6-10", "11-20", "21-40", "41+");

    /** What an ageing report groups by. */
    public enum By {
        SERVICE_AREA, OFFICER, PROCEDURE
    }

    /** One group's open cases per age bucket ({@link #BUCKET_LABELS}), and their number. */
    public record Row(String label, List<Long> counts, long total) {
        public Row {
            requireNonNull(label, "label");
            counts = ImmutableList.copyOf(counts);
            checkArgument(counts.size() == BUCKETS_FROM.size(), "one count per bucket");
        }
    }

    /** One open case and its age. */
    public record Aged(ComplaintId id, String reference, Instant receivedAt, String group, int workingDays) {
    }

    public AgeingReport {
        requireNonNull(asOf, "asOf");
        requireNonNull(by, "by");
        rows = ImmutableList.copyOf(rows);
        requireNonNull(total, "total");
        oldest = ImmutableList.copyOf(oldest);
    }

    /** The label of an officer's group when no officer is allocated. */
    public static final String UNALLOCATED = Grouping.NOT_ALLOCATED_LABEL;

    /** One open case as the report needs it: wherever it was read from. */
    record Case(ComplaintId id, String reference, Instant receivedAt, ServiceArea serviceArea,
            Optional<String> officer, Procedure procedure) {
    }

    /** The report over {@code cases}, open on {@code asOf}, ages on {@code calendar}, the {@code oldest} oldest. */
    static AgeingReport of(LocalDate asOf, By by, int oldest, List<Case> cases, WorkingCalendar calendar) {
        checkArgument(oldest >= 0, "oldest must be >= 0, was %s", oldest);
        Function<Case, String> group = switch (by) {
            case SERVICE_AREA -> c -> c.serviceArea().name();
            case OFFICER -> c -> c.officer().orElse(UNALLOCATED);
            case PROCEDURE -> c -> c.procedure().label();
        };
        List<Aged> aged = new ArrayList<>(cases.size());
        for (Case c : cases) {
            LocalDate received = LondonDays.dayOf(c.receivedAt());
            int age = received.isBefore(asOf) ? calendar.workingDaysBetween(received, asOf) : 0;
            aged.add(new Aged(c.id(), c.reference(), c.receivedAt(), group.apply(c), age));
        }
        Map<String, long[]> counts = new TreeMap<>();
        long[] all = new long[BUCKETS_FROM.size()];
        for (Aged a : aged) {
            int bucket = bucketOf(a.workingDays());
            counts.computeIfAbsent(a.group(), g -> new long[BUCKETS_FROM.size()])[bucket]++;
            all[bucket]++;
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((label, n) -> rows.add(row(label, n)));
        List<Aged> byAge = aged.stream().sorted(Comparator.comparingInt(Aged::workingDays).reversed()
                .thenComparing(Aged::reference)).toList();
        int[] ages = aged.stream().mapToInt(Aged::workingDays).sorted().toArray();
        return new AgeingReport(asOf, by, rows, row("Total", all), byAge.subList(0, Math.min(oldest, byAge.size())),
                rank(ages, 50), rank(ages, 90));
    }

    private static Row row(String label, long[] counts) {
        List<Long> list = new ArrayList<>();
        long total = 0;
        for (long n : counts) {
            list.add(n);
            total += n;
        }
        return new Row(label, list, total);
    }

    /** The bucket of an age in working days. */
    static int bucketOf(int workingDays) {
        int bucket = 0;
        while (bucket + 1 < BUCKETS_FROM.size() && workingDays >= BUCKETS_FROM.get(bucket + 1)) {
            bucket++;
        }
        return bucket;
    }

    /** The nearest-rank percentile of sorted ages: the value at rank ceil(p / 100 * n). */
    static int rank(int[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
