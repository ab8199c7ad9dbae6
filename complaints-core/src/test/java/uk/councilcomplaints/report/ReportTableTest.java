package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.model.StatusBucket;
import uk.councilcomplaints.report.ReportTable.Row;

class ReportTableTest {

    @Test
    void totalsAddUpWhateverTheRows() {
        qt().forAll(lists().of(lists().of(integers().between(0, 1_000_000)).ofSize(5)).ofSizeBetween(0, 12))
                .checkAssert(counts -> {
                    List<Row> rows = new ArrayList<>();
                    for (int i = 0; i < counts.size(); i++) {
                        List<Integer> c = counts.get(i);
                        rows.add(Row.of("g" + i, c.get(0), c.get(1), c.get(2), c.get(3), c.get(4)));
                    }
                    ReportTable t = ReportTable.of("Group", rows);
                    for (int i = 0; i < rows.size(); i++) {
                        assertEquals(counts.get(i).stream().mapToLong(Integer::longValue).sum(),
                                t.rows().get(i).total());
                    }
                    for (StatusBucket b : StatusBucket.values()) {
                        assertEquals(counts.stream().mapToLong(c -> c.get(b.ordinal())).sum(), t.total().count(b));
                    }
                    assertEquals(counts.stream().flatMap(List::stream).mapToLong(Integer::longValue).sum(),
                            t.total().total());
                    assertEquals(t.total(), t.withoutEmptyRows().total());
                    assertEquals(rows.stream().filter(r -> r.total() > 0).toList(), t.withoutEmptyRows().rows());
                });
    }

    @Test
    void rowsAreCheckedAndComparedByValue() {
        Map<StatusBucket, Long> missing = new EnumMap<>(StatusBucket.class);
        missing.put(StatusBucket.COMPLETE, 1L);
        assertThrows(IllegalArgumentException.class, () -> new Row("A", missing));
        assertThrows(IllegalArgumentException.class, () -> Row.of("A", 0, -1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Row.of(" ", 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ReportTable.of("Service", List.of(Row.of("A", 1, 0, 0, 0, 0), Row.of("A", 0, 0, 0, 0, 1))));
        ReportTable a = ReportTable.of("Service", List.of(Row.of("A", 1, 2, 3, 4, 5)));
        assertEquals(a, ReportTable.of("Service", List.of(Row.of("A", 1, 2, 3, 4, 5))));
        assertNotEquals(a, ReportTable.of("Type", List.of(Row.of("A", 1, 2, 3, 4, 5))));
        assertNotEquals(a, ReportTable.of("Service", List.of(Row.of("A", 1, 2, 3, 5, 4))));
        assertEquals(1 + 2 + 3, a.row("A").orElseThrow().open());
        assertEquals(1 + 2 + 3 + 4 + 5, a.total().total());
    }
}
