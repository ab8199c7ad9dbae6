package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.councilcomplaints.testing.HandHistory.received;
import static uk.councilcomplaints.testing.HandHistory.receivedLate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.report.ReportTable.Row;
import uk.councilcomplaints.testing.HandHistory;

class AggregationTest {

    private static final ServiceArea HIGHWAYS = ServiceArea.of("highways", "Highways");
    private static final ServiceArea WASTE = ServiceArea.of("waste", "Bins and waste");

    private static ReportTable table(ReportQuery query, HandHistory... histories) {
        return Reports.over(HandHistory.store(histories)).table(query);
    }

    private static ReportQuery.Builder all(Grouping grouping, String asOf) {
        return ReportQuery.builder(Population.all(), grouping, LocalDate.parse(asOf));
    }

    @Test
    void theDayEndsAtMidnightInLondonSummerAndWinter() {
        // 23:59:59 BST on 30 June is 22:59:59Z; 00:30 BST on 1 July is 23:30Z on 30 June
        HandHistory lastSecond = received("2022-06-30T22:59:59Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        HandHistory nextDay = received("2022-06-30T23:30:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        HandHistory winter = received("2022-01-31T23:59:59Z", Procedure.CORPORATE, ServiceArea.CORPORATE);

        assertEquals(2, table(all(Grouping.TYPE, "2022-06-30").build(), lastSecond, nextDay, winter).total().total());
        assertEquals(3, table(all(Grouping.TYPE, "2022-07-01").build(), lastSecond, nextDay, winter).total().total());
        assertEquals(1, table(all(Grouping.TYPE, "2022-01-31").build(), lastSecond, nextDay, winter).total().total());
        assertEquals(0, table(all(Grouping.TYPE, "2022-01-30").build(), lastSecond, nextDay, winter).total().total());
    }

    @Test
    void statusesAreCountedAsOfTheEndOfTheDay() {
        HandHistory c = received("2022-01-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .triaged("2022-01-03T10:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .allocated("2022-01-04T10:00:00Z", "jo", "VoC")
                .acknowledged("2022-01-04T11:00:00Z")
                .sentToService("2022-01-05T09:00:00Z")
                .responded("2022-01-10T00:00:00Z", Outcome.UPHELD);
        assertEquals(List.of(Row.of("Corporate", 1, 0, 0, 0, 0)),
                table(all(Grouping.SERVICE_AREA, "2022-01-03").build(), c).rows());
        assertEquals(List.of(Row.of("Corporate", 0, 1, 0, 0, 0)),
                table(all(Grouping.SERVICE_AREA, "2022-01-04").build(), c).rows());
        assertEquals(List.of(Row.of("Corporate", 0, 0, 1, 0, 0)),
                table(all(Grouping.SERVICE_AREA, "2022-01-09").build(), c).rows());
        assertEquals(List.of(Row.of("Corporate", 0, 0, 0, 1, 0)),
                table(all(Grouping.SERVICE_AREA, "2022-01-10").build(), c).rows());
    }

    @Test
    void aCohortOpenAtTheStartOfADayKeepsItsClosedGroupsAsRowsOfZerosWhenStillOpenOnly() {
        HandHistory openAdult = received("2021-11-01T09:00:00Z", Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS);
        HandHistory closedOther = received("2021-11-02T09:00:00Z", Procedure.CORPORATE, ServiceArea.OTHER)
                .withdrawn("2021-12-05T09:00:00Z");
        // responded at the very start of 1 December: it was still open at the start of the day
        HandHistory respondedAtMidnight = received("2021-11-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .triaged("2021-11-03T10:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .allocated("2021-11-03T11:00:00Z", "jo", "VoC").acknowledged("2021-11-03T12:00:00Z")
                .responded("2021-12-01T00:00:00Z", Outcome.NOT_UPHELD);
        HandHistory closedBefore = received("2021-11-04T09:00:00Z", Procedure.CORPORATE, HIGHWAYS)
                .withdrawn("2021-11-30T09:00:00Z");
        HandHistory receivedOnTheDay = received("2021-12-01T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        HandHistory[] all = {openAdult, closedOther, respondedAtMidnight, closedBefore, receivedOnTheDay};
        Population backlog = Population.openAtStartOf(LocalDate.of(2021, 12, 1));

        ReportTable december = table(ReportQuery.builder(backlog, Grouping.SERVICE_AREA, LocalDate.of(2021, 11, 30))
                .build(), all);
        assertEquals(List.of(Row.of("Adults", 1, 0, 0, 0, 0), Row.of("Corporate", 0, 1, 0, 0, 0),
                Row.of("Other", 1, 0, 0, 0, 0)), december.rows());

        ReportTable later = table(ReportQuery.builder(backlog, Grouping.SERVICE_AREA, LocalDate.of(2021, 12, 31))
                .stillOpen().build(), all);
        assertEquals(List.of(Row.of("Adults", 1, 0, 0, 0, 0), Row.of("Corporate", 0, 0, 0, 0, 0),
                Row.of("Other", 0, 0, 0, 0, 0)), later.rows());
        assertEquals(Row.of("Total", 1, 0, 0, 0, 0), later.total());
    }

    @Test
    void fixedRowsComeFirstInTheirOrderAndNothingCountedIsLeftOut() {
        HandHistory adults = received("2022-01-03T09:00:00Z", Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS);
        HandHistory other = received("2022-01-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.OTHER);
        HandHistory closedHighways = received("2022-01-03T09:00:00Z", Procedure.CORPORATE, HIGHWAYS)
                .withdrawn("2022-01-04T09:00:00Z");
        ReportTable t = table(all(Grouping.SERVICE_AREA, "2022-01-05").stillOpen()
                .rows("Corporate", "Adults").build(), adults, other, closedHighways);
        assertEquals(List.of(Row.of("Corporate", 0, 0, 0, 0, 0), Row.of("Adults", 1, 0, 0, 0, 0),
                Row.of("Other", 1, 0, 0, 0, 0)), t.rows(), "Highways counts nothing and is not fixed: left out");
    }

    @Test
    void serviceAreasInTheNotesOrderThenTheCouncilsOwnByName() {
        HandHistory[] hs = {
            received("2022-01-03T09:00:00Z", Procedure.CORPORATE, HIGHWAYS),
            received("2022-01-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.OTHER),
            received("2022-01-03T09:00:00Z", Procedure.CORPORATE, WASTE),
            received("2022-01-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE),
            received("2022-01-03T09:00:00Z", Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS),
            received("2022-01-03T09:00:00Z", Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS)};
        assertEquals(List.of("Adults", "Children's", "Corporate", "Other", "Bins and waste", "Highways"),
                table(all(Grouping.SERVICE_AREA, "2022-01-03").build(), hs).rows().stream().map(Row::label).toList());
    }

    @Test
    void typesInTheNotesOrderWithNonComplaintsInOneRow() {
        HandHistory[] hs = {
            received("2022-01-03T09:00:00Z", Procedure.CORPORATE, WASTE)
                    .reclassified("2022-01-03T10:00:00Z", Classification.NOT_COUNCIL_COMPLAINT),
            received("2022-01-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                    .triaged("2022-01-03T10:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                    .allocated("2022-01-03T11:00:00Z", "a", "t").acknowledged("2022-01-03T12:00:00Z")
                    .responded("2022-01-04T12:00:00Z", Outcome.NOT_UPHELD)
                    .escalated("2022-01-05T12:00:00Z", Stage.STAGE_2),
            received("2022-01-03T09:00:00Z", Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS)
                    .triaged("2022-01-03T10:00:00Z", Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS)
                    .allocated("2022-01-03T11:00:00Z", "a", "t").acknowledged("2022-01-03T12:00:00Z")
                    .responded("2022-01-04T12:00:00Z", Outcome.NOT_UPHELD)
                    .escalated("2022-01-05T12:00:00Z", Stage.STAGE_2),
            received("2022-01-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE),
            received("2022-01-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.ADULTS)
                    .triaged("2022-01-03T10:00:00Z", Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS),
            received("2022-01-03T09:00:00Z", Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS)
                    .reclassified("2022-01-03T10:00:00Z", Classification.SERVICE_REQUEST),
            received("2022-01-03T09:00:00Z", Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS)};
        ReportTable t = table(all(Grouping.TYPE, "2022-01-06").build(), hs);
        assertEquals(List.of(Row.of("Statutory Adults", 1, 0, 0, 0, 0),
                Row.of("Statutory Children Stage 1", 1, 0, 0, 0, 0),
                Row.of("Statutory Children Stage 2", 1, 0, 0, 0, 0),
                Row.of("Corporate Stage 1", 1, 0, 0, 0, 0),
                Row.of("Corporate Stage 2", 1, 0, 0, 0, 0),
                Row.of("Service requests / not a council complaint", 0, 0, 0, 0, 2)), t.rows());
        // as of 4 January nothing was escalated yet: the stage 1 rows hold them, complete
        assertEquals(List.of(Row.of("Statutory Adults", 1, 0, 0, 0, 0),
                Row.of("Statutory Children Stage 1", 1, 0, 0, 1, 0),
                Row.of("Corporate Stage 1", 1, 0, 0, 1, 0),
                Row.of("Service requests / not a council complaint", 0, 0, 0, 0, 2)),
                table(all(Grouping.TYPE, "2022-01-04").build(), hs).rows());
    }

    @Test
    void housingRowsComeAfterCorporateAndOnlyWhenThereIsAHousingComplaint() {
        ServiceArea housing = ServiceArea.of("housing", "Housing");
        HandHistory corporate = received("2022-01-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        HandHistory notAComplaint = received("2022-01-03T09:00:00Z", Procedure.HOUSING, housing)
                .reclassified("2022-01-03T10:00:00Z", Classification.SERVICE_REQUEST);
        HandHistory stage1 = received("2022-01-03T09:00:00Z", Procedure.HOUSING, housing);
        HandHistory stage2 = received("2022-01-03T09:00:00Z", Procedure.HOUSING, housing)
                .triaged("2022-01-03T10:00:00Z", Procedure.HOUSING, housing)
                .allocated("2022-01-03T11:00:00Z", "a", "t").acknowledged("2022-01-03T12:00:00Z")
                .responded("2022-01-04T12:00:00Z", Outcome.NOT_UPHELD)
                .escalated("2022-01-05T12:00:00Z", Stage.STAGE_2);
        HandHistory adults = received("2022-01-03T09:00:00Z", Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS);
        assertEquals(List.of(Row.of("Statutory Adults", 1, 0, 0, 0, 0),
                Row.of("Corporate Stage 1", 1, 0, 0, 0, 0),
                Row.of("Housing Stage 1", 1, 0, 0, 0, 0),
                Row.of("Housing Stage 2", 1, 0, 0, 0, 0),
                Row.of("Service requests / not a council complaint", 0, 0, 0, 0, 1)),
                table(all(Grouping.TYPE, "2022-01-06").build(), stage2, notAComplaint, stage1, corporate, adults)
                        .rows());
        assertEquals(List.of(Row.of("Statutory Adults", 1, 0, 0, 0, 0), Row.of("Corporate Stage 1", 1, 0, 0, 0, 0)),
                table(all(Grouping.TYPE, "2022-01-06").build(), corporate, adults).rows(), "no housing, no row");
        assertEquals(List.of(Row.of("Statutory Adults", 1, 0, 0, 0, 0), Row.of("Corporate", 1, 0, 0, 0, 0),
                Row.of("Housing", 2, 0, 0, 0, 1)),
                table(all(Grouping.PROCEDURE, "2022-01-06").build(), stage2, notAComplaint, stage1, corporate, adults)
                        .rows());
    }

    @Test
    void filtersApplyToTheComplaintAsOfTheDay() {
        HandHistory jo = received("2022-01-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .triaged("2022-01-03T10:00:00Z", Procedure.CORPORATE, HIGHWAYS)
                .allocated("2022-01-04T10:00:00Z", "jo", "North");
        HandHistory sam = received("2022-01-03T09:00:00Z", Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS)
                .triaged("2022-01-03T10:00:00Z", Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS)
                .allocated("2022-01-04T10:00:00Z", "sam", "North");
        assertEquals(1, table(all(Grouping.TYPE, "2022-01-04").officer("jo").build(), jo, sam).total().total());
        assertEquals(0, table(all(Grouping.TYPE, "2022-01-03").officer("jo").build(), jo, sam).total().total());
        assertEquals(2, table(all(Grouping.TYPE, "2022-01-04").team("North").build(), jo, sam).total().total());
        assertEquals(List.of(Row.of("Highways", 0, 1, 0, 0, 0)), table(all(Grouping.SERVICE_AREA, "2022-01-04")
                .serviceAreas(HIGHWAYS).build(), jo, sam).rows());
        assertEquals(List.of(Row.of("Statutory Adults", 0, 1, 0, 0, 0)), table(all(Grouping.PROCEDURE, "2022-01-04")
                .procedures(Procedure.ADULT_SOCIAL_CARE).build(), jo, sam).rows());
        assertEquals(List.of(Row.of("jo", 0, 1, 0, 0, 0), Row.of("sam", 0, 1, 0, 0, 0)),
                table(all(Grouping.OFFICER, "2022-01-04").build(), jo, sam).rows());
        assertEquals(List.of(Row.of("Not allocated", 2, 0, 0, 0, 0)),
                table(all(Grouping.TEAM, "2022-01-03").build(), jo, sam).rows());
    }

    @Test
    void aLateEntryCountsAsOfItsDayOnlyOnceRecorded() {
        HandHistory c = received("2022-01-03T09:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .triaged("2022-01-03T10:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE)
                .allocated("2022-01-03T11:00:00Z", "jo", "VoC").acknowledged("2022-01-03T12:00:00Z")
                .respondedLate("2022-01-07T16:00:00Z", "2022-01-10T09:00:00Z", Outcome.UPHELD);
        ReportQuery friday = all(Grouping.TYPE, "2022-01-07").build();
        assertEquals(Row.of("Total", 0, 1, 0, 0, 0),
                table(friday.withKnownAt(Instant.parse("2022-01-08T09:00:00Z")), c).total());
        assertEquals(Row.of("Total", 0, 0, 0, 1, 0), table(friday, c).total());
    }

    @Test
    void aPopulationFixedAsKnownEarlierKeepsItsMembersWhileStatusesFollowTheReport() {
        Instant k0 = Instant.parse("2021-12-01T12:00:00Z");
        // imported on 1 December as unallocated; cleansing on 8 December found it answered in November
        HandHistory answered = receivedLate("2021-11-01T09:00:00Z", "2021-12-01T08:00:00Z", Procedure.CORPORATE,
                ServiceArea.CORPORATE).respondedLate("2021-11-20T09:00:00Z", "2021-12-08T09:00:00Z", Outcome.UPHELD);
        HandHistory open = receivedLate("2021-11-02T09:00:00Z", "2021-12-01T08:00:00Z", Procedure.CORPORATE,
                ServiceArea.CORPORATE);
        Population known = Population.openAtStartOf(LocalDate.of(2021, 12, 1)).asKnownAt(k0);
        ReportQuery december = ReportQuery.builder(known, Grouping.SERVICE_AREA, LocalDate.of(2021, 11, 30)).build();

        assertEquals(Row.of("Total", 2, 0, 0, 0, 0), table(december.withKnownAt(k0), answered, open).total());
        assertEquals(Row.of("Total", 1, 0, 0, 1, 0), table(december, answered, open).total());
        ReportQuery cohortKnownNow = ReportQuery.builder(Population.openAtStartOf(LocalDate.of(2021, 12, 1)),
                Grouping.SERVICE_AREA, LocalDate.of(2021, 11, 30)).build();
        assertEquals(Row.of("Total", 1, 0, 0, 0, 0), table(cohortKnownNow, answered, open).total());
    }

    @Test
    void receivedBetweenIsInclusiveOfBothDaysAndStopsAtTheAsOfDay() {
        HandHistory before = received("2021-11-29T23:59:59Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        HandHistory first = received("2021-11-30T00:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        HandHistory last = received("2022-02-28T23:59:59Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        HandHistory after = received("2022-03-01T00:00:00Z", Procedure.CORPORATE, ServiceArea.CORPORATE);
        Population period = Population.receivedBetween(LocalDate.of(2021, 11, 30), LocalDate.of(2022, 2, 28));
        assertEquals(2, table(ReportQuery.builder(period, Grouping.TYPE, LocalDate.of(2022, 3, 31)).build(),
                before, first, last, after).total().total());
        assertEquals(1, table(ReportQuery.builder(period, Grouping.TYPE, LocalDate.of(2022, 2, 27)).build(),
                before, first, last, after).total().total());
    }
}
