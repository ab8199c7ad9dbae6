package uk.councilcomplaints.examples.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.report.BurnDown;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.ReportTable;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.ProjectionRow;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/**
 * Times the library's reports over 250k, 500k and 1M complaints in the memory store against raw columnar
 * passes written here over plain arrays of the same projection rows, in the same run, and measures the store's
 * heap per complaint after GC (personal data included). The reports: by type and by service as of a day; by
 * type as known at an instant; a cohort (open at the start of a day) by service as of a later day; that
 * cohort's burn-down over 90 days. Targets: each table within 2 times its raw pass, growing linearly (its time
 * per complaint from the smallest to the largest run within 15% of the raw pass's, whose own change is the
 * machine's drift); the burn-down within 3 times one by-type table; at most 1 KB a complaint. Run with a large
 * heap, e.g.
 * <pre>
 * mvn -B -q -pl examples -am package -DskipTests org.codehaus.mojo:exec-maven-plugin:3.5.0:exec \
 *     -Dexec.executable=java -Dexec.args="-Xmx8g -cp %classpath uk.councilcomplaints.examples.bench.ReportBenchmark"
 * </pre>
 * Arguments: the numbers of complaints, if not the default three; {@code --without-personal-data} stores no
 * personal data (the heap figure then counts facts, history and projection only).
 */
public final class ReportBenchmark {

    static final LocalDate AS_OF = LocalDate.of(2022, 3, 31);
    /** Known at noon on 1 March 2022: what a report run then said about the end of March. */
    static final Instant KNOWN_AT = Instant.parse("2022-03-01T12:00:00Z");
    static final LocalDate COHORT = LocalDate.of(2021, 12, 1);
    static final LocalDate COHORT_AS_OF = LocalDate.of(2022, 1, 14);
    private static final int BURN_DOWN_DAYS = 90;
    private static final double MAX_RATIO = 2.0;
    private static final double MAX_BURN_DOWN_RATIO = 3.0;
    private static final double MAX_GROWTH = 1.15;
    private static final long MAX_BYTES = 1024;
    private static final int WARM_UPS = 10;
    private static final int WARM_UP_COMPLAINTS = 100_000;
    private static final int RUNS = 15;
    static final String[] TYPES = {"Statutory Adults", "Statutory Children Stage 1",
        "Statutory Children Stage 2", "Statutory Children Stage 3", "Corporate Stage 1", "Corporate Stage 2",
        "Service requests / not a council complaint"};

    private ReportBenchmark() {
    }

    /** One report timed: the library's best run and the raw pass's. */
    private record Timing(String name, double libraryMillis, double rawMillis, double maxRatio) {
        double ratio() {
            return libraryMillis / rawMillis;
        }

        boolean passes() {
            return ratio() <= maxRatio;
        }
    }

    private record Result(int complaints, long events, long bytesPerComplaint, List<Timing> timings) {
        double nanosPerComplaint(int timing) {
            return timings.get(timing).libraryMillis() * 1e6 / complaints;
        }

        double rawNanosPerComplaint(int timing) {
            return timings.get(timing).rawMillis() * 1e6 / complaints;
        }
    }

    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        boolean personalData = true;
        for (String a : args) {
            if (a.equals("--without-personal-data")) {
                personalData = false;
            } else {
                sizes.add(Integer.parseInt(a.replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(250_000, 500_000, 1_000_000);
        }
        System.out.printf(Locale.ROOT, "Reports over the memory store%s; Java %s, max heap %d MB%n",
                personalData ? " with personal data" : " without personal data", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        run(WARM_UP_COMPLAINTS, personalData); // compiles the scans before anything is measured
        List<Result> results = new ArrayList<>();
        for (int n : sizes) {
            Result r = run(n, personalData);
            results.add(r);
            System.out.printf(Locale.ROOT, "%n%,d complaints, %,d events, %d bytes per complaint%n", r.complaints(),
                    r.events(), r.bytesPerComplaint());
            System.out.printf(Locale.ROOT, "  %-44s %10s %10s %7s %7s%n", "report", "library ms", "raw ms", "ratio",
                    "target");
            for (Timing t : r.timings()) {
                System.out.printf(Locale.ROOT, "  %-44s %10.1f %10.1f %7.2f %7.1f%n", t.name(), t.libraryMillis(),
                        t.rawMillis(), t.ratio(), t.maxRatio());
            }
        }
        Result smallest = results.get(0);
        Result largest = results.get(results.size() - 1);
        boolean timePass = results.stream().allMatch(r -> r.timings().stream().allMatch(Timing::passes));
        double growth = largest.nanosPerComplaint(0) / smallest.nanosPerComplaint(0);
        double rawGrowth = largest.rawNanosPerComplaint(0) / smallest.rawNanosPerComplaint(0);
        boolean heapPass = results.stream().allMatch(r -> r.bytesPerComplaint() <= MAX_BYTES);
        System.out.printf(Locale.ROOT, "%ntime:   every report within its target of the raw pass: %s%n",
                timePass ? "PASS" : "FAIL");
        // a plain loop is linear, so the raw pass's own growth is the machine's drift between the runs
        System.out.printf(Locale.ROOT, "growth: by-type ns per complaint from %,d to %,d complaints: %.1f to %.1f "
                + "(x%.2f; the raw pass x%.2f, so x%.2f of the drift; at most x%.2f): %s%n", smallest.complaints(),
                largest.complaints(), smallest.nanosPerComplaint(0), largest.nanosPerComplaint(0), growth, rawGrowth,
                growth / rawGrowth, MAX_GROWTH, growth / rawGrowth <= MAX_GROWTH ? "PASS" : "FAIL");
        System.out.printf(Locale.ROOT, "heap:   bytes per complaint <= %d: %s (largest %d; before the projection "
                + "store: 944 without personal data, 1,280 with)%n", MAX_BYTES, heapPass ? "PASS" : "FAIL",
                largest.bytesPerComplaint());
    }

    private static Result run(int n, boolean personalData) {
        long baseline = usedHeapAfterGc();
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        long events = new BenchmarkData(n, personalData).load(store, n);
        long bytes = (usedHeapAfterGc() - baseline) / n;
        if (store.size() != n) {
            throw new IllegalStateException("the store lost complaints");
        }

        RawRows raw = RawRows.of(store, Math.toIntExact(events));
        Reports reports = Reports.over(store);
        ReportQuery byType = ReportQuery.builder(Population.all(), Grouping.TYPE, AS_OF).build();
        ReportQuery byService = ReportQuery.builder(Population.all(), Grouping.SERVICE_AREA, AS_OF).build();
        ReportQuery knownAt = byType.withKnownAt(KNOWN_AT);
        ReportQuery cohort = ReportQuery.builder(Population.openAtStartOf(COHORT), Grouping.SERVICE_AREA, COHORT_AS_OF)
                .build();
        List<LocalDate> days = COHORT.minusDays(1).datesUntil(COHORT.plusDays(BURN_DOWN_DAYS - 1)).toList();
        long end = micros(LondonDays.endOf(AS_OF)) - 1;
        long known = micros(KNOWN_AT);
        long cohortStart = micros(LondonDays.startOf(COHORT)) - 1;
        long cohortEnd = micros(LondonDays.endOf(COHORT_AS_OF)) - 1;

        check(raw.byType(end, Long.MAX_VALUE), reports.table(byType));
        check(raw.byService(end, Long.MAX_VALUE, null), reports.table(byService));
        check(raw.byType(end, known), reports.table(knownAt));
        check(raw.byService(cohortEnd, Long.MAX_VALUE, raw.openAt(cohortStart)), reports.table(cohort));
        BurnDown burnDown = reports.burnDown(cohort, days);
        for (BurnDown.Point p : burnDown.points()) {
            long dayEnd = micros(LondonDays.endOf(p.asOf())) - 1;
            check(raw.byService(dayEnd, Long.MAX_VALUE, raw.openAt(cohortStart)), p.table());
        }

        List<Measured> measured = List.of(
                new Measured("by type as of " + AS_OF, () -> reports.table(byType),
                        () -> raw.byType(end, Long.MAX_VALUE), MAX_RATIO),
                new Measured("by service as of " + AS_OF, () -> reports.table(byService),
                        () -> raw.byService(end, Long.MAX_VALUE, null), MAX_RATIO),
                new Measured("by type as of " + AS_OF + ", known at " + KNOWN_AT, () -> reports.table(knownAt),
                        () -> raw.byType(end, known), MAX_RATIO),
                new Measured("open at start of " + COHORT + ", by service as of " + COHORT_AS_OF,
                        () -> reports.table(cohort),
                        () -> raw.byService(cohortEnd, Long.MAX_VALUE, raw.openAt(cohortStart)), MAX_RATIO),
                new Measured("that cohort's burn-down over " + BURN_DOWN_DAYS + " days (raw: one by-type table)",
                        () -> reports.burnDown(cohort, days), () -> reports.table(byType), MAX_BURN_DOWN_RATIO));
        for (int i = 0; i < WARM_UPS; i++) {
            for (Measured m : measured) {
                m.library().get();
                m.raw().get();
            }
        }
        List<Timing> timings = measured.stream().map(ReportBenchmark::time).toList();
        return new Result(n, events, bytes, timings);
    }

    /** A report to time: the library's way and the raw way. */
    private record Measured(String name, Supplier<Object> library, Supplier<Object> raw, double maxRatio) {
    }

    /** The best of several runs of each, interleaved. */
    private static Timing time(Measured m) {
        Supplier<Object> library = m.library();
        Supplier<Object> raw = m.raw();
        long bestLibrary = Long.MAX_VALUE;
        long bestRaw = Long.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            library.get();
            long t1 = System.nanoTime();
            raw.get();
            long t2 = System.nanoTime();
            bestLibrary = Math.min(bestLibrary, t1 - t0);
            bestRaw = Math.min(bestRaw, t2 - t1);
        }
        return new Timing(m.name(), bestLibrary / 1e6, bestRaw / 1e6, m.maxRatio());
    }

    /** The row of {@link #TYPES} a row with these fields counts in. */
    static int typeIndex(Classification classification, Procedure procedure, Stage stage) {
        return classification != Classification.COMPLAINT ? 6
                : procedure == Procedure.ADULT_SOCIAL_CARE ? 0
                : procedure == Procedure.CHILDRENS_SOCIAL_CARE ? stage.ordinal() + 1
                : stage.ordinal() + 4;
    }

    /**
     * A table of {@code counts} (eight buckets' places per label, {@code label << 3 | bucket}) with a row per
     * label that counts anything, in the labels' order.
     */
    static ReportTable table(String heading, int[] counts, List<String> labels) {
        return RawRows.table(heading, counts, labels);
    }

    private static void check(ReportTable expected, ReportTable actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("the report differs from the raw pass:\n" + actual + "\n" + expected);
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    /**
     * The projection rows of every complaint in plain arrays, the best layout for these reports: times in
     * epoch microseconds (next times {@code Long.MAX_VALUE} for a last row), type, service and bucket one
     * byte each, and the complaint's number.
     */
    private record RawRows(long[] occurred, long[] recorded, long[] nextOccurred, long[] nextRecorded, byte[] type,
            byte[] service, byte[] bucket, int[] complaint, int complaints, List<String> services) {

        static RawRows of(InMemoryComplaintStore store, int n) {
            RawRows raw = new RawRows(new long[n], new long[n], new long[n], new long[n], new byte[n], new byte[n],
                    new byte[n], new int[n], store.size(), new ArrayList<>());
            List<ServiceArea> areas = new ArrayList<>();
            int[] at = {0, -1};
            try (Stream<ComplaintHistory> histories = store.histories(HistoryFilter.all())) {
                histories.forEach(h -> {
                    at[1]++;
                    for (ProjectionRow r : ProjectionRow.ofHistory(h.events())) {
                        int i = at[0]++;
                        raw.occurred[i] = micros(r.occurredAt());
                        raw.recorded[i] = micros(r.recordedAt());
                        raw.nextOccurred[i] = r.nextOccurredAt().map(ReportBenchmark::micros).orElse(Long.MAX_VALUE);
                        raw.nextRecorded[i] = r.nextRecordedAt().map(ReportBenchmark::micros).orElse(Long.MAX_VALUE);
                        raw.type[i] = (byte) typeIndex(r.classification(), r.procedure(), r.stage());
                        if (!areas.contains(r.serviceArea())) {
                            areas.add(r.serviceArea());
                        }
                        raw.service[i] = (byte) areas.indexOf(r.serviceArea());
                        raw.bucket[i] = (byte) r.bucket().ordinal();
                        raw.complaint[i] = at[1];
                    }
                });
            }
            // the services in report order: the note's four, then the council's own by name
            List<ServiceArea> ordered = new ArrayList<>(List.of(ServiceArea.ADULTS, ServiceArea.CHILDRENS,
                    ServiceArea.CORPORATE, ServiceArea.OTHER));
            areas.stream().filter(a -> !ordered.contains(a)).sorted(Comparator.comparing(ServiceArea::name))
                    .forEach(ordered::add);
            for (int i = 0; i < n; i++) {
                raw.service[i] = (byte) ordered.indexOf(areas.get(raw.service[i]));
            }
            ordered.forEach(a -> raw.services.add(a.name()));
            return raw;
        }

        /** By type as of {@code at}, known at {@code known}. */
        ReportTable byType(long at, long known) {
            int[] counts = new int[8 * 8];
            for (int i = 0; i < occurred.length; i++) {
                if (occurred[i] <= at && recorded[i] <= known && (nextOccurred[i] > at || nextRecorded[i] > known)) {
                    counts[type[i] << 3 | bucket[i]]++;
                }
            }
            return table("Type", counts, List.of(TYPES));
        }

        /** By service as of {@code at}, known at {@code known}, of the complaints in {@code members} (or all). */
        ReportTable byService(long at, long known, long[] members) {
            int[] counts = new int[services.size() * 8];
            for (int i = 0; i < occurred.length; i++) {
                if (occurred[i] <= at && recorded[i] <= known && (nextOccurred[i] > at || nextRecorded[i] > known)
                        && (members == null || (members[complaint[i] >>> 6] & 1L << complaint[i]) != 0)) {
                    counts[service[i] << 3 | bucket[i]]++;
                }
            }
            return table("Service", counts, services);
        }

        /** The complaints open at {@code at}, as a bit set. */
        long[] openAt(long at) {
            long[] open = new long[(complaints + 63) >>> 6];
            for (int i = 0; i < occurred.length; i++) {
                if (occurred[i] <= at && nextOccurred[i] > at && bucket[i] <= StatusBucket.WITH_SERVICE.ordinal()) {
                    open[complaint[i] >>> 6] |= 1L << complaint[i];
                }
            }
            return open;
        }

        static ReportTable table(String heading, int[] counts, List<String> labels) {
            List<ReportTable.Row> rows = new ArrayList<>();
            for (int g = 0; g < labels.size(); g++) {
                int o = g << 3;
                if (counts[o] + counts[o + 1] + counts[o + 2] + counts[o + 3] + counts[o + 4] > 0) {
                    rows.add(ReportTable.Row.of(labels.get(g), counts[o], counts[o + 1], counts[o + 2],
                            counts[o + 3], counts[o + 4]));
                }
            }
            return ReportTable.of(heading, rows);
        }
    }

    /** Heap in use once the garbage is collected: the least of a few readings between collections. */
    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            least = Math.min(least, rt.totalMemory() - rt.freeMemory());
        }
        return least;
    }
}
