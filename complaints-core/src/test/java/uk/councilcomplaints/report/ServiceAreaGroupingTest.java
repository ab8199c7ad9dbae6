package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.councilcomplaints.testing.HandHistory.received;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.report.ReportTable.Row;
import uk.councilcomplaints.testing.HandHistory;

/** A service area is one value in reports: one row per code, with one label whatever the order of arrival. */
class ServiceAreaGroupingTest {

    private static final ServiceArea WASTE = ServiceArea.of("waste", "Waste");
    private static final ServiceArea WASTE_RENAMED = ServiceArea.of("waste", "Bins and waste");
    private static final ServiceArea WASTE_AGAIN = ServiceArea.of("waste", "Waste and recycling");

    private static ReportTable byServiceArea(HandHistory... histories) {
        return Reports.over(HandHistory.store(histories)).table(ReportQuery.builder(Population.all(),
                Grouping.SERVICE_AREA, LocalDate.of(2022, 1, 31)).build());
    }

    @Test
    void aCodeIsLabelledTheSameWayWhateverOrderComplaintsArriveIn() {
        HandHistory a = received("2022-01-03T09:00:00Z", Procedure.CORPORATE, WASTE);
        HandHistory b = received("2022-01-04T09:00:00Z", Procedure.CORPORATE, WASTE_RENAMED);
        HandHistory c = received("2022-01-05T09:00:00Z", Procedure.CORPORATE, WASTE_AGAIN);
        HandHistory highways = received("2022-01-05T09:00:00Z", Procedure.CORPORATE,
                ServiceArea.of("highways", "Highways"));
        List<Row> expected = List.of(Row.of("Bins and waste", 3, 0, 0, 0, 0), Row.of("Highways", 1, 0, 0, 0, 0));
        assertEquals(expected, byServiceArea(a, b, c, highways).rows());
        assertEquals(expected, byServiceArea(c, b, a, highways).rows());
        assertEquals(expected, byServiceArea(highways, c, a, b).rows());
        assertEquals(expected, byServiceArea(b, highways, c, a).rows());
    }

    @Test
    void aFilterOnAServiceAreaMatchesItsCodeWhateverTheName() {
        HandHistory a = received("2022-01-03T09:00:00Z", Procedure.CORPORATE, WASTE);
        HandHistory b = received("2022-01-04T09:00:00Z", Procedure.CORPORATE, WASTE_RENAMED);
        HandHistory other = received("2022-01-04T09:00:00Z", Procedure.CORPORATE, ServiceArea.OTHER);
        ReportTable t = Reports.over(HandHistory.store(a, b, other)).table(ReportQuery.builder(Population.all(),
                Grouping.TYPE, LocalDate.of(2022, 1, 31)).serviceAreas(WASTE_AGAIN).build());
        assertEquals(2, t.total().total());
    }
}
