package uk.councilcomplaints.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void percentilesByNearestRank() {
        Samples s = new Samples();
        for (int i = 1; i <= 200; i++) { // 1 to 200 ms
            s.add(0, i * 1_000_000L);
        }
        assertEquals(100.0, s.percentileMillis(50));
        assertEquals(198.0, s.percentileMillis(99));
        assertEquals(200.0, s.maxMillis());
        assertEquals(0.0, new Samples().percentileMillis(99));
    }

    @Test
    void splitsOperationsByWhetherAnIntervalOverlappedThem() {
        Samples reports = new Samples();
        reports.add(100, 200);
        reports.add(150, 300); // merged with the first: 100..300
        reports.add(1_000, 1_100);
        Samples commands = new Samples();
        commands.add(0, 99); // before every report
        commands.add(0, 100); // ends as one starts
        commands.add(250, 260); // inside the merged interval
        commands.add(301, 999); // between two reports
        commands.add(1_100, 1_200); // starts as one ends
        commands.add(1_101, 1_300); // after every report
        Samples[] split = commands.splitByOverlap(reports);
        assertEquals(3, split[0].size());
        assertEquals(3, split[1].size());
        assertEquals(1e-4, split[0].maxMillis()); // 0..100, 250..260 and 1100..1200: the longest 100 ns
        assertEquals(698e-6, split[1].maxMillis());
    }

    @Test
    void keepsEverySampleAsItGrows() {
        Samples a = new Samples();
        for (int i = 0; i < 5_000; i++) {
            a.add(i, i + 1_000_000L);
        }
        Samples b = new Samples();
        b.add(0, 3_000_000L);
        Samples all = Samples.merge(List.of(a, b));
        assertEquals(5_001, all.size());
        assertEquals(3.0, all.maxMillis());
        assertEquals(1.0, all.percentileMillis(50));
    }
}
