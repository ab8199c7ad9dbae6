package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.sla.WorkingCalendar;

/** Ages in working days to real dates, each bucket's edges, percentiles by nearest rank, groups and the oldest. */
class AgeingReportTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();
    /** Friday 29 April 2022; Monday 2 May was the early May bank holiday. */
    private static final LocalDate AS_OF = LocalDate.of(2022, 4, 29);

    private static AgeingReport.Case received(LocalDate day, String officer, ServiceArea area) {
        return new AgeingReport.Case(ComplaintId.random(), "R-" + day, LondonDays.startOf(day).plusSeconds(9 * 3600),
                area, Optional.ofNullable(officer), Procedure.CORPORATE);
    }

    @Test
    void ageIsTheWorkingDaysAfterTheDayReceivedUpToTheDayAndEachBucketHasItsEdges() {
        // working days back from Friday 29 April 2022 (Good Friday 15 April and Easter Monday 18 April closed)
        LocalDate five = LocalDate.of(2022, 4, 22);   // 5: 25-29 April
        LocalDate six = LocalDate.of(2022, 4, 21);    // 6
        LocalDate easter = LocalDate.of(2022, 4, 14); // 9: Good Friday and Easter Monday are not working days
        List<AgeingReport.Case> cases = new ArrayList<>();
        for (LocalDate d : List.of(AS_OF, five, six, easter)) {
            cases.add(received(d, "ann", ServiceArea.ADULTS));
        }
        AgeingReport r = AgeingReport.of(AS_OF, AgeingReport.By.OFFICER, 10, cases, CALENDAR);
        assertEquals(0, r.oldest().stream().filter(a -> a.reference().equals("R-" + AS_OF)).findFirst().orElseThrow()
                .workingDays(), "received today: 0");
        assertEquals(5, ageOf(r, five));
        assertEquals(6, ageOf(r, six));
        assertEquals(9, ageOf(r, easter));
        assertEquals(List.of(2L, 2L, 0L, 0L, 0L), r.total().counts(), "5 is in 0-5, 6 in 6-10");
    }

    private static int ageOf(AgeingReport r, LocalDate received) {
        return r.oldest().stream().filter(a -> a.reference().equals("R-" + received)).findFirst().orElseThrow()
                .workingDays();
    }

    @Test
    void bucketsSplitAtSixElevenTwentyOneAndFortyOne() {
        assertEquals(List.of(0, 0, 1, 1, 2, 2, 3, 3, 4), List.of(0, 5, 6, 10, 11, 20, 21, 40, 41).stream()
                .map(AgeingReport::bucketOf).toList());
        assertEquals(4, AgeingReport.bucketOf(500));
    }

    @Test
    void medianAndNinetiethPercentileAreByNearestRank() {
        int[] ages = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, AgeingReport.rank(ages, 50));
        assertEquals(9, AgeingReport.rank(ages, 90));
        assertEquals(7, AgeingReport.rank(new int[] {7}, 90));
        assertEquals(0, AgeingReport.rank(new int[] {}, 50));
        AgeingReport empty = AgeingReport.of(AS_OF, AgeingReport.By.SERVICE_AREA, 3, List.of(), CALENDAR);
        assertEquals(List.of(), empty.rows());
        assertEquals(0, empty.total().total());
        assertEquals(0, empty.median());
    }

    @Test
    void rowsAreGroupedAndLabelledAndTheOldestComeFirst() {
        List<AgeingReport.Case> cases = List.of(received(LocalDate.of(2022, 1, 4), "bob", ServiceArea.ADULTS),
                received(LocalDate.of(2022, 3, 1), null, ServiceArea.CHILDRENS),
                received(LocalDate.of(2022, 4, 1), "bob", ServiceArea.ADULTS));
        AgeingReport byOfficer = AgeingReport.of(AS_OF, AgeingReport.By.OFFICER, 2, cases, CALENDAR);
        assertEquals(List.of("Not allocated", "bob"), byOfficer.rows().stream().map(AgeingReport.Row::label).toList());
        assertEquals(List.of("R-2022-01-04", "R-2022-03-01"), byOfficer.oldest().stream()
                .map(AgeingReport.Aged::reference).toList());
        AgeingReport byArea = AgeingReport.of(AS_OF, AgeingReport.By.SERVICE_AREA, 0, cases, CALENDAR);
        assertEquals(2, byArea.rows().size());
        assertEquals(List.of(), byArea.oldest());
        assertEquals(3, byArea.total().total());
        assertThrows(IllegalArgumentException.class,
                () -> AgeingReport.of(AS_OF, AgeingReport.By.SERVICE_AREA, -1, cases, CALENDAR));
    }
}
