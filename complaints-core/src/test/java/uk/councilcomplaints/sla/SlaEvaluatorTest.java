package uk.councilcomplaints.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.councilcomplaints.testing.HandHistory.london;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.TriageTarget.HourKind;
import uk.councilcomplaints.testing.HandHistory;

class SlaEvaluatorTest {

    private final SlaEvaluator sla = SlaEvaluator.englandDefaults();

    private SlaClock clock(ComplaintHistory h, String asOf, ClockKind kind, Stage stage) {
        return sla.evaluate(h, london(asOf)).orElseThrow().clock(kind, stage).orElseThrow();
    }

    private SlaClock clockKnownAt(ComplaintHistory h, String asOf, String knownAt, ClockKind kind, Stage stage) {
        return sla.evaluate(h, london(asOf), london(knownAt)).orElseThrow().clock(kind, stage).orElseThrow();
    }

    /** Corporate stage 1, acknowledged on Tuesday 4 January 2022: the response is due by the end of 18 January. */
    private static HandHistory corporateDueOn18January() {
        return HandHistory.received(Procedure.CORPORATE, "2022-01-04T09:00").triaged("2022-01-04T10:00")
                .acknowledged("2022-01-04T11:00");
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
    void childrensStageThreeHasThreeClocksPanelReportResponse() {
        // stage 3 requested Tuesday 1 March 2022: the panel meets within 30 working days (12 April), reports
        // within 5 of meeting, the council responds within 15 of the report; Easter and 2 May are skipped
        HandHistory b = HandHistory.received(Procedure.CHILDRENS_SOCIAL_CARE, "2022-01-04T09:00")
                .escalated("2022-02-01T09:00", Stage.STAGE_2).escalated("2022-03-01T09:00", Stage.STAGE_3);
        ComplaintHistory requested = b.build();
        SlaClock meeting = clock(requested, "2022-03-02T09:00", ClockKind.PANEL_MEETING, Stage.STAGE_3);
        assertEquals(LocalDate.of(2022, 4, 12), meeting.dueDate());
        assertEquals(london("2022-03-01T09:00"), meeting.start());
        assertEquals(ClockState.RUNNING, meeting.state());
        SlaClock report = clock(requested, "2022-03-02T09:00", ClockKind.PANEL_REPORT, Stage.STAGE_3);
        assertEquals(LocalDate.of(2022, 4, 21), report.dueDate(), "5 working days from the day the panel is due");
        assertEquals(LocalDate.of(2022, 5, 13),
                clock(requested, "2022-03-02T09:00", ClockKind.RESPONSE, Stage.STAGE_3).dueDate(),
                "15 working days from the day the report is due");
        assertEquals(ClockState.AT_RISK,
                clock(requested, "2022-04-12T23:59", ClockKind.PANEL_MEETING, Stage.STAGE_3).state(), "on the day");
        assertEquals(ClockState.BREACHED,
                clock(requested, "2022-04-13T00:00", ClockKind.PANEL_MEETING, Stage.STAGE_3).state(), "the day after");

        ComplaintHistory met = b.panelMet("2022-04-05T14:00").build();
        SlaClock meetingMet = clock(met, "2022-04-06T09:00", ClockKind.PANEL_MEETING, Stage.STAGE_3);
        assertEquals(ClockState.MET_ON_TIME, meetingMet.state());
        SlaClock reportDue = clock(met, "2022-04-06T09:00", ClockKind.PANEL_REPORT, Stage.STAGE_3);
        assertEquals(london("2022-04-05T14:00"), reportDue.start());
        assertEquals(LocalDate.of(2022, 4, 12), reportDue.dueDate(), "5 working days from the meeting");

        ComplaintHistory reported = b.panelReported("2022-04-11T16:00").build();
        assertEquals(ClockState.MET_ON_TIME,
                clock(reported, "2022-04-12T09:00", ClockKind.PANEL_REPORT, Stage.STAGE_3).state());
        SlaClock response = clock(reported, "2022-04-12T09:00", ClockKind.RESPONSE, Stage.STAGE_3);
        assertEquals(london("2022-04-11T16:00"), response.start());
        assertEquals(LocalDate.of(2022, 5, 5), response.dueDate(), "15 working days from the report");
        assertEquals(ClockState.BREACHED,
                clock(reported, "2022-05-06T00:00", ClockKind.RESPONSE, Stage.STAGE_3).state());
        ComplaintHistory responded = b.responded("2022-05-05T17:00").build();
        assertEquals(ClockState.MET_ON_TIME,
                clock(responded, "2022-05-20T09:00", ClockKind.RESPONSE, Stage.STAGE_3).state());
        SlaStatus status = sla.evaluate(responded, london("2022-05-20T09:00")).orElseThrow();
        assertEquals(List.of(ClockKind.ACKNOWLEDGEMENT, ClockKind.PANEL_MEETING, ClockKind.PANEL_REPORT,
                ClockKind.RESPONSE), status.clocks().stream().filter(c -> c.stage() == Stage.STAGE_3)
                .map(SlaClock::kind).toList());
    }

    @Test
    void corporateResponseCountsFromTheAcknowledgementDueDateWhileUnacknowledged() {
        // received Monday 10 January 2022: acknowledge by 17 January, respond 10 working days after that
        HandHistory b = HandHistory.received(Procedure.CORPORATE, "2022-01-10T09:00").triaged("2022-01-10T10:00");
        SlaClock unacknowledged = clock(b.build(), "2022-01-12T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(LocalDate.of(2022, 1, 31), unacknowledged.dueDate());
        assertEquals(london("2022-01-17T00:00"), unacknowledged.start());
        SlaClock onTheLastDay = clock(b.acknowledged("2022-01-17T16:00").build(), "2022-01-18T09:00",
                ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(unacknowledged.dueDate(), onTheLastDay.dueDate(),
                "acknowledging on the last allowed day does not move the due date");
    }

    @Test
    void anExtensionRecordedAfterTheDeadlineDoesNotUndoTheBreach() {
        // agreed on the 18th, the due day, but recorded on the 19th
        ComplaintHistory h = corporateDueOn18January()
                .addRecorded("2022-01-18T09:00", "2022-01-19T10:00", new EventData.Extended(5)).build();
        SlaClock clock = clock(h, "2022-01-20T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(ClockState.BREACHED, clock.state());
        assertEquals(LocalDate.of(2022, 1, 18), clock.dueDate());
        assertEquals(0, clock.extensionWorkingDays());
        assertTrue(clock.stretchedLate());
        assertTrue(sla.breachedOrAtRisk(java.util.stream.Stream.of(h), london("2022-01-20T09:00"), Instant.MAX)
                .stream().anyMatch(SlaStatus::breached));
        // as known before the entry: breached, not stretched; that figure never changes
        SlaClock before = clockKnownAt(h, "2022-01-20T09:00", "2022-01-19T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(ClockState.BREACHED, before.state());
        assertFalse(before.stretchedLate());
    }

    @Test
    void anExtensionRecordedOnTheDueDayCountsAndOneRecordedAtMidnightDoesNot() {
        ComplaintHistory inTime = corporateDueOn18January()
                .addRecorded("2022-01-17T09:00", "2022-01-18T23:59", new EventData.Extended(5)).build();
        SlaClock counted = clock(inTime, "2022-01-20T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(LocalDate.of(2022, 1, 25), counted.dueDate());
        assertEquals(ClockState.RUNNING, counted.state());
        assertFalse(counted.stretchedLate());
        ComplaintHistory late = corporateDueOn18January()
                .addRecorded("2022-01-17T09:00", "2022-01-19T00:00", new EventData.Extended(5)).build();
        assertEquals(ClockState.BREACHED, clock(late, "2022-01-20T09:00", ClockKind.RESPONSE, Stage.STAGE_1).state());
    }

    @Test
    void aPauseAfterTheDeadlineLeavesTheClockBreached() {
        // a history written around the commands: the pause came after the due date
        ComplaintHistory h = corporateDueOn18January().paused("2022-01-20T09:00").build();
        SlaClock clock = clock(h, "2022-01-21T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(ClockState.BREACHED, clock.state());
        assertEquals(0, clock.pausedWorkingDays());
        assertTrue(clock.stretchedLate());
        // dated before the deadline but recorded after it: the same
        ComplaintHistory recordedLate = corporateDueOn18January()
                .addRecorded("2022-01-17T09:00", "2022-01-20T09:00", new EventData.Paused()).build();
        SlaClock stillBreached = clock(recordedLate, "2022-01-21T09:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(ClockState.BREACHED, stillBreached.state());
        assertTrue(stillBreached.stretchedLate());
    }

    @Test
    void aPauseStartedOnTheDueDayHoldsTheClockOverTheWeekend() {
        // due Friday 21 January 2022; paused that morning; never breached while paused
        HandHistory b = HandHistory.received(Procedure.CORPORATE, "2022-01-07T09:00").triaged("2022-01-07T10:00")
                .acknowledged("2022-01-07T11:00");
        assertEquals(LocalDate.of(2022, 1, 21),
                clock(b.build(), "2022-01-10T09:00", ClockKind.RESPONSE, Stage.STAGE_1).dueDate());
        b.paused("2022-01-21T10:00");
        for (String asOf : List.of("2022-01-22T09:00", "2022-01-23T09:00", "2022-01-24T09:00")) {
            assertEquals(ClockState.PAUSED, clock(b.build(), asOf, ClockKind.RESPONSE, Stage.STAGE_1).state(), asOf);
        }
        b.resumed("2022-01-24T09:00");
        SlaClock resumed = clock(b.build(), "2022-01-24T12:00", ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(LocalDate.of(2022, 1, 24), resumed.dueDate(), "one working day paused, Monday");
        assertEquals(ClockState.AT_RISK, resumed.state());
        assertEquals(ClockState.BREACHED,
                clock(b.build(), "2022-01-25T00:00", ClockKind.RESPONSE, Stage.STAGE_1).state());
    }

    @Test
    void anEvaluationAfterTheCalendarIsRejectedAndAComplaintOutsideItIsLeftOut() {
        ComplaintHistory h = corporateDueOn18January().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sla.evaluate(h, Instant.parse("2200-01-01T12:00:00Z")));
        assertTrue(e.getMessage().contains("asOf") && e.getMessage().contains("2199"), e.getMessage());
        // received on the last day: its triage clock runs past the calendar; left out, not thrown
        ComplaintHistory atTheEnd = HandHistory.received(Procedure.CORPORATE, "2199-12-31T09:00").build();
        Instant asOf = london("2199-12-31T12:00");
        assertEquals(Optional.empty(), sla.evaluate(atTheEnd, asOf));
        assertEquals(1, sla.breachedOrAtRisk(java.util.stream.Stream.of(atTheEnd, h), asOf, Instant.MAX).size());
    }

    @Test
    void dataOutsideTheCalendarLeavesTheComplaintOutOfTheListing() {
        ComplaintHistory due = corporateDueOn18January().build();
        Instant asOf = london("2022-01-20T09:00");
        for (ComplaintHistory outside : List.of(
                corporateDueOn18January().agreed("2022-01-05T09:00", LocalDate.of(2300, 1, 1)).build(),
                corporateDueOn18January().agreed("2022-01-05T09:00", LocalDate.MAX).build(),
                HandHistory.received("-1000000000-01-01T00:00:00Z", Procedure.CORPORATE, ServiceArea.OTHER)
                        .build())) {
            assertEquals(Optional.empty(), sla.evaluate(outside, asOf));
            assertEquals(List.of(due.id()), sla.breachedOrAtRisk(java.util.stream.Stream.of(outside, due), asOf,
                    Instant.MAX).stream().map(SlaStatus::id).toList());
        }
    }

    @Test
    void onlyTheCalendarsOutOfRangeExceptionLeavesAComplaintOut() {
        ComplaintHistory h = corporateDueOn18January().build();
        Instant asOf = london("2022-01-20T09:00");
        SlaEvaluator outOfRange = SlaEvaluator.of(SlaPolicy.englandDefaults(),
                failingCalendar(new CalendarRangeException("2022-01-04 is outside a council's own range")));
        assertEquals(Optional.empty(), outOfRange.evaluate(h, asOf));

        IllegalArgumentException fault = new IllegalArgumentException("a fault in the calendar");
        SlaEvaluator faulty = SlaEvaluator.of(SlaPolicy.englandDefaults(), failingCalendar(fault));
        assertSame(fault, assertThrows(IllegalArgumentException.class, () -> faulty.evaluate(h, asOf)));
        assertSame(fault, assertThrows(IllegalArgumentException.class,
                () -> faulty.breachedOrAtRisk(java.util.stream.Stream.of(h), asOf, Instant.MAX)));
    }

    /** England and Wales, but adding working days throws {@code e}. */
    private static WorkingCalendar failingCalendar(IllegalArgumentException e) {
        WorkingCalendar england = WorkingCalendar.englandAndWales();
        return new WorkingCalendar() {
            @Override
            public boolean isWorkingDay(LocalDate date) {
                return england.isWorkingDay(date);
            }

            @Override
            public LocalDate plusWorkingDays(LocalDate start, int days) {
                throw e;
            }

            @Override
            public int workingDaysBetween(LocalDate startExclusive, LocalDate endInclusive) {
                return england.workingDaysBetween(startExclusive, endInclusive);
            }

            @Override
            public Instant plusWorkingHours(Instant start, int hours) {
                return england.plusWorkingHours(start, hours);
            }

            @Override
            public int firstYear() {
                return england.firstYear();
            }

            @Override
            public int lastYear() {
                return england.lastYear();
            }
        };
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
