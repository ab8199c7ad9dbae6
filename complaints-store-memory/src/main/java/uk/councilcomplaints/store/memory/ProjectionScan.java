package uk.councilcomplaints.store.memory;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.store.CountQuery;
import uk.councilcomplaints.store.CountQuery.Dimension;
import uk.councilcomplaints.store.GroupCounts;
import uk.councilcomplaints.store.GroupKey;
import uk.councilcomplaints.store.HistoryFilter;

/**
 * Answers a {@link CountQuery} from a {@link Columns.View}: one pass over the rows, counting each row that is
 * its complaint's state at the end of a day as known at the query's instant (all days in the same pass), and
 * a pass before it for a cohort's membership when that cannot be decided in the same pass. Also finds the
 * complaints a {@link HistoryFilter} wants. One per query; reads only what the view holds, with no append
 * under way (or its answer is discarded: see {@link InMemoryComplaintStore}).
 */
final class ProjectionScan {

    private static final int BUCKET_BITS = 3;
    private static final boolean[] OPEN = new boolean[1 << BUCKET_BITS];

    static {
        for (StatusBucket b : StatusBucket.values()) {
            OPEN[b.ordinal()] = b.open();
        }
    }

    private final Columns.View view;
    private final Dictionary<NamedArea> areas;
    private final Dictionary<Holder> holders;

    ProjectionScan(Columns.View view, Dictionary<NamedArea> areas, Dictionary<Holder> holders) {
        this.view = view;
        this.areas = areas;
        this.holders = holders;
    }

    /** The columns this scan reads. */
    Columns.View view() {
        return view;
    }

    /** How a row's facts and holder become a dense group number, and back. */
    private final class Key {
        /** The lowest facts bit of classification, procedure and stage grouped by, and the mask from it. */
        final int lowShift;
        final int lowMask;
        final int lowRange;
        /** {@code lowRange} when grouping by service area, else 0. */
        final int areaFactor;
        final int areaRange;
        final int holderRange;
        final boolean byHolder;
        final Set<Dimension> groupBy;

        Key(Set<Dimension> groupBy) {
            this.groupBy = groupBy;
            int shift = Facts.AREA_SHIFT;
            int mask = 0;
            for (Dimension d : groupBy) {
                if (d != Dimension.SERVICE_AREA && Facts.shift(d) >= 0) {
                    shift = Math.min(shift, Facts.shift(d));
                    mask |= (1 << Facts.end(d)) - (1 << Facts.shift(d));
                }
            }
            lowShift = shift;
            lowMask = mask >>> shift;
            lowRange = 1 << (Facts.AREA_SHIFT - shift);
            boolean byArea = groupBy.contains(Dimension.SERVICE_AREA);
            areaFactor = byArea ? lowRange : 0;
            areaRange = byArea ? Math.max(1, view.areas()) : 1;
            byHolder = groupBy.contains(Dimension.OFFICER) || groupBy.contains(Dimension.TEAM);
            holderRange = byHolder ? view.holders() : 1;
        }

        /** How many group numbers there are. */
        int range() {
            return Math.multiplyExact(Math.multiplyExact(lowRange, areaRange), holderRange);
        }

        int of(int facts, int holder) {
            return (((facts >>> lowShift) & lowMask) + (facts >>> Facts.AREA_SHIFT) * areaFactor) * holderRange
                    + (byHolder ? holder : 0);
        }

        GroupKey key(int number) {
            int rest = number / holderRange;
            Holder h = holders.get(byHolder ? number % holderRange : 0);
            int facts = (rest % lowRange) << lowShift;
            ServiceArea area = areaFactor == 0 ? null : areas.get(rest / lowRange).area();
            return new GroupKey(
                    has(Dimension.CLASSIFICATION) ? Optional.of(Facts.classification(facts)) : Optional.empty(),
                    has(Dimension.PROCEDURE) ? Optional.of(Facts.procedure(facts)) : Optional.empty(),
                    has(Dimension.STAGE) ? Optional.of(Facts.stage(facts)) : Optional.empty(),
                    Optional.ofNullable(area),
                    has(Dimension.OFFICER) ? Optional.ofNullable(h.officer()) : Optional.empty(),
                    has(Dimension.TEAM) ? Optional.ofNullable(h.team()) : Optional.empty());
        }

        private boolean has(Dimension d) {
            return groupBy.contains(d);
        }
    }

    /** Which facts and holders pass a query's filters; null arrays pass everything. */
    private final class Filter {
        final boolean[] areaOk;
        final boolean[] procedureOk;
        final boolean[] holderOk;

        Filter(CountQuery q) {
            areaOk = q.serviceAreas().isEmpty() ? null : new boolean[view.areas()];
            for (int a = 0; areaOk != null && a < areaOk.length; a++) {
                areaOk[a] = q.serviceAreas().contains(areas.get(a).area());
            }
            procedureOk = q.procedures().isEmpty() ? null : new boolean[Procedure.values().length];
            for (Procedure p : q.procedures()) {
                procedureOk[p.ordinal()] = true;
            }
            holderOk = q.officer().isEmpty() && q.team().isEmpty() ? null : new boolean[view.holders()];
            for (int h = 0; holderOk != null && h < holderOk.length; h++) {
                Holder holder = holders.get(h);
                holderOk[h] = q.officer().map(o -> o.equals(holder.officer())).orElse(true)
                        && q.team().map(t -> t.equals(holder.team())).orElse(true);
            }
        }

        boolean any() {
            return areaOk != null || procedureOk != null || holderOk != null;
        }

        boolean passes(int facts, int holder) {
            return (areaOk == null || areaOk[Facts.area(facts)])
                    && (procedureOk == null || procedureOk[Facts.procedureOrdinal(facts)])
                    && (holderOk == null || holderOk[holder]);
        }
    }

    /** The answer to {@code query}. */
    GroupCounts count(CountQuery query) {
        long known = query.knownAt().map(Micros::floor).orElse(Long.MAX_VALUE);
        LocalDate[] days = query.asOf().toArray(new LocalDate[0]);
        Arrays.sort(days);
        long[] last = new long[days.length];
        for (int d = 0; d < days.length; d++) {
            last[d] = Micros.floor(LondonDays.endOf(days[d])) - 1;
        }
        Key key = new Key(query.groupBy());
        int stride = key.range() << BUCKET_BITS;
        Members members = members(query.population(), known, last[0]);
        Filter filter = new Filter(query);
        int[] counts = days.length > 1 ? everyDay(last, known, members, filter, key)
                : members.bits() == null && !filter.any() && !key.byHolder ? everyone(last[0], known, key)
                : oneDay(last[0], known, members, filter, key);
        GroupCounts.Builder answer = GroupCounts.builder();
        for (int d = 0; d < days.length; d++) {
            for (int k = 0; k < stride; k++) {
                int n = counts[d * stride + k];
                if (n > 0) {
                    answer.add(days[d], key.key(k >>> BUCKET_BITS), StatusBucket.values()[k & ((1 << BUCKET_BITS) - 1)],
                            n);
                }
            }
        }
        return answer.build();
    }

    /**
     * Counts for one day of every complaint, unfiltered, grouped by facts: the commonest table, in a loop of
     * its own so it carries none of the others' checks.
     */
    private int[] everyone(long at, long known, Key key) {
        int[] counts = new int[key.range() << BUCKET_BITS];
        int lowShift = key.lowShift;
        int lowMask = key.lowMask;
        int areaFactor = key.areaFactor;
        for (int c = 0; c < view.chunks(); c++) {
            int n = view.length(c);
            long[] occurred = view.occurred()[c];
            long[] recorded = view.recorded()[c];
            long[] nextOccurred = view.nextOccurred()[c];
            long[] nextRecorded = view.nextRecorded()[c];
            int[] facts = view.facts()[c];
            for (int i = 0; i < n; i++) {
                if (occurred[i] <= at && recorded[i] <= known && (nextOccurred[i] > at || nextRecorded[i] > known)) {
                    int f = facts[i];
                    // Key.of without a holder, its fields in locals
                    counts[(((f >>> lowShift) & lowMask) + (f >>> Facts.AREA_SHIFT) * areaFactor) << BUCKET_BITS
                            | Facts.bucket(f)]++;
                }
            }
        }
        return counts;
    }

    /** Counts for one day: rows current at {@code at} as known at {@code known}. */
    private int[] oneDay(long at, long known, Members cohort, Filter filter, Key key) {
        int[] counts = new int[key.range() << BUCKET_BITS];
        long[] members = cohort.bits();
        boolean inline = cohort.inline();
        long cohortAt = cohort.at();
        long cohortKnown = cohort.known();
        boolean filtered = filter.any();
        boolean readHolder = key.byHolder || filter.holderOk != null;
        for (int c = 0; c < view.chunks(); c++) {
            int n = view.length(c);
            long[] occurred = view.occurred()[c];
            long[] recorded = view.recorded()[c];
            long[] nextOccurred = view.nextOccurred()[c];
            long[] nextRecorded = view.nextRecorded()[c];
            int[] facts = view.facts()[c];
            int[] holder = view.holder()[c];
            int[] complaint = view.complaint()[c];
            for (int i = 0; i < n; i++) {
                if (inline && occurred[i] <= cohortAt && recorded[i] <= cohortKnown && OPEN[Facts.bucket(facts[i])]
                        && !(nextOccurred[i] <= cohortAt && nextRecorded[i] <= cohortKnown)) {
                    members[complaint[i] >>> 6] |= 1L << complaint[i];
                }
                if (occurred[i] > at || recorded[i] > known
                        || nextOccurred[i] <= at && nextRecorded[i] <= known) {
                    continue;
                }
                if (members != null && !member(members, complaint[i])) {
                    continue;
                }
                int f = facts[i];
                int h = readHolder ? holder[i] : 0;
                if (filtered && !filter.passes(f, h)) {
                    continue;
                }
                counts[key.of(f, h) << BUCKET_BITS | Facts.bucket(f)]++;
            }
        }
        return counts;
    }

    /**
     * Counts for several days ({@code last} ascending) in one pass: each row counts on the days from the
     * first that ends after it happened to the last before its next event is known to have happened, added
     * as a difference at those two days and summed over the days at the end.
     */
    private int[] everyDay(long[] last, long known, Members cohort, Filter filter, Key key) {
        int stride = key.range() << BUCKET_BITS;
        long[] members = cohort.bits();
        boolean inline = cohort.inline();
        long cohortAt = cohort.at();
        long cohortKnown = cohort.known();
        int days = last.length;
        long firstDay = last[0];
        long lastDay = last[days - 1];
        int[] counts = new int[(days + 1) * stride];
        boolean filtered = filter.any();
        boolean readHolder = key.byHolder || filter.holderOk != null;
        for (int c = 0; c < view.chunks(); c++) {
            int n = view.length(c);
            long[] occurred = view.occurred()[c];
            long[] recorded = view.recorded()[c];
            long[] nextOccurred = view.nextOccurred()[c];
            long[] nextRecorded = view.nextRecorded()[c];
            int[] facts = view.facts()[c];
            int[] holder = view.holder()[c];
            int[] complaint = view.complaint()[c];
            for (int i = 0; i < n; i++) {
                if (inline && occurred[i] <= cohortAt && recorded[i] <= cohortKnown && OPEN[Facts.bucket(facts[i])]
                        && !(nextOccurred[i] <= cohortAt && nextRecorded[i] <= cohortKnown)) {
                    members[complaint[i] >>> 6] |= 1L << complaint[i];
                }
                if (recorded[i] > known || occurred[i] > lastDay) {
                    continue;
                }
                boolean closed = nextRecorded[i] <= known;
                if (closed && nextOccurred[i] <= firstDay
                        || members != null && !member(members, complaint[i])) {
                    continue;
                }
                int f = facts[i];
                int h = readHolder ? holder[i] : 0;
                if (filtered && !filter.passes(f, h)) {
                    continue;
                }
                int from = occurred[i] <= firstDay ? 0 : firstDayEndingAtOrAfter(last, occurred[i]);
                int to = closed ? firstDayEndingAtOrAfter(last, nextOccurred[i]) : days;
                if (from >= to) {
                    continue;
                }
                int k = key.of(f, h) << BUCKET_BITS | Facts.bucket(f);
                counts[from * stride + k]++;
                counts[to * stride + k]--;
            }
        }
        for (int d = 1; d < days; d++) {
            for (int k = 0; k < stride; k++) {
                counts[d * stride + k] += counts[(d - 1) * stride + k];
            }
        }
        return counts;
    }

    /** The index of the first of {@code last} at or after {@code micros}; {@code last.length} if none. */
    private static int firstDayEndingAtOrAfter(long[] last, long micros) {
        int i = Arrays.binarySearch(last, micros);
        return i >= 0 ? i : -i - 1;
    }

    /**
     * The members of a population as a bit set over complaint numbers (null: every complaint). For a cohort
     * whose membership is known no later than the rows counted ({@code rowsKnown}), counted on days ending
     * after the cohort's instant (the first ending at {@code firstDay}), the bits are set {@code inline}, in
     * the counting pass itself: a complaint's rows come in version order, and the row that makes it a member
     * (current at the cohort's instant) comes before any row counted on such a day.
     */
    private record Members(long[] bits, boolean inline, long at, long known) {
    }

    private Members members(CountQuery.Population population, long rowsKnown, long firstDay) {
        long knownAt = population.knownAt().map(Micros::floor).orElse(Long.MAX_VALUE);
        if (population instanceof CountQuery.OpenAtStartOf open) {
            long at = Micros.floor(open.start()) - 1;
            return knownAt <= rowsKnown && firstDay >= at ? new Members(new long[bits()], true, at, knownAt)
                    : new Members(openAt(at, knownAt), false, 0, 0);
        }
        long from;
        long to;
        if (population instanceof CountQuery.ReceivedBetween received) {
            from = received.from().toEpochDay();
            to = received.to().toEpochDay();
        } else if (population.knownAt().isEmpty()) {
            return new Members(null, false, 0, 0);
        } else {
            from = Long.MIN_VALUE;
            to = Long.MAX_VALUE;
        }
        long[] members = new long[bits()];
        for (int m = 0; m < view.complaints(); m++) {
            long day = view.receivedDay()[m >>> Columns.CHUNK_BITS][m & Columns.MASK];
            if (day >= from && day <= to && view.receiptRecorded(m) <= knownAt) {
                members[m >>> 6] |= 1L << m;
            }
        }
        return new Members(members, false, 0, 0);
    }

    /** The complaints {@code filter} wants, as a bit set over complaint numbers. */
    long[] wanted(HistoryFilter filter) {
        if (filter instanceof HistoryFilter.OpenAt open) {
            return openAt(Micros.floor(open.at()), open.knownAt().map(Micros::floor).orElse(Long.MAX_VALUE));
        }
        HistoryFilter.ActiveBetween active = (HistoryFilter.ActiveBetween) filter;
        long from = Micros.ceil(active.from());
        long before = Micros.ceil(active.before());
        long[] wanted = new long[bits()];
        for (int c = 0; c < view.chunks(); c++) {
            int n = view.length(c);
            long[] occurred = view.occurred()[c];
            int[] complaint = view.complaint()[c];
            for (int i = 0; i < n; i++) {
                if (occurred[i] >= from && occurred[i] < before) {
                    wanted[complaint[i] >>> 6] |= 1L << complaint[i];
                }
            }
        }
        return wanted;
    }

    /** The complaints whose row current at {@code at} as known at {@code known} is in an open bucket. */
    private long[] openAt(long at, long known) {
        long[] open = new long[bits()];
        for (int c = 0; c < view.chunks(); c++) {
            int n = view.length(c);
            long[] occurred = view.occurred()[c];
            long[] recorded = view.recorded()[c];
            long[] nextOccurred = view.nextOccurred()[c];
            long[] nextRecorded = view.nextRecorded()[c];
            int[] facts = view.facts()[c];
            int[] complaint = view.complaint()[c];
            for (int i = 0; i < n; i++) {
                if (occurred[i] <= at && recorded[i] <= known && OPEN[Facts.bucket(facts[i])]
                        && !(nextOccurred[i] <= at && nextRecorded[i] <= known)) {
                    open[complaint[i] >>> 6] |= 1L << complaint[i];
                }
            }
        }
        return open;
    }

    private int bits() {
        return (view.complaints() + 63) >>> 6;
    }

    private static boolean member(long[] members, int complaint) {
        return (members[complaint >>> 6] & (1L << complaint)) != 0;
    }
}
