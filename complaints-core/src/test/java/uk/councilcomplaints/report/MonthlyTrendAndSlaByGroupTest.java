package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.councilcomplaints.testing.HandHistory.received;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.testing.HandHistory;

/**
 * {@link Reports#monthlyTrend} and {@link Reports#slaPerformance(LocalDate, LocalDate, LocalDate, Grouping, KnownAt)}
 * over five hand-made cases, every cell worked out by hand (corporate: acknowledge in 5 working days, respond in 10
 * from the acknowledgement).
 */
class MonthlyTrendAndSlaByGroupTest {

    private static final LocalDate JAN_1 = LocalDate.of(2022, 1, 1);
    private static final LocalDate JAN_31 = LocalDate.of(2022, 1, 31);
    private static final LocalDate FEB_28 = LocalDate.of(2022, 2, 28);

    /** Acknowledged on time, responded on time on 10 January (4 working days) by ann. */
    private final HandHistory a = received("2022-01-04T09:00", Procedure.CORPORATE, ServiceArea.CORPORATE)
            .triaged("2022-01-04T10:00").allocated("2022-01-04T11:00", "ann", "North")
            .acknowledged("2022-01-05T10:00").responded("2022-01-10T10:00");
    /** Acknowledged late, extended, reallocated to bob, who responded on time on 1 February (19 working days). */
    private final HandHistory b = received("2022-01-05T09:00", Procedure.CORPORATE, ServiceArea.CORPORATE)
            .triaged("2022-01-10T10:00").allocated("2022-01-10T11:00", "ann", "North")
            .acknowledged("2022-01-14T10:00").extended("2022-01-20T10:00", 5)
            .allocated("2022-01-25T10:00", "bob", "South").responded("2022-02-01T10:00");
    /** Children's, with cy, never acknowledged nor answered: overdue by the end of February. */
    private final HandHistory c = received("2022-01-06T09:00", Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS)
            .allocated("2022-01-06T10:00", "cy", "North");
    /** A service request, closed on 7 January. */
    private final HandHistory d = received("2022-01-07T09:00", Procedure.CORPORATE, ServiceArea.CORPORATE)
            .reclassified("2022-01-07T12:00", Classification.SERVICE_REQUEST);
    /** February: acknowledged on 2 February, due on the 16th, responded late on the 25th. */
    private final HandHistory e = received("2022-02-01T09:00", Procedure.CORPORATE, ServiceArea.CORPORATE)
            .triaged("2022-02-01T10:00").allocated("2022-02-01T11:00", "ann", "North")
            .acknowledged("2022-02-02T10:00").responded("2022-02-25T10:00");

    private final Reports reports = Reports.over(HandHistory.store(a, b, c, d, e));

    @Test
    void monthlyTrendCountsReceivedClosedAndRespondedInTheMonthTheyHappened() {
        MonthlyTrend trend = reports.monthlyTrend(JAN_1, FEB_28, KnownAt.latest());
        assertEquals(List.of(
                // a, b, c, d received; d (service request) and a (responded) closed; a responded on time
                new MonthlyTrend.Row(YearMonth.of(2022, 1), "", new MonthlyTrend.Counts(4, 2, 1, 1)),
                // e received; b (on time) and e (late) responded, and so closed
                new MonthlyTrend.Row(YearMonth.of(2022, 2), "", new MonthlyTrend.Counts(1, 2, 2, 1))), trend.rows());
        assertEquals(new MonthlyTrend.Counts(5, 4, 3, 2), trend.total());
        assertEquals("month,received,closed,responded,responded_on_time,on_time_percent\r\n"
                + "2022-01,4,2,1,1,100.0\r\n"
                + "2022-02,1,2,2,1,50.0\r\n"
                + "Total,5,4,3,2,66.7\r\n", ReportFormat.CSV.render(trend));
    }

    @Test
    void monthlyTrendByProcedureAsEachCaseStoodAtTheEnd() {
        MonthlyTrend trend = reports.monthlyTrend(JAN_1, FEB_28, Grouping.PROCEDURE, KnownAt.latest());
        assertEquals(Optional.of(Grouping.PROCEDURE), trend.grouping());
        assertEquals("month,group,received,closed,responded,responded_on_time,on_time_percent\r\n"
                + "2022-01,Statutory Children,1,0,0,0,\r\n"
                + "2022-01,Corporate,3,2,1,1,100.0\r\n"
                + "2022-02,Corporate,1,2,2,1,50.0\r\n"
                + "Total,,5,4,3,2,66.7\r\n", ReportFormat.CSV.render(trend));
        String text = ReportFormat.TEXT.render(trend);
        assertEquals("Month    Procedure           Received  Closed  Responded  Responded on time  On time (%)",
                text.lines().findFirst().orElseThrow());
    }

    @Test
    void monthlyTrendCutsTheMonthsAtThePeriodAndCountsOnlyWhatWasKnown() {
        // from 6 January: c and d received, d and a closed, a responded
        assertEquals(new MonthlyTrend.Counts(2, 2, 1, 1), reports.monthlyTrend(LocalDate.of(2022, 1, 6), JAN_31,
                KnownAt.latest()).total());
        // as known at 8 January: a not yet responded
        MonthlyTrend known = reports.monthlyTrend(JAN_1, FEB_28,
                KnownAt.of(Instant.parse("2022-01-08T00:00:00Z")));
        assertEquals(new MonthlyTrend.Counts(4, 1, 0, 0), known.rows().get(0).counts());
        assertEquals(new MonthlyTrend.Counts(0, 0, 0, 0), known.rows().get(1).counts());
        assertThrows(IllegalArgumentException.class, () -> reports.monthlyTrend(FEB_28, JAN_1, KnownAt.latest()));
    }

    @Test
    void slaByOfficerCountsEachStageForTheOfficerWhenTheResponseWasSent() {
        SlaPerformanceByGroup byOfficer = reports.slaPerformance(JAN_1, JAN_31, FEB_28, Grouping.OFFICER,
                KnownAt.latest());
        assertEquals(List.of(
                new SlaPerformanceByGroup.Row("ann", 1, 1, 0, 1, 1, 0, 0, OptionalDouble.of(4)),
                new SlaPerformanceByGroup.Row("bob", 1, 0, 1, 1, 1, 0, 1, OptionalDouble.of(19)),
                new SlaPerformanceByGroup.Row("cy", 1, 0, 0, 0, 0, 1, 0, OptionalDouble.empty())),
                byOfficer.rows());
        assertEquals(new SlaPerformanceByGroup.Row("Total", 3, 1, 1, 2, 2, 1, 1, OptionalDouble.of(11.5)),
                byOfficer.total());
        assertEquals("group,started,met_on_time,late,open_overdue,median_working_days\r\n"
                + "ann,1,1,0,0,4.0\r\n"
                + "bob,1,1,0,0,19.0\r\n"
                + "cy,1,0,0,1,\r\n"
                + "Total,3,2,0,1,11.5\r\n", ReportFormat.CSV.render(byOfficer));
        assertEquals("Officer", ReportFormat.TEXT.render(byOfficer).substring(0, 7));
    }

    @Test
    void slaByServiceAreaAndAsKnownEarlier() {
        SlaPerformanceByGroup byService = reports.slaPerformance(JAN_1, JAN_31, FEB_28, Grouping.SERVICE_AREA,
                KnownAt.latest());
        assertEquals("group,started,met_on_time,late,open_overdue,median_working_days\r\n"
                + "Children's,1,0,0,1,\r\n"
                + "Corporate,2,2,0,0,11.5\r\n"
                + "Total,3,2,0,1,11.5\r\n", ReportFormat.CSV.render(byService));
        // as known at the end of January: b's response not recorded, and due (with its extension) on 4 February
        SlaPerformanceByGroup known = reports.slaPerformance(JAN_1, JAN_31, FEB_28, Grouping.OFFICER,
                KnownAt.of(Instant.parse("2022-01-31T23:00:00Z")));
        assertEquals(new SlaPerformanceByGroup.Row("bob", 1, 0, 1, 0, 0, 1, 1, OptionalDouble.empty()),
                known.rows().get(1));
    }
}
