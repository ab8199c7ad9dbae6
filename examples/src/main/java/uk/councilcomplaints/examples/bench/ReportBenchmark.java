package uk.councilcomplaints.examples.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.ReportTable;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/**
 * Times the by-type report as of a day over 250k, 500k and 1M complaints (about five events each) in the
 * memory store, against a hand-written single pass over the same histories in the same run, and measures
 * the store's heap per complaint. Targets: the report within 2 times the hand-written pass; at most 1 KB
 * of heap per complaint with its history (no personal data is stored). Run with a large heap, e.g.
 * <pre>
 * mvn -B -o -q -pl examples -am package -DskipTests org.codehaus.mojo:exec-maven-plugin:3.5.0:exec \
 *     -Dexec.executable=java -Dexec.args="-Xmx8g -cp %classpath uk.councilcomplaints.examples.bench.ReportBenchmark"
 * </pre>
 * Arguments: the numbers of complaints, if not the default three; {@code --personal-data} also stores each
 * complaint's personal data (a name, an email and a one-line summary) and counts it in the heap figure.
 */
public final class ReportBenchmark {

    private static final LocalDate AS_OF = LocalDate.of(2022, 3, 31);
    private static final double MAX_RATIO = 2.0;
    private static final long MAX_BYTES = 1024;
    private static final int WARM_UPS = 3;
    private static final int RUNS = 7;
    private static final String[] TYPES = {"Statutory Adults", "Statutory Children Stage 1",
        "Statutory Children Stage 2", "Statutory Children Stage 3", "Corporate Stage 1", "Corporate Stage 2",
        "Service requests / not a council complaint"};

    private ReportBenchmark() {
    }

    private record Result(int complaints, long events, long bytesPerComplaint, double reportMillis,
            double handMillis) {
        double ratio() {
            return reportMillis / handMillis;
        }

        double nanosPerComplaint() {
            return reportMillis * 1e6 / complaints;
        }
    }

    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        boolean personalData = false;
        for (String a : args) {
            if (a.equals("--personal-data")) {
                personalData = true;
            } else {
                sizes.add(Integer.parseInt(a.replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(250_000, 500_000, 1_000_000);
        }
        System.out.printf(Locale.ROOT, "By-type report as of %s, memory store%s; Java %s, max heap %d MB%n", AS_OF,
                personalData ? " with personal data" : "", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%10s %10s %8s %11s %9s %6s %13s%n", "complaints", "events", "B/compl",
                "report ms", "hand ms", "ratio", "ns/complaint");
        List<Result> results = new ArrayList<>();
        for (int n : sizes) {
            Result r = run(n, personalData);
            results.add(r);
            System.out.printf(Locale.ROOT, "%,10d %,10d %8d %11.1f %9.1f %6.2f %13.1f%n", r.complaints(), r.events(),
                    r.bytesPerComplaint(), r.reportMillis(), r.handMillis(), r.ratio(), r.nanosPerComplaint());
        }
        Result largest = results.get(results.size() - 1);
        Result smallest = results.get(0);
        boolean timePass = results.stream().allMatch(r -> r.ratio() <= MAX_RATIO);
        boolean heapPass = results.stream().allMatch(r -> r.bytesPerComplaint() <= MAX_BYTES);
        System.out.printf(Locale.ROOT, "time:   report / hand-written pass <= %.1f: %s (largest %.2f)%n", MAX_RATIO,
                timePass ? "PASS" : "FAIL", largest.ratio());
        System.out.printf(Locale.ROOT, "heap:   bytes per complaint <= %d: %s (largest %d)%n", MAX_BYTES,
                heapPass ? "PASS" : "FAIL", largest.bytesPerComplaint());
        System.out.printf(Locale.ROOT, "growth: ns per complaint from %,d to %,d complaints: %.1f to %.1f (x%.2f)%n",
                smallest.complaints(), largest.complaints(), smallest.nanosPerComplaint(), largest.nanosPerComplaint(),
                largest.nanosPerComplaint() / smallest.nanosPerComplaint());
    }

    private static Result run(int n, boolean personalData) {
        long baseline = usedHeapAfterGc();
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        long events = new BenchmarkData(n, personalData).load(store, n);
        long bytes = (usedHeapAfterGc() - baseline) / n;

        ReportQuery byType = ReportQuery.builder(Population.all(), Grouping.TYPE, AS_OF).build();
        Reports reports = Reports.over(store);
        Instant end = LondonDays.endOf(AS_OF);
        ReportTable expected = handWritten(store, end);
        for (int i = 0; i < WARM_UPS; i++) {
            check(expected, reports.table(byType));
            check(expected, handWritten(store, end));
        }
        long bestReport = Long.MAX_VALUE;
        long bestHand = Long.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            ReportTable report = reports.table(byType);
            long t1 = System.nanoTime();
            ReportTable hand = handWritten(store, end);
            long t2 = System.nanoTime();
            check(expected, report);
            check(expected, hand);
            bestReport = Math.min(bestReport, t1 - t0);
            bestHand = Math.min(bestHand, t2 - t1);
        }
        if (store.size() != n) {
            throw new IllegalStateException("the store lost complaints");
        }
        return new Result(n, events, bytes, bestReport / 1e6, bestHand / 1e6);
    }

    private static void check(ReportTable expected, ReportTable actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("the report differs from the hand-written pass:\n" + actual + "\n"
                    + expected);
        }
    }

    /** The same counts by a single pass written for this one report: type and bucket as of the end of the day. */
    private static ReportTable handWritten(InMemoryComplaintStore store, Instant end) {
        long[][] counts = new long[TYPES.length][StatusBucket.values().length];
        boolean[] present = new boolean[TYPES.length];
        try (Stream<ComplaintHistory> histories = store.histories()) {
            histories.forEach(h -> {
                Classification classification = Classification.COMPLAINT;
                Procedure procedure = null;
                Stage stage = Stage.STAGE_1;
                ComplaintEvent last = null;
                for (ComplaintEvent e : h.events()) {
                    if (!e.occurredAt().isBefore(end)) {
                        break;
                    }
                    last = e;
                    EventData d = e.data();
                    if (d instanceof EventData.Received r) {
                        procedure = r.procedure();
                    } else if (d instanceof EventData.Triaged t) {
                        procedure = t.procedure();
                    } else if (d instanceof EventData.Reclassified r) {
                        classification = r.classification();
                    } else if (d instanceof EventData.Escalated x) {
                        stage = x.to();
                    }
                }
                if (last != null) {
                    int type = classification != Classification.COMPLAINT ? 6
                            : procedure == Procedure.ADULT_SOCIAL_CARE ? 0
                            : procedure == Procedure.CHILDRENS_SOCIAL_CARE ? stage.ordinal() + 1 : stage.ordinal() + 4;
                    present[type] = true;
                    counts[type][last.status().bucket().ordinal()]++;
                }
            });
        }
        List<ReportTable.Row> rows = new ArrayList<>();
        for (int t = 0; t < TYPES.length; t++) {
            if (present[t]) {
                long[] c = counts[t];
                rows.add(ReportTable.Row.of(TYPES[t], c[0], c[1], c[2], c[3], c[4]));
            }
        }
        return ReportTable.of("Type", rows);
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
