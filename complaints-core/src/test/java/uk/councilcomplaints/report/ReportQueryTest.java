package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;

class ReportQueryTest {

    private static final LocalDate DEC_1 = LocalDate.of(2021, 12, 1);

    private static void rejected(String expectedInMessage, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }

    @Test
    void aCohortCannotBeCountedBeforeItIsFixed() {
        rejected("report it as of 2021-11-30 or later", () -> ReportQuery.builder(Population.openAtStartOf(DEC_1),
                Grouping.SERVICE_AREA, LocalDate.of(2021, 11, 29)).build());
        // as of 30 November: the end of that day is the start of 1 December
        ReportQuery.builder(Population.openAtStartOf(DEC_1), Grouping.SERVICE_AREA, LocalDate.of(2021, 11, 30)).build();
    }

    @Test
    void aPopulationCannotBeKnownLaterThanTheReport() {
        Instant k0 = Instant.parse("2021-12-01T12:00:00Z");
        rejected("after the report's knownAt", () -> ReportQuery.builder(Population.openAtStartOf(DEC_1).asKnownAt(k0),
                Grouping.SERVICE_AREA, DEC_1).knownAt(k0.minusSeconds(1)).build());
        ReportQuery ok = ReportQuery.builder(Population.openAtStartOf(DEC_1).asKnownAt(k0), Grouping.SERVICE_AREA,
                DEC_1).knownAt(k0).build();
        assertEquals(Optional.of(k0), ok.knownAt());
        rejected("after the report's knownAt", () -> ok.withKnownAt(k0.minusSeconds(1)));
    }

    @Test
    void eachValueIsCheckedWhenGiven() {
        ReportQuery.Builder b = ReportQuery.builder(Population.all(), Grouping.TYPE, DEC_1);
        rejected("officer must not be blank", () -> b.officer(" "));
        rejected("team must not be blank", () -> b.team(""));
        rejected("named twice", () -> b.rows("Adults", "Adults"));
        rejected("last row of every table", () -> b.rows("Total"));
        rejected("at least one of the service areas", () -> b.serviceAreas(List.of()));
        rejected("the last day received (2021-11-30) is before the first (2021-12-01)",
                () -> Population.receivedBetween(DEC_1, DEC_1.minusDays(1)));
        rejected("the as-of day must be between", () -> ReportQuery.builder(Population.all(), Grouping.TYPE,
                LocalDate.MAX));
        assertThrows(NullPointerException.class, () -> ReportQuery.builder(null, Grouping.TYPE, DEC_1));
        assertThrows(NullPointerException.class, () -> b.procedures((Procedure) null));
    }

    @Test
    void queriesAreValuesAndDescribeThemselves() {
        ReportQuery q = ReportQuery.builder(Population.openAtStartOf(DEC_1), Grouping.SERVICE_AREA,
                LocalDate.of(2022, 1, 14)).stillOpen().serviceAreas(ServiceArea.ADULTS).build();
        assertEquals(q, q.toBuilder().build());
        assertEquals(q.hashCode(), q.toBuilder().build().hashCode());
        assertNotEquals(q, q.withAsOf(LocalDate.of(2022, 3, 2)));
        assertEquals(LocalDate.of(2022, 3, 2), q.withAsOf(LocalDate.of(2022, 3, 2)).asOf());
        assertEquals("open at the start of 2021-12-01, in [Adults], still open, by service, as of 2022-01-14",
                q.toString());
    }
}
