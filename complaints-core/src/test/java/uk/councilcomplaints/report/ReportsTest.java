package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.councilcomplaints.testing.HandHistory.received;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.report.ReportTable.Row;
import uk.councilcomplaints.testing.HandHistory;

class ReportsTest {

    @Test
    void burnDownFollowsTheCohortDayByDay() {
        HandHistory a = received("2021-11-01T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .withdrawn("2021-12-10T09:00:00Z");
        HandHistory b = received("2021-11-02T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .withdrawn("2021-12-20T09:00:00Z");
        Reports reports = Reports.over(HandHistory.store(a, b));
        ReportQuery cohort = ReportQuery.builder(Population.openAtStartOf(LocalDate.of(2021, 12, 1)),
                Grouping.SERVICE_AREA, LocalDate.of(2021, 11, 30)).build();
        List<LocalDate> days = List.of(LocalDate.of(2021, 11, 30), LocalDate.of(2021, 12, 15),
                LocalDate.of(2021, 12, 31));
        BurnDown burnDown = reports.burnDown(cohort, days);
        assertEquals(days, burnDown.points().stream().map(BurnDown.Point::asOf).toList());
        assertEquals(List.of(2L, 1L, 0L), burnDown.points().stream().map(BurnDown.Point::open).toList());
        for (BurnDown.Point p : burnDown.points()) {
            assertEquals(reports.table(cohort.withAsOf(p.asOf())), p.table());
        }
        assertThrows(IllegalArgumentException.class, () -> reports.burnDown(cohort, List.of()));
        assertThrows(IllegalArgumentException.class, () -> reports.burnDown(cohort,
                List.of(LocalDate.of(2021, 12, 15), LocalDate.of(2021, 12, 15))));
    }

    @Test
    void nonComplaintShareCountsServiceRequestsAndSignpostedContactsOfThePeriod() {
        HandHistory sr = received("2022-01-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .reclassified("2022-01-03T10:00:00Z", Classification.SERVICE_REQUEST);
        HandHistory ncc = received("2022-01-04T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .reclassified("2022-01-06T10:00:00Z", Classification.NOT_COUNCIL_COMPLAINT);
        HandHistory complaint = received("2022-01-05T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        HandHistory outside = received("2022-02-05T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .reclassified("2022-02-05T10:00:00Z", Classification.SERVICE_REQUEST);
        Reports reports = Reports.over(HandHistory.store(sr, ncc, complaint, outside));
        LocalDate from = LocalDate.of(2022, 1, 1);
        LocalDate to = LocalDate.of(2022, 1, 31);
        assertEquals(new NonComplaintShare(from, to, LocalDate.of(2022, 3, 1), 3, 1, 1),
                reports.nonComplaintShare(from, to, LocalDate.of(2022, 3, 1), KnownAt.latest()));
        assertEquals(new NonComplaintShare(from, to, LocalDate.of(2022, 1, 5), 3, 1, 0),
                reports.nonComplaintShare(from, to, LocalDate.of(2022, 1, 5), KnownAt.latest()));
        assertEquals(2.0 / 3, reports.nonComplaintShare(from, to, LocalDate.of(2022, 3, 1), KnownAt.latest()).share(), 1e-9);
        assertEquals(new NonComplaintShare(from, to, LocalDate.of(2022, 3, 1), 0, 0, 0),
                reports.nonComplaintShare(from, to, LocalDate.of(2022, 3, 1), KnownAt.of(Instant.parse("2022-01-01T00:00:00Z"))));
        assertThrows(IllegalArgumentException.class, () -> reports.nonComplaintShare(from, to, from.minusDays(1), KnownAt.latest()));
    }

    @Test
    void officerWorkloadCountsOpenCasesPerOfficerAndLeavesIdleOfficersOut() {
        HandHistory jo1 = received("2022-01-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .triaged("2022-01-03T10:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .allocated("2022-01-03T11:00:00Z", "jo", "VoC");
        HandHistory jo2 = received("2022-01-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .triaged("2022-01-03T10:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .allocated("2022-01-03T11:00:00Z", "jo", "VoC").acknowledged("2022-01-03T12:00:00Z")
                .sentToService("2022-01-04T12:00:00Z");
        HandHistory samDone = received("2022-01-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .triaged("2022-01-03T10:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .allocated("2022-01-03T11:00:00Z", "sam", "VoC").withdrawn("2022-01-04T09:00:00Z");
        HandHistory waiting = received("2022-01-04T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        Reports reports = Reports.over(HandHistory.store(jo1, jo2, samDone, waiting));
        assertEquals(ReportTable.of("Officer", List.of(Row.of("jo", 0, 1, 1, 0, 0),
                Row.of("Not allocated", 1, 0, 0, 0, 0))), reports.officerWorkload(LocalDate.of(2022, 1, 4), KnownAt.latest()));
        assertEquals(ReportTable.of("Officer", List.of(Row.of("jo", 0, 2, 0, 0, 0), Row.of("sam", 0, 1, 0, 0, 0))),
                reports.officerWorkload(LocalDate.of(2022, 1, 3), KnownAt.latest()));
        assertEquals(ReportTable.of("Officer", List.of(Row.of("jo", 0, 2, 0, 0, 0), Row.of("sam", 0, 1, 0, 0, 0))),
                reports.officerWorkload(LocalDate.of(2022, 1, 4), KnownAt.of(Instant.parse("2022-01-03T23:00:00Z"))));
    }

    @Test
    void statutoryAnnualFiguresCountWhatHappenedInTheYear() {
        HandHistory adultUpheld = received("2021-04-01T00:00:00Z", Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS)
                .triaged("2021-04-01T10:00:00Z", Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS)
                .allocated("2021-04-01T11:00:00Z", "jo", "VoC").acknowledged("2021-04-02T09:00:00Z")
                .responded("2021-05-02T09:00:00Z", Outcome.PARTLY_UPHELD)
                .referredToOmbudsman("2021-06-02T09:00:00Z");
        // received the year before, answered in the year: not received in it, but well-founded in it
        HandHistory adultFromLastYear = received("2021-03-31T22:59:59Z", Procedure.ADULT_SOCIAL_CARE,
                ServiceArea.ADULTS)
                .triaged("2021-04-01T10:00:00Z", Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS)
                .allocated("2021-04-01T11:00:00Z", "jo", "VoC").acknowledged("2021-04-02T09:00:00Z")
                .responded("2021-05-02T09:00:00Z", Outcome.UPHELD);
        HandHistory adultNotUpheld = received("2021-09-01T09:00:00Z", Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS)
                .triaged("2021-09-01T10:00:00Z", Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS)
                .allocated("2021-09-01T11:00:00Z", "jo", "VoC").acknowledged("2021-09-02T09:00:00Z")
                .responded("2021-10-02T09:00:00Z", Outcome.NOT_UPHELD);
        HandHistory adultServiceRequest = received("2021-09-01T09:00:00Z", Procedure.ADULT_SOCIAL_CARE,
                ServiceArea.ADULTS).reclassified("2021-09-01T10:00:00Z", Classification.SERVICE_REQUEST);
        HandHistory child = received("2021-10-01T09:00:00Z", Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS)
                .triaged("2021-10-01T10:00:00Z", Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS)
                .allocated("2021-10-01T11:00:00Z", "jo", "VoC").acknowledged("2021-10-02T09:00:00Z")
                .responded("2021-10-12T09:00:00Z", Outcome.NOT_UPHELD)
                .escalated("2021-10-20T09:00:00Z", Stage.STAGE_2)
                .allocated("2021-10-21T11:00:00Z", "sam", "VoC").acknowledged("2021-10-22T09:00:00Z")
                .responded("2022-03-31T22:59:59Z", Outcome.UPHELD) // 23:59:59 BST
                .escalated("2022-04-01T09:00:00Z", Stage.STAGE_3);
        // BST: 1 April 2022 00:30 London is 31 March 23:30Z, outside the year
        HandHistory childNextYear = received("2022-03-31T23:30:00Z", Procedure.CHILDRENS_SOCIAL_CARE,
                ServiceArea.CHILDRENS);
        Reports reports = Reports.over(HandHistory.store(adultUpheld, adultFromLastYear, adultNotUpheld,
                adultServiceRequest, child, childNextYear));

        StatutoryAnnualReport r = reports.statutoryAnnual(LocalDate.of(2022, 3, 31), KnownAt.latest());
        assertEquals(LocalDate.of(2021, 4, 1), r.yearStarting());
        assertEquals(new StatutoryAnnualReport.Adults(2, 2, 1, 1), r.adults(),
                "within timescale: 20 working days; the one from last year was due on 30 April 2021");
        assertEquals(1, r.childrens().withinTimescale(Stage.STAGE_1), "due 15 October, sent 12 October");
        assertEquals(0, r.childrens().withinTimescale(Stage.STAGE_2), "25 working days, sent in March");
        assertEquals(1, r.childrens().received(Stage.STAGE_1));
        assertEquals(1, r.childrens().received(Stage.STAGE_2));
        assertEquals(0, r.childrens().received(Stage.STAGE_3));
        assertEquals(1, r.childrens().responses(Stage.STAGE_1, Outcome.NOT_UPHELD));
        assertEquals(1, r.childrens().responses(Stage.STAGE_1));
        assertEquals(1, r.childrens().responses(Stage.STAGE_2, Outcome.UPHELD));
        assertEquals(1, r.childrens().responses(Stage.STAGE_2));

        assertEquals(new StatutoryAnnualReport.Adults(1, 2, 0, 1),
                reports.statutoryAnnual(LocalDate.of(2022, 3, 31), KnownAt.of(Instant.parse("2021-06-01T00:00:00Z"))).adults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reports.statutoryAnnual(LocalDate.of(2022, 4, 30), KnownAt.latest()));
        assertEquals("the statutory year ends on 31 March, not 2022-04-30", e.getMessage());
    }

    @Test
    void housingAndCorporateComplaintsAreNotInTheStatutoryFigures() {
        ServiceArea housing = ServiceArea.of("housing", "Housing");
        HandHistory[] notStatutory = new HandHistory[2];
        int i = 0;
        for (Procedure p : List.of(Procedure.HOUSING, Procedure.CORPORATE)) {
            notStatutory[i++] = received("2021-10-01T09:00:00Z", p, housing)
                    .triaged("2021-10-01T10:00:00Z", p, housing)
                    .allocated("2021-10-01T11:00:00Z", "jo", "VoC").acknowledged("2021-10-02T09:00:00Z")
                    .responded("2021-10-12T09:00:00Z", Outcome.UPHELD)
                    .escalated("2021-10-20T09:00:00Z", Stage.STAGE_2)
                    .allocated("2021-10-21T11:00:00Z", "sam", "VoC").acknowledged("2021-10-22T09:00:00Z")
                    .responded("2021-11-02T09:00:00Z", Outcome.UPHELD)
                    .referredToOmbudsman("2021-12-01T09:00:00Z");
        }
        StatutoryAnnualReport r = Reports.over(HandHistory.store(notStatutory))
                .statutoryAnnual(LocalDate.of(2022, 3, 31), KnownAt.latest());
        assertEquals(new StatutoryAnnualReport.Adults(0, 0, 0, 0), r.adults());
        for (Stage stage : Stage.values()) {
            assertEquals(0, r.childrens().received(stage));
            assertEquals(0, r.childrens().responses(stage));
            assertEquals(0, r.childrens().withinTimescale(stage));
        }
    }
}
