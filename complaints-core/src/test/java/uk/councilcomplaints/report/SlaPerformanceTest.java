package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.testing.HandHistory;

class SlaPerformanceTest {

    private final SlaEvaluator sla = SlaEvaluator.englandDefaults();

    private List<ComplaintHistory> histories() {
        ComplaintHistory a = HandHistory.received(Procedure.CORPORATE, "2022-01-04T09:00")
                .triaged("2022-01-04T10:00").acknowledged("2022-01-05T10:00").responded("2022-01-10T10:00").build();
        ComplaintHistory b = HandHistory.received(Procedure.CORPORATE, "2022-01-05T09:00")
                .triaged("2022-01-10T10:00").acknowledged("2022-01-14T10:00").extended("2022-01-20T10:00", 5)
                .responded("2022-02-01T10:00").build();
        ComplaintHistory c = HandHistory.received(Procedure.CHILDRENS_SOCIAL_CARE, "2022-01-06T09:00").build();
        ComplaintHistory d = HandHistory.received(Procedure.CORPORATE, "2022-01-07T09:00")
                .add(Status.SERVICE_REQUEST, "2022-01-07T12:00",
                        new EventData.Reclassified(Classification.SERVICE_REQUEST)).build();
        ComplaintHistory outside = HandHistory.received(Procedure.CORPORATE, "2022-02-10T09:00").build();
        return List.of(a, b, c, d, outside);
    }

    @Test
    void triageAcknowledgementAndResponseForThePeriod() {
        SlaPerformance p = SlaPerformance.of(sla, histories().stream(), LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 31),
                LocalDate.of(2022, 2, 28), Instant.MAX);
        assertEquals(new SlaPerformance.Triage(4, 2, 1, 1, 0), p.triage());
        assertEquals(List.of(
                new SlaPerformance.StageRow(Procedure.CHILDRENS_SOCIAL_CARE, Stage.STAGE_1, 1, 0, 0, 0, 0, 1, 0,
                        OptionalDouble.empty()),
                new SlaPerformance.StageRow(Procedure.CORPORATE, Stage.STAGE_1, 2, 1, 1, 2, 2, 0, 1,
                        OptionalDouble.of(11.5))), p.stages());
        assertEquals("Corporate Stage 1", p.stages().get(1).label());
        assertEquals(OptionalDouble.of(1.0), p.stages().get(1).shareRespondedOnTime());
    }

    @Test
    void figuresAsOfAnEarlierDayIgnoreLaterEvents() {
        SlaPerformance p = SlaPerformance.of(sla, histories().stream(), LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 31),
                LocalDate.of(2022, 1, 31), Instant.MAX);
        SlaPerformance.StageRow corporate = p.stages().get(1);
        assertEquals(1, corporate.responded(), "b responded on 1 February");
        assertEquals(0, corporate.openOverdue(), "b is due on 4 February");
        assertEquals(OptionalDouble.of(4), corporate.medianWorkingDaysToRespond());
    }

    @Test
    void periodMustBeInOrder() {
        assertThrows(IllegalArgumentException.class, () -> SlaPerformance.of(sla, histories().stream(),
                LocalDate.of(2022, 2, 1), LocalDate.of(2022, 1, 1), LocalDate.of(2022, 3, 1), Instant.MAX));
        assertThrows(IllegalArgumentException.class, () -> SlaPerformance.of(sla, histories().stream(),
                LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 31), LocalDate.of(2022, 1, 30), Instant.MAX));
    }

    @Test
    void rendersWithAStableCsvHeaderAndAlignedText() {
        SlaPerformance p = SlaPerformance.of(sla, histories().stream(), LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 1, 31), LocalDate.of(2022, 2, 28), Instant.MAX);
        assertEquals("group,started,acknowledged_on_time,acknowledged_late,done,done_on_time,done_late,open_overdue,"
                + "extended,median_working_days\r\n"
                + "triage,4,,,3,2,1,1,,\r\n"
                + "Statutory Children Stage 1,1,0,0,0,0,0,1,0,\r\n"
                + "Corporate Stage 1,2,1,1,2,2,0,0,1,11.5\r\n"
                // the stages summed (triage counts contacts, not stages); medians do not add up
                + "Total,3,1,1,2,2,0,1,1,\r\n", ReportFormat.CSV.render(p));
        String text = ReportFormat.TEXT.render(p);
        assertTrue(text.startsWith("Clock                       Started"), text);
        assertTrue(text.contains("Corporate Stage 1                 2"), text);
    }
}
