package uk.councilcomplaints.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ids order as unsigned 128-bit numbers, as SQL databases order UUID columns (java.util.UUID does not). */
class ComplaintIdOrderTest {

    @Test
    void idsOrderAsUnsignedNumbers() {
        List<ComplaintId> ascending = List.of("00000000-0000-0000-0000-000000000000",
                "00000000-0000-0000-7fff-ffffffffffff", "00000000-0000-0000-8000-000000000000",
                "00000000-0000-0001-0000-000000000000", "7fffffff-ffff-ffff-ffff-ffffffffffff",
                "80000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff")
                .stream().map(ComplaintId::parse).toList();
        List<ComplaintId> shuffled = new ArrayList<>(ascending);
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 1, 4);
        Collections.sort(shuffled);
        assertEquals(ascending, shuffled);
        assertEquals(0, ascending.get(3).compareTo(ComplaintId.parse("00000000-0000-0001-0000-000000000000")));
    }
}
