package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.councilcomplaints.testing.HandHistory.received;
import static uk.councilcomplaints.testing.HandHistory.receivedLate;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.report.ReportTable.Row;
import uk.councilcomplaints.testing.HandHistory;

/** Every population fixed "as known at" an instant counts the contacts whose receipt was recorded by then. */
class PopulationTest {

    private static final Instant K = Instant.parse("2021-12-01T12:00:00Z");

    private final HandHistory recordedBefore = receivedLate("2021-11-01T09:00:00Z", "2021-12-01T11:59:59Z",
            Procedure.CORPORATE, ServiceArea.CORPORATE);
    private final HandHistory recordedAtK = received("2021-12-01T12:00:00Z", Procedure.CORPORATE,
            ServiceArea.CORPORATE);
    /** Happened in November, found and recorded a second after K. */
    private final HandHistory recordedAfter = receivedLate("2021-11-02T09:00:00Z", "2021-12-01T12:00:01Z",
            Procedure.CORPORATE, ServiceArea.CORPORATE).withdrawn("2021-12-05T09:00:00Z");
    private final Reports reports = Reports.over(HandHistory.store(recordedBefore, recordedAtK, recordedAfter));

    private Row total(Population population, LocalDate asOf) {
        return reports.table(ReportQuery.builder(population, Grouping.TYPE, asOf).build()).total();
    }

    @Test
    void allContactsAsKnownAtAnInstantAreThoseWhoseReceiptWasRecordedByThen() {
        LocalDate asOf = LocalDate.of(2021, 12, 31);
        assertEquals(Row.of("Total", 2, 0, 0, 0, 1), total(Population.all(), asOf));
        assertEquals(Row.of("Total", 2, 0, 0, 0, 0), total(Population.all().asKnownAt(K), asOf),
                "statuses as known now, members as known at K");
        assertEquals(Row.of("Total", 1, 0, 0, 0, 0), total(Population.all().asKnownAt(K.minusSeconds(1)), asOf));
        assertEquals(Row.of("Total", 2, 0, 0, 0, 1), total(Population.all().asKnownAt(K.plusSeconds(1)), asOf));
    }

    @Test
    void allAgreesWithReceivedBetweenOverEveryDay() {
        LocalDate asOf = LocalDate.of(2021, 12, 31);
        Population everyDay = Population.receivedBetween(LocalDate.of(2000, 1, 1), asOf);
        for (Instant k : new Instant[] {K.minusSeconds(1), K, K.plusSeconds(1)}) {
            assertEquals(total(everyDay.asKnownAt(k), asOf), total(Population.all().asKnownAt(k), asOf),
                    "known at " + k);
        }
        assertEquals(total(everyDay, asOf), total(Population.all(), asOf));
    }
}
