package uk.councilcomplaints.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.CommandRejectedException;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.ReferenceStore;

/**
 * The Housing Ombudsman Complaint Handling Code 2024 through the {@link Complaints} facade, with real dates in
 * Europe/London and the bank holidays of England and Wales, on the day before, on and after each limit: stage 1
 * acknowledged within 5 working days of receipt and answered within 10 of the acknowledgement (extendable by
 * 10), stage 2 acknowledged within 5 working days of the request and answered within 20 of the acknowledgement
 * (extendable by 20), another officer at stage 2, then the Housing Ombudsman.
 */
class HousingTimescalesTest {

    private static final ServiceArea HOUSING_AREA = ServiceArea.of("housing", "Housing");
    private static final Audit WITH_REASON = Audit.by("officer").because("agreed with the resident");

    private final SettableClock clock = SettableClock.at("2021-12-01T09:00:00Z");
    private final ReferenceStore store = ReferenceStore.correct();
    private final Complaints complaints = Complaints.builder(store).clock(clock).build();

    /** Sets the clock to a local date-time in Europe/London. */
    private Instant at(String localDateTime) {
        Instant instant = LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
        clock.set(instant);
        return instant;
    }

    private Complaint execute(Complaint c, Command command) {
        return complaints.execute(c.id(), command, WITH_REASON);
    }

    private String refusal(Complaint c, Command command) {
        List<ComplaintEvent> before = store.history(c.id());
        CommandRejectedException e = assertThrows(CommandRejectedException.class,
                () -> complaints.execute(c.id(), command, WITH_REASON));
        assertEquals(before, store.history(c.id()), "a refused command changes nothing");
        return e.getMessage();
    }

    private static void assertSays(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + message + "' says '" + part + "'");
        }
    }

    private SlaClock clock(Complaint c, ClockKind kind, Stage stage) {
        return complaints.slaStatus(c.id(), clock.instant(), KnownAt.latest()).orElseThrow().clock(kind, stage)
                .orElseThrow();
    }

    /** A housing complaint received, triaged and allocated to jo at {@code localDateTime}. */
    private Complaint allocated(String localDateTime) {
        at(localDateTime);
        return Fixtures.allocated(complaints, Procedure.HOUSING, HOUSING_AREA, "jo");
    }

    /** A housing complaint acknowledged at {@code localDateTime} (received, triaged and allocated then). */
    private Complaint acknowledged(String localDateTime) {
        return execute(allocated(localDateTime), new Command.Acknowledge());
    }

    /** A housing complaint answered at stage 1 on {@code answered}, stage 2 requested on {@code requested}. */
    private Complaint escalated(String answered, String requested) {
        Complaint c = acknowledged(answered);
        execute(c, Command.Respond.with(Outcome.NOT_UPHELD));
        at(requested);
        execute(c, new Command.Escalate());
        return execute(c, new Command.Allocate("sam", "Voice of the customer"));
    }

    // the procedure

    @Test
    void housingHasTwoStagesThenTheHousingOmbudsman() {
        assertEquals(Stage.STAGE_2, Procedure.HOUSING.lastStage());
        assertFalse(Procedure.HOUSING.hasStage(Stage.STAGE_3));
        assertEquals("Housing", Procedure.HOUSING.label());
        assertEquals("Housing Ombudsman", Procedure.HOUSING.ombudsman());
        for (Procedure p : List.of(Procedure.ADULT_SOCIAL_CARE, Procedure.CHILDRENS_SOCIAL_CARE, Procedure.CORPORATE)) {
            assertEquals("Local Government and Social Care Ombudsman", p.ombudsman(), p.name());
        }
    }

    // stage 1

    @Test
    void stage1IsAcknowledgedWithin5WorkingDaysOfReceiptAcrossChristmas2021() {
        // received Thursday 23 December 2021: 27 and 28 December and 3 January are bank holidays, so the 5 working
        // days are 24, 29, 30, 31 December and 4 January
        Complaint dayBefore = allocated("2021-12-23T10:00");
        Complaint onTheDay = allocated("2021-12-23T10:00");
        Complaint dayAfter = allocated("2021-12-23T10:00");
        assertEquals(LocalDate.of(2022, 1, 4), clock(onTheDay, ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1).dueDate());
        at("2021-12-31T11:00");
        execute(dayBefore, new Command.Acknowledge());
        at("2022-01-04T16:30");
        execute(onTheDay, new Command.Acknowledge());
        at("2022-01-05T09:00");
        execute(dayAfter, new Command.Acknowledge());
        assertEquals(ClockState.MET_ON_TIME, clock(dayBefore, ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1).state());
        assertEquals(ClockState.MET_ON_TIME, clock(onTheDay, ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1).state());
        SlaClock late = clock(dayAfter, ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1);
        assertEquals(ClockState.MET_LATE, late.state());
        assertEquals(-1, late.workingDaysLeft());
    }

    @Test
    void anUnacknowledgedStage1IsBreachedTheDayAfterTheLimit() {
        Complaint c = allocated("2021-12-23T10:00");
        at("2022-01-04T23:59");
        assertEquals(ClockState.AT_RISK, clock(c, ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1).state());
        at("2022-01-05T00:00");
        assertEquals(ClockState.BREACHED, clock(c, ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1).state());
    }

    @Test
    void stage1IsAnsweredWithin10WorkingDaysOfTheAcknowledgementAcrossEaster2022() {
        // acknowledged Tuesday 12 April 2022: Good Friday 15 April and Easter Monday 18 April are skipped, so the
        // 10 working days are 13, 14, 19, 20, 21, 22, 25, 26, 27 and 28 April
        Complaint dayBefore = acknowledged("2022-04-12T10:00");
        Complaint onTheDay = acknowledged("2022-04-12T10:00");
        Complaint dayAfter = acknowledged("2022-04-12T10:00");
        Complaint unanswered = acknowledged("2022-04-12T10:00");
        SlaClock response = clock(onTheDay, ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(LocalDate.of(2022, 4, 28), response.dueDate());
        assertEquals(10, response.workingDaysLeft());
        at("2022-04-27T15:00");
        execute(dayBefore, Command.Respond.with(Outcome.UPHELD));
        at("2022-04-28T17:00");
        execute(onTheDay, Command.Respond.with(Outcome.UPHELD));
        at("2022-04-29T09:00");
        execute(dayAfter, Command.Respond.with(Outcome.UPHELD));
        assertEquals(ClockState.MET_ON_TIME, clock(dayBefore, ClockKind.RESPONSE, Stage.STAGE_1).state());
        assertEquals(ClockState.MET_ON_TIME, clock(onTheDay, ClockKind.RESPONSE, Stage.STAGE_1).state());
        assertEquals(ClockState.MET_LATE, clock(dayAfter, ClockKind.RESPONSE, Stage.STAGE_1).state());
        assertEquals(ClockState.BREACHED, clock(unanswered, ClockKind.RESPONSE, Stage.STAGE_1).state());
        assertTrue(complaints.breachedOrAtRisk(clock.instant(), KnownAt.latest()).stream()
                .anyMatch(s -> s.id().equals(unanswered.id()) && s.breached()));
    }

    @Test
    void stage1MayBeExtendedBy10WorkingDaysAndNotADayMore() {
        Complaint tenAtOnce = acknowledged("2022-04-12T10:00");
        Complaint elevenAtOnce = acknowledged("2022-04-12T10:00");
        at("2022-04-20T09:00");
        assertSays(refusal(elevenAtOnce, new Command.Extend(11)),
                "an extension of 11 working days would make 11 in total; the limit for HOUSING Stage 1 is 10");
        assertEquals(10, execute(tenAtOnce, new Command.Extend(10)).extensionWorkingDays());
        // 28 April plus 10 working days, the early May bank holiday (2 May 2022) skipped
        SlaClock extended = clock(tenAtOnce, ClockKind.RESPONSE, Stage.STAGE_1);
        assertEquals(LocalDate.of(2022, 5, 13), extended.dueDate());
        assertEquals(10, extended.extensionWorkingDays());
        assertSays(refusal(tenAtOnce, new Command.Extend(1)),
                "an extension of 1 working days would make 11 in total; the limit for HOUSING Stage 1 is 10");
        Complaint inTwoSteps = acknowledged("2022-04-12T10:00");
        at("2022-04-20T10:00");
        execute(inTwoSteps, new Command.Extend(4));
        assertEquals(10, execute(inTwoSteps, new Command.Extend(6)).extensionWorkingDays(), "exactly the limit");
    }

    @Test
    void theHousingClockMayPauseLikeTheCorporateOne() {
        Complaint c = acknowledged("2022-04-12T10:00");
        at("2022-04-20T09:00");
        assertTrue(execute(c, new Command.Pause()).paused());
        assertEquals(ClockState.PAUSED, clock(c, ClockKind.RESPONSE, Stage.STAGE_1).state());
    }

    // stage 2

    @Test
    void stage2IsAcknowledgedWithin5WorkingDaysOfTheRequestAcrossEaster2022() {
        // requested Tuesday 12 April 2022: 13, 14, 19, 20 and 21 April
        Complaint dayBefore = escalated("2022-04-04T10:00", "2022-04-12T10:00");
        Complaint onTheDay = escalated("2022-04-04T10:00", "2022-04-12T10:00");
        Complaint dayAfter = escalated("2022-04-04T10:00", "2022-04-12T10:00");
        assertEquals(LocalDate.of(2022, 4, 21), clock(onTheDay, ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_2).dueDate());
        at("2022-04-20T10:00");
        execute(dayBefore, new Command.Acknowledge());
        at("2022-04-21T16:00");
        execute(onTheDay, new Command.Acknowledge());
        at("2022-04-22T09:00");
        execute(dayAfter, new Command.Acknowledge());
        assertEquals(ClockState.MET_ON_TIME, clock(dayBefore, ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_2).state());
        assertEquals(ClockState.MET_ON_TIME, clock(onTheDay, ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_2).state());
        assertEquals(ClockState.MET_LATE, clock(dayAfter, ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_2).state());
        assertEquals(ClockState.MET_ON_TIME, clock(dayAfter, ClockKind.RESPONSE, Stage.STAGE_1).state(),
                "stage 1 was answered in time");
    }

    @Test
    void stage2IsAnsweredWithin20WorkingDaysOfTheAcknowledgementAcrossChristmas2021() {
        // acknowledged Tuesday 21 December 2021: 27 and 28 December and 3 January are skipped, so the 20 working
        // days are 22, 23, 24, 29, 30, 31 December and 4 to 7, 10 to 14 and 17 to 21 January 2022
        Complaint dayBefore = escalated("2021-12-06T10:00", "2021-12-15T10:00");
        Complaint onTheDay = escalated("2021-12-06T10:00", "2021-12-15T10:00");
        Complaint dayAfter = escalated("2021-12-06T10:00", "2021-12-15T10:00");
        Complaint unanswered = escalated("2021-12-06T10:00", "2021-12-15T10:00");
        at("2021-12-21T11:00");
        for (Complaint c : List.of(dayBefore, onTheDay, dayAfter, unanswered)) {
            execute(c, new Command.Acknowledge());
        }
        assertEquals(ClockState.MET_ON_TIME, clock(onTheDay, ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_2).state(),
                "due on 22 December");
        SlaClock response = clock(onTheDay, ClockKind.RESPONSE, Stage.STAGE_2);
        assertEquals(LocalDate.of(2022, 1, 21), response.dueDate());
        assertEquals(20, response.workingDaysLeft());
        at("2022-01-20T15:00");
        execute(dayBefore, Command.Respond.with(Outcome.PARTLY_UPHELD));
        at("2022-01-21T17:00");
        execute(onTheDay, Command.Respond.with(Outcome.PARTLY_UPHELD));
        at("2022-01-24T09:00");
        execute(dayAfter, Command.Respond.with(Outcome.PARTLY_UPHELD));
        assertEquals(ClockState.MET_ON_TIME, clock(dayBefore, ClockKind.RESPONSE, Stage.STAGE_2).state());
        assertEquals(ClockState.MET_ON_TIME, clock(onTheDay, ClockKind.RESPONSE, Stage.STAGE_2).state());
        SlaClock late = clock(dayAfter, ClockKind.RESPONSE, Stage.STAGE_2);
        assertEquals(ClockState.MET_LATE, late.state());
        assertEquals(-1, late.workingDaysLeft());
        assertEquals(ClockState.BREACHED, clock(unanswered, ClockKind.RESPONSE, Stage.STAGE_2).state());
    }

    @Test
    void stage2MayBeExtendedBy20WorkingDaysAndNotADayMore() {
        Complaint twenty = escalated("2021-12-06T10:00", "2021-12-15T10:00");
        Complaint twentyOne = escalated("2021-12-06T10:00", "2021-12-15T10:00");
        at("2021-12-21T11:00");
        execute(twenty, new Command.Acknowledge());
        execute(twentyOne, new Command.Acknowledge());
        at("2022-01-10T09:00");
        assertSays(refusal(twentyOne, new Command.Extend(21)),
                "an extension of 21 working days would make 21 in total; the limit for HOUSING Stage 2 is 20");
        assertEquals(20, execute(twenty, new Command.Extend(20)).extensionWorkingDays());
        // 21 January plus 20 working days: 24 January to 18 February 2022
        assertEquals(LocalDate.of(2022, 2, 18), clock(twenty, ClockKind.RESPONSE, Stage.STAGE_2).dueDate());
        assertSays(refusal(twenty, new Command.Extend(1)),
                "an extension of 1 working days would make 21 in total; the limit for HOUSING Stage 2 is 20");
    }

    @Test
    void stage2IsHandledByAnotherOfficerThanStage1() {
        Complaint c = acknowledged("2022-04-04T10:00");
        execute(c, Command.Respond.with(Outcome.NOT_UPHELD));
        at("2022-04-12T10:00");
        execute(c, new Command.Escalate());
        assertSays(refusal(c, new Command.Allocate("jo", "Voice of the customer")),
                "housing stage 2 must be handled by a different officer than stage 1 (jo)");
        assertEquals(Status.ALLOCATED, execute(c, new Command.Allocate("sam", "Voice of the customer")).status());
    }

    // after stage 2

    @Test
    void theHousingOmbudsmanComesAfterStage2AndNotBefore() {
        Complaint c = acknowledged("2022-04-04T10:00");
        execute(c, Command.Respond.with(Outcome.NOT_UPHELD));
        assertSays(refusal(c, new Command.ReferToOmbudsman()),
                "the complaint is at Stage 1 of HOUSING; the Ombudsman comes after Stage 2 (ESCALATE first)");
        at("2022-04-12T10:00");
        execute(c, new Command.Escalate());
        execute(c, new Command.Allocate("sam", "Voice of the customer"));
        assertSays(refusal(c, new Command.ReferToOmbudsman()), "not allowed from");
        execute(c, new Command.Acknowledge());
        at("2022-05-03T10:00");
        execute(c, Command.Respond.with(Outcome.NOT_UPHELD));
        assertSays(refusal(c, new Command.Escalate()), "Stage 2 is the last stage of HOUSING",
                "record REFER_TO_OMBUDSMAN instead");
        at("2022-06-01T10:00");
        assertTrue(execute(c, new Command.ReferToOmbudsman()).referredToOmbudsman());
        assertSays(refusal(c, new Command.ReferToOmbudsman()), "already recorded");
    }
}
