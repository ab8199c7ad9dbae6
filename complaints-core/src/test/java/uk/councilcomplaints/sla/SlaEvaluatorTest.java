package uk.councilcomplaints.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.councilcomplaints.testing.HandHistory.london;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.TriageTarget.HourKind;
import uk.councilcomplaints.testing.HandHistory;

class SlaEvaluatorTest {

    private final SlaEvaluator sla = SlaEvaluator.englandDefaults();

    private SlaClock clock(ComplaintHistory h, String asOf, ClockKind kind, Stage stage) {
        return sla.evaluate(h, london(asOf)).orElseThrow().clock(kind, stage).orElseThrow();
    }

    @Test
    void corporateStageOneAcrossChristmas2021() {
        // Thu 23 Dec 2021; 27 and 28 Dec are the substitute Christmas and Boxing Day, 3 Jan 2022 for New Year
        HandHistory b = HandHistory.received(Procedure.CORPORATE, "2021-12-23T10:00");
        SlaClock triage = clock(b.build(), "2021-12-23T12:00", ClockKind.TRIAGE, Stage.STAGE_1);
        assertEquals(london("2021-12-29T10:00"), triage.due(), "48 working hours skip the holidays");
        assertEquals(ClockState.RUNNING, triage.state());
        assertEquals(ClockState.AT_RISK,
                clock(b.build(), "2021-12-28T12:00", ClockKind.TRIAGE, Stage.STAGE_1).state(),
                "less than half its 48 hours left");

        b.triaged("2021-12-29T09:00").acknowledged("2022-01-04T15:00");
        ComplaintHistory h = b.build();
        assertEquals(ClockState.MET_ON_TIME, clock(h, "2022-01-05T09:00", ClockKind.TRIAGE, Stage.STAGE_1).state());
        SlaClock ack = clock(h, "2022-01-05T09:00", ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1);
        assertEquals(LocalDate.of(2022, 1, 4), ack.dueDate(), "5 working days: 24, 29, 30, 31 Dec, 4 Jan");
        assertEquals(ClockState.MET_ON_TIME, ack.state());

        SlaClock response = clock(h, "2022-01-05T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(LocalDate.of(2022, 1, 18), response.dueDate(), "10 working days after acknowledgement");
        assertEquals(ClockState.RUNNING, response.state());
        assertEquals(9, response.workingDaysLeft());
        assertEquals(ClockState.AT_RISK, clock(h, "2022-01-14T09:00", ClockKind.RESPONSE, Stage.STAGE_1).state());
        assertEquals(ClockState.AT_RISK, clock(h, "2022-01-18T23:59", ClockKind.RESPONSE, Stage.STAGE_1).state());
        SlaClock breached = clock(h, "2022-01-20T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(ClockState.BREACHED, breached.state());
        assertEquals(-2, breached.workingDaysLeft());

        b.responded("2022-01-19T10:00");
        SlaClock late = clock(b.build(), "2022-02-01T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(ClockState.MET_LATE, late.state());
        assertEquals(-1, late.workingDaysLeft());
    }

    @Test
    void childrensStageOneAcrossEaster2022WithExtension() {
        // Good Friday 15 Apr, Easter Monday 18 Apr, early May bank holiday 2 May 2022
        HandHistory b = HandHistory.received(Procedure.CHILDRENS_SOCIAL_CARE, "2022-04-13T11:00")
                .triaged("2022-04-13T15:00").acknowledged("2022-04-14T10:00");
        assertEquals(LocalDate.of(2022, 4, 29),
                clock(b.build(), "2022-04-20T09:00", ClockKind.RESPONSE, Stage.STAGE_1).dueDate());
        b.extended("2022-04-25T09:00", 10);
        SlaClock extended = clock(b.build(), "2022-04-26T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(LocalDate.of(2022, 5, 16), extended.dueDate(), "extended to 20 working days");
        assertEquals(10, extended.extensionWorkingDays());
        assertEquals(LocalDate.of(2022, 4, 29),
                clock(b.build(), "2022-04-22T09:00", ClockKind.RESPONSE, Stage.STAGE_1).dueDate(),
                "as of a day before the extension, the old due date");
    }

    @Test
    void childrensStageTwoAcrossThePlatinumJubilee() {
        // 2 and 3 June 2022: spring bank holiday and Platinum Jubilee
        ComplaintHistory h = HandHistory.received(Procedure.CHILDRENS_SOCIAL_CARE, "2022-04-01T09:00")
                .triaged("2022-04-01T10:00").acknowledged("2022-04-01T11:00").responded("2022-04-12T09:00")
                .escalated("2022-05-30T09:30", Stage.STAGE_2).build();
        SlaClock response = clock(h, "2022-05-31T09:00", ClockKind.RESPONSE, Stage.STAGE_2);
        assertEquals(LocalDate.of(2022, 7, 6), response.dueDate(), "25 working days from the stage 2 request");
        assertEquals(ClockState.MET_ON_TIME, clock(h, "2022-05-31T09:00", ClockKind.RESPONSE, Stage.STAGE_1).state());
        assertEquals(LocalDate.of(2022, 6, 6),
                clock(h, "2022-05-31T09:00", ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_2).dueDate(),
                "3 working days: 31 May, 1 June, 6 June");
    }

    @Test
    void childrensStageThreeIsFiftyWorkingDays() {
        ComplaintHistory h = HandHistory.received(Procedure.CHILDRENS_SOCIAL_CARE, "2022-01-04T09:00")
                .escalated("2022-02-01T09:00", Stage.STAGE_2).escalated("2022-03-01T09:00", Stage.STAGE_3).build();
        assertEquals(WorkingCalendar.englandAndWales().plusWorkingDays(LocalDate.of(2022, 3, 1), 50),
                clock(h, "2022-03-02T09:00", ClockKind.RESPONSE, Stage.STAGE_3).dueDate());
        assertEquals(LocalDate.of(2022, 5, 13),
                clock(h, "2022-03-02T09:00", ClockKind.RESPONSE, Stage.STAGE_3).dueDate(),
                "Good Friday, Easter Monday and 2 May skipped");
    }

    @Test
    void adultComplaintAcrossTheStateFuneralThenAnAgreedDate() {
        // Monday 19 September 2022: the state funeral bank holiday
        HandHistory b = HandHistory.received(Procedure.ADULT_SOCIAL_CARE, "2022-09-15T14:00")
                .triaged("2022-09-16T09:00");
        ComplaintHistory h = b.build();
        assertEquals(LocalDate.of(2022, 9, 21),
                clock(h, "2022-09-16T10:00", ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1).dueDate());
        assertEquals(LocalDate.of(2022, 10, 14),
                clock(h, "2022-09-16T10:00", ClockKind.RESPONSE, Stage.STAGE_1).dueDate(),
                "the council's default 20 working days while no date is agreed");
        b.acknowledged("2022-09-20T10:00").agreed("2022-09-28T10:00", LocalDate.of(2022, 11, 30));
        SlaClock agreed = clock(b.build(), "2022-10-20T10:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(LocalDate.of(2022, 11, 30), agreed.dueDate());
        assertEquals(ClockState.RUNNING, agreed.state());
    }

    @Test
    void corporateStageTwoAcrossChristmas2022RespondsTwentyWorkingDaysAfterAcknowledgement() {
        // Christmas Day 2022 was a Sunday: Boxing Day (26) and the substitute day (27) are holidays, and 2 January
        ComplaintHistory h = HandHistory.received(Procedure.CORPORATE, "2022-11-01T09:00")
                .triaged("2022-11-01T10:00").acknowledged("2022-11-01T11:00").responded("2022-11-10T09:00")
                .escalated("2022-12-19T09:00", Stage.STAGE_2).acknowledged("2022-12-21T09:00").build();
        SlaClock ack = clock(h, "2022-12-22T09:00", ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_2);
        assertEquals(LocalDate.of(2022, 12, 28), ack.dueDate(), "5 working days: 20, 21, 22, 23, 28 December");
        assertEquals(ClockState.MET_ON_TIME, ack.state());
        SlaClock response = clock(h, "2022-12-22T09:00", ClockKind.RESPONSE, Stage.STAGE_2);
        assertEquals(LocalDate.of(2023, 1, 23), response.dueDate());
        assertEquals(london("2022-12-21T09:00"), response.start());
        assertEquals(ClockState.MET_ON_TIME, clock(h, "2022-12-22T09:00", ClockKind.RESPONSE, Stage.STAGE_1).state());
    }

    @Test
    void aPauseMovesTheDueDateByTheWorkingDaysPaused() {
        HandHistory b = HandHistory.received(Procedure.CORPORATE, "2022-03-01T09:00")
                .triaged("2022-03-01T10:00").acknowledged("2022-03-01T11:00").paused("2022-03-04T09:00");
        SlaClock paused = clock(b.build(), "2022-03-09T12:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(ClockState.PAUSED, paused.state());
        assertEquals(3, paused.pausedWorkingDays(), "7, 8, 9 March");
        b.resumed("2022-03-11T09:00");
        SlaClock resumed = clock(b.build(), "2022-03-14T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(5, resumed.pausedWorkingDays());
        assertEquals(Duration.ofDays(7), resumed.paused());
        assertEquals(LocalDate.of(2022, 3, 22), resumed.dueDate(), "15 March plus 5 working days");
    }

    @Test
    void triageInCalendarHoursIgnoresTheCalendar() {
        SlaEvaluator calendarHours = SlaEvaluator.of(SlaPolicy.builder().triage(24, HourKind.CALENDAR).build(),
                WorkingCalendar.englandAndWales());
        ComplaintHistory h = HandHistory.received(Procedure.CORPORATE, "2022-06-02T10:00").build();
        SlaClock triage = calendarHours.evaluate(h, london("2022-06-03T11:00")).orElseThrow()
                .clock(ClockKind.TRIAGE, Stage.STAGE_1).orElseThrow();
        assertEquals(london("2022-06-03T10:00"), triage.due());
        assertEquals(ClockState.BREACHED, triage.state());
        assertTrue(calendarHours.evaluate(h, london("2022-06-02T09:00")).isEmpty(), "not received yet");
    }

    @Test
    void reclassifiedContactsHaveOnlyATriageClock() {
        HandHistory b = HandHistory.received(Procedure.CORPORATE, "2022-06-06T10:00");
        b.add(uk.councilcomplaints.model.Status.SERVICE_REQUEST, "2022-06-07T10:00",
                new uk.councilcomplaints.event.EventData.Reclassified(
                        uk.councilcomplaints.model.Classification.SERVICE_REQUEST));
        SlaStatus status = sla.evaluate(b.build(), london("2022-07-01T10:00")).orElseThrow();
        assertEquals(1, status.clocks().size());
        assertEquals(ClockState.MET_ON_TIME, status.clocks().get(0).state());
        assertEquals(Optional.empty(), status.clock(ClockKind.RESPONSE, Stage.STAGE_1));
    }
}
