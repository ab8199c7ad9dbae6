package uk.councilcomplaints.examples.bench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import uk.councilcomplaints.sla.WorkingCalendar;

/**
 * Times {@link WorkingCalendar#plusWorkingDays} against a day-by-day loop over
 * {@link WorkingCalendar#isWorkingDay}, on the same 1,000,000 due dates in the same run, and checks
 * that both give identical results. Prints nanoseconds per call and the speed-up, with PASS or FAIL
 * against a 20x target. Exit status: 0 on PASS, 1 if the results differ, 2 on FAIL.
 *
 * <p>Run with the classes of this module and of complaints-core and its runtime dependencies on
 * the class path; no arguments.
 */
public final class WorkingCalendarBenchmark {

    private static final int CALLS = 1_000_000;
    private static final long SEED = 20_220_124L;
    private static final LocalDate FIRST_START = LocalDate.of(2005, 1, 1);
    private static final LocalDate LAST_START = LocalDate.of(2030, 12, 31);
    private static final int MAX_DAYS = 65;
    private static final int WARM_UP_ROUNDS = 3;
    private static final int TIMED_ROUNDS = 7;
    private static final double TARGET_SPEED_UP = 20.0;

    private WorkingCalendarBenchmark() {}

    /** Runs the benchmark; takes no arguments. */
    public static void main(String[] args) {
        WorkingCalendar calendar = WorkingCalendar.englandAndWales();
        LocalDate[] starts = new LocalDate[CALLS];
        int[] days = new int[CALLS];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < CALLS; i++) {
            LocalDate start;
            do {
                start = LocalDate.ofEpochDay(random.nextLong(FIRST_START.toEpochDay(), LAST_START.toEpochDay() + 1));
            } while (!calendar.isWorkingDay(start));
            starts[i] = start;
            days[i] = random.nextInt(MAX_DAYS + 1);
        }

        LocalDate[] indexed = new LocalDate[CALLS];
        LocalDate[] naive = new LocalDate[CALLS];
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            runIndexed(calendar, starts, days, indexed);
            runNaive(calendar, starts, days, naive);
        }
        long[] indexedNanos = new long[TIMED_ROUNDS];
        long[] naiveNanos = new long[TIMED_ROUNDS];
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            indexedNanos[round] = runIndexed(calendar, starts, days, indexed);
            naiveNanos[round] = runNaive(calendar, starts, days, naive);
        }

        System.out.printf(Locale.ROOT, "WorkingCalendar.plusWorkingDays: %,d calls per round, working-day starts %s..%s,"
                + " n in 0..%d, seed %d%n", CALLS, FIRST_START, LAST_START, MAX_DAYS, SEED);
        System.out.printf(Locale.ROOT, "rounds: %d warm-up + %d timed per implementation, interleaved%n",
                WARM_UP_ROUNDS, TIMED_ROUNDS);
        for (int i = 0; i < CALLS; i++) {
            if (!indexed[i].equals(naive[i])) {
                System.out.printf(Locale.ROOT, "MISMATCH at call %d: %s + %d working days: indexed %s, naive %s%n",
                        i, starts[i], days[i], indexed[i], naive[i]);
                System.exit(1);
            }
        }
        System.out.println("results: identical for all " + String.format(Locale.ROOT, "%,d", CALLS) + " calls");

        double indexedBest = perCall(min(indexedNanos));
        double indexedMedian = perCall(median(indexedNanos));
        double naiveBest = perCall(min(naiveNanos));
        double naiveMedian = perCall(median(naiveNanos));
        System.out.printf(Locale.ROOT, "indexed: best %8.1f ns/call, median %8.1f ns/call%n", indexedBest, indexedMedian);
        System.out.printf(Locale.ROOT, "naive:   best %8.1f ns/call, median %8.1f ns/call%n", naiveBest, naiveMedian);
        double speedUp = naiveMedian / indexedMedian;
        System.out.printf(Locale.ROOT, "speed-up: %.1fx by median (%.1fx by best); target %.0fx: %s%n",
                speedUp, naiveBest / indexedBest, TARGET_SPEED_UP, speedUp >= TARGET_SPEED_UP ? "PASS" : "FAIL");
        if (speedUp < TARGET_SPEED_UP) {
            System.exit(2);
        }
    }

    private static long runIndexed(WorkingCalendar calendar, LocalDate[] starts, int[] days, LocalDate[] out) {
        long began = System.nanoTime();
        for (int i = 0; i < starts.length; i++) {
            out[i] = calendar.plusWorkingDays(starts[i], days[i]);
        }
        return System.nanoTime() - began;
    }

    private static long runNaive(WorkingCalendar calendar, LocalDate[] starts, int[] days, LocalDate[] out) {
        long began = System.nanoTime();
        for (int i = 0; i < starts.length; i++) {
            out[i] = naivePlusWorkingDays(calendar, starts[i], days[i]);
        }
        return System.nanoTime() - began;
    }

    /** The reference: walks one day at a time, with the same meaning as plusWorkingDays. */
    private static LocalDate naivePlusWorkingDays(WorkingCalendar calendar, LocalDate start, int days) {
        LocalDate date = start;
        if (days == 0) {
            while (!calendar.isWorkingDay(date)) {
                date = date.plusDays(1);
            }
            return date;
        }
        for (int counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (calendar.isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    private static double perCall(long nanos) {
        return (double) nanos / CALLS;
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
