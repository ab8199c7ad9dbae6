package uk.councilcomplaints.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.councilcomplaints.testing.HandHistory.london;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.testing.HandHistory;

/**
 * Clocks at their edges: the instant a triage target falls due, the half-way mark that makes it at risk, a
 * closure while paused, and clocks that a response or a closure settles although they were never met (in
 * histories written around the commands, such as old imports).
 */
class ClockEdgesTest {

    private final SlaEvaluator sla = SlaEvaluator.englandDefaults();

    private SlaClock clock(HandHistory h, String asOf, ClockKind kind, Stage stage) {
        return sla.evaluate(h.build(), london(asOf)).orElseThrow().clock(kind, stage).orElseThrow();
    }

    /** Received on Monday 10 January 2022 at 09:00: 48 working hours run to Wednesday 12 January at 09:00. */
    private static HandHistory corporateReceivedMonday() {
        return HandHistory.received(Procedure.CORPORATE, "2022-01-10T09:00");
    }

    @Test
    void triageAtTheInstantItFallsDueIsOnTimeAndAMicrosecondLaterIsLate() {
        SlaClock onTheDot = clock(corporateReceivedMonday().triaged("2022-01-12T09:00"), "2022-01-13T09:00",
                ClockKind.TRIAGE, Stage.STAGE_1);
        assertEquals(london("2022-01-12T09:00"), onTheDot.due());
        assertEquals(ClockState.MET_ON_TIME, onTheDot.state());
        assertEquals(ClockState.MET_LATE, clock(corporateReceivedMonday().triaged("2022-01-12T09:00:00.000001"),
                "2022-01-13T09:00", ClockKind.TRIAGE, Stage.STAGE_1).state());
    }

    @Test
    void triageIsAtRiskOnceLessThanHalfItsHoursAreLeft() {
        HandHistory h = corporateReceivedMonday();
        assertEquals(ClockState.RUNNING, clock(h, "2022-01-11T09:00", ClockKind.TRIAGE, Stage.STAGE_1).state(),
                "exactly 24 of 48 hours left");
        assertEquals(ClockState.AT_RISK,
                clock(h, "2022-01-11T09:00:00.000001", ClockKind.TRIAGE, Stage.STAGE_1).state());
        assertEquals(ClockState.AT_RISK,
                clock(h, "2022-01-12T08:59:59.999999", ClockKind.TRIAGE, Stage.STAGE_1).state());
        assertEquals(ClockState.BREACHED, clock(h, "2022-01-12T09:00", ClockKind.TRIAGE, Stage.STAGE_1).state());
    }

    @Test
    void aClosureWhilePausedEndsThePause() {
        // corporate, acknowledged Tuesday 4 January 2022: due 18 January; paused Monday 10, withdrawn Wednesday 12
        HandHistory h = HandHistory.received(Procedure.CORPORATE, "2022-01-04T09:00").triaged("2022-01-04T10:00")
                .acknowledged("2022-01-04T11:00").paused("2022-01-10T09:00").withdrawn("2022-01-12T09:00");
        SlaClock response = clock(h, "2022-01-24T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(ClockState.STOPPED, response.state());
        assertEquals(2, response.pausedWorkingDays(), "11 and 12 January, not up to the 24th");
        assertEquals(Duration.ofDays(2), response.paused());
        assertEquals(LocalDate.of(2022, 1, 20), response.dueDate());
    }

    @Test
    void aResponseWhilePausedEndsThePause() {
        // corporate, acknowledged Tuesday 4 January 2022: due 18 January; paused on the 17th, answered on the 19th
        HandHistory h = HandHistory.received(Procedure.CORPORATE, "2022-01-04T09:00").triaged("2022-01-04T10:00")
                .acknowledged("2022-01-04T11:00").paused("2022-01-17T09:00").responded("2022-01-19T10:00");
        SlaClock response = clock(h, "2022-01-31T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(2, response.pausedWorkingDays(), "18 and 19 January, not up to the 31st");
        assertEquals(Duration.ofHours(49), response.paused());
        assertEquals(LocalDate.of(2022, 1, 20), response.dueDate());
        assertEquals(ClockState.MET_ON_TIME, response.state());
    }

    @Test
    void aResponseSettlesAnAcknowledgementNeverRecorded() {
        // an import: triaged and answered on Thursday 20 January 2022 with no acknowledgement recorded
        HandHistory h = corporateReceivedMonday().triaged("2022-01-10T10:00").responded("2022-01-20T10:00");
        assertEquals(ClockState.STOPPED, clock(h, "2022-02-01T09:00", ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1).state(),
                "not breached for ever");
        SlaClock response = clock(h, "2022-02-01T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(LocalDate.of(2022, 1, 31), response.dueDate(), "10 working days from the acknowledgement due");
        assertEquals(ClockState.MET_ON_TIME, response.state());
        assertTrue(sla.breachedOrAtRisk(Stream.of(h.build()), london("2022-02-01T09:00"), Instant.MAX).isEmpty());
        assertEquals(ClockState.BREACHED,
                clock(corporateReceivedMonday().triaged("2022-01-10T10:00"), "2022-02-01T09:00",
                        ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1).state(), "the same, never answered");
    }

    @Test
    void aClosureAfterTheResponseStopsATriageClockNeverMet() {
        // an import: answered on Tuesday 11 January 2022 with no triage recorded, then withdrawn on the 13th
        HandHistory answered = corporateReceivedMonday().acknowledged("2022-01-10T11:00").responded("2022-01-11T10:00");
        assertEquals(ClockState.BREACHED, clock(answered, "2022-01-13T09:00", ClockKind.TRIAGE, Stage.STAGE_1).state());
        ComplaintHistory closed = answered.withdrawn("2022-01-13T10:00").build();
        SlaStatus status = sla.evaluate(closed, london("2022-02-01T09:00")).orElseThrow();
        assertEquals(ClockState.STOPPED, status.clock(ClockKind.TRIAGE, Stage.STAGE_1).orElseThrow().state());
        assertEquals(ClockState.MET_ON_TIME, status.clock(ClockKind.RESPONSE, Stage.STAGE_1).orElseThrow().state(),
                "the response stands");
        assertFalse(status.breached());
    }

    @Test
    void aClockSaysWhetherAnAgreedDateOrAnExtensionStretchedIt() {
        HandHistory adult = HandHistory.received(Procedure.ADULT_SOCIAL_CARE, "2022-09-15T14:00")
                .triaged("2022-09-16T09:00").acknowledged("2022-09-20T10:00");
        SlaClock plain = clock(adult, "2022-09-21T10:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertFalse(plain.dateAgreed());
        assertFalse(plain.stretched());
        SlaClock agreed = clock(adult.agreed("2022-09-28T10:00", LocalDate.of(2022, 11, 30)), "2022-10-20T10:00",
                ClockKind.RESPONSE, Stage.STAGE_1);
        assertTrue(agreed.dateAgreed());
        assertTrue(agreed.stretched());
        assertEquals(0, agreed.extensionWorkingDays());

        HandHistory childrens = HandHistory.received(Procedure.CHILDRENS_SOCIAL_CARE, "2022-04-13T11:00")
                .triaged("2022-04-13T15:00").acknowledged("2022-04-14T10:00").extended("2022-04-25T09:00", 10);
        SlaClock extended = clock(childrens, "2022-04-26T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertFalse(extended.dateAgreed());
        assertTrue(extended.stretched());
    }

    @Test
    void theResponseClockIsTheLatestStagesAndAContactThatIsNotAComplaintHasNone() {
        HandHistory corporate = HandHistory.received(Procedure.CORPORATE, "2022-11-01T09:00")
                .triaged("2022-11-01T10:00").acknowledged("2022-11-01T11:00").responded("2022-11-10T09:00")
                .escalated("2022-12-19T09:00", Stage.STAGE_2);
        SlaClock response = sla.responseClock(corporate.build(), london("2022-12-20T09:00")).orElseThrow();
        assertEquals(ClockKind.RESPONSE, response.kind());
        assertEquals(Stage.STAGE_2, response.stage());
        HandHistory serviceRequest = corporateReceivedMonday().reclassified("2022-01-10T10:00",
                Classification.SERVICE_REQUEST);
        assertEquals(Optional.empty(), sla.responseClock(serviceRequest.build(), london("2022-01-11T09:00")));
        assertEquals(Optional.empty(), sla.responseClock(corporateReceivedMonday().build(), london("2022-01-09T09:00")),
                "not received yet");
    }

    @Test
    void runningAtRiskPausedAndBreachedClocksNeedActionAndOnlyMetOnesAreMet() {
        Set<ClockState> open = EnumSet.noneOf(ClockState.class);
        Set<ClockState> met = EnumSet.noneOf(ClockState.class);
        for (ClockState state : ClockState.values()) {
            if (state.open()) {
                open.add(state);
            }
            if (state.met()) {
                met.add(state);
            }
        }
        assertEquals(EnumSet.of(ClockState.RUNNING, ClockState.AT_RISK, ClockState.PAUSED, ClockState.BREACHED), open);
        assertEquals(EnumSet.of(ClockState.MET_ON_TIME, ClockState.MET_LATE), met);
    }
}
