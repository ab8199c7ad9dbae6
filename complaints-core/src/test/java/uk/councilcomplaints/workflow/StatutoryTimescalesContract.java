package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.EventData;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.report.SlaPerformance;
import uk.councilcomplaints.report.StatutoryAnnualReport;
import uk.councilcomplaints.sla.ClockKind;
import uk.councilcomplaints.sla.ClockState;
import uk.councilcomplaints.sla.SlaClock;
import uk.councilcomplaints.sla.SlaStatus;
import uk.councilcomplaints.sla.WorkingCalendar;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.testing.Fixtures;

/**
 * The statutory timescales through the {@link Complaints} facade, with real dates on the day before, on and
 * after each limit: pauses, late entries, the children's request windows and review panel, the adults' six
 * months, and dates the calendar cannot reason about. A store module extends this class.
 */
public abstract class StatutoryTimescalesContract {

    private SettableClock clock;
    private ComplaintStore store;
    private Complaints complaints;

    /** A new, empty store. */
    protected abstract ComplaintStore createStore();

    @BeforeEach
    void setUp() {
        clock = SettableClock.at("2022-01-04T09:00:00Z");
        store = createStore();
        complaints = Complaints.builder(store).clock(clock).build();
    }

    /** A local date-time in Europe/London. */
    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    /** Sets the clock to a local date-time in Europe/London. */
    private Instant at(String localDateTime) {
        Instant instant = london(localDateTime);
        clock.set(instant);
        return instant;
    }

    private Complaint execute(Complaint c, Command command) {
        return complaints.execute(c.id(), command, Audit.by("officer"));
    }

    private Complaint execute(Complaint c, Command command, String reason) {
        return complaints.execute(c.id(), command, Audit.by("officer").because(reason));
    }

    private CommandRejectedException rejected(Complaint c, Command command, Audit audit) {
        List<ComplaintEvent> before = store.history(c.id());
        CommandRejectedException e = assertThrows(CommandRejectedException.class,
                () -> complaints.execute(c.id(), command, audit));
        assertEquals(before, store.history(c.id()), "a rejected command changes nothing");
        return e;
    }

    private static void assertMentions(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' mentions '" + part + "'");
        }
    }

    private SlaClock clock(Complaint c, ClockKind kind, Stage stage) {
        return complaints.slaStatus(c.id(), clock.instant(), KnownAt.latest()).orElseThrow().clock(kind, stage).orElseThrow();
    }

    private Optional<SlaStatus> listed(Complaint c) {
        return complaints.breachedOrAtRisk(clock.instant(), KnownAt.latest()).stream().filter(s -> s.id().equals(c.id())).findFirst();
    }

    /** A corporate complaint acknowledged on Tuesday 4 January 2022: its response is due by the end of 18 January. */
    private Complaint corporateDueOn18January() {
        at("2022-01-04T09:00");
        Complaint c = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "a");
        return execute(c, new Command.Acknowledge());
    }

    private Complaint responded(Procedure procedure, String on) {
        at(on.substring(0, 10) + "T08:00");
        Complaint c = Fixtures.allocated(complaints, procedure, ServiceArea.CHILDRENS, "a");
        execute(c, new Command.Acknowledge());
        at(on);
        return execute(c, Command.Respond.with(Outcome.NOT_UPHELD));
    }

    // pauses and late entries

    @Test
    void aPauseAfterTheDeadlineIsRejectedAndTheBreachStaysListed() {
        Complaint onTheDay = corporateDueOn18January();
        Complaint dayAfter = corporateDueOn18January();
        at("2022-01-18T16:00");
        execute(onTheDay, new Command.Pause(), "waiting for photos");
        at("2022-01-19T09:00");
        CommandRejectedException e = rejected(dayAfter, new Command.Pause(), Audit.by("a").because("photos"));
        assertMentions(e, "2022-01-18", "a pause must be agreed before the deadline");
        at("2022-01-19T10:00");
        assertEquals(ClockState.PAUSED, clock(onTheDay, ClockKind.RESPONSE, Stage.STAGE_1).state());
        assertEquals(ClockState.BREACHED, clock(dayAfter, ClockKind.RESPONSE, Stage.STAGE_1).state());
        assertTrue(listed(dayAfter).orElseThrow().breached());
        assertTrue(listed(onTheDay).isEmpty(), "a clock paused in time needs nothing");
    }

    @Test
    void aPauseOrExtensionRecordedAfterTheDeadlineCannotUndoTheBreach() {
        Complaint paused = corporateDueOn18January();
        Complaint extended = corporateDueOn18January();
        Instant dueDay = london("2022-01-18T10:00");
        at("2022-01-19T09:00");
        complaints.execute(paused.id(), new Command.Pause(),
                Audit.by("a").occurredAt(dueDay).because("asked for photos by phone yesterday"));
        complaints.execute(extended.id(), new Command.Extend(5),
                Audit.by("a").occurredAt(dueDay).because("agreed by phone yesterday"));
        Instant recorded = clock.instant();
        at("2022-01-20T09:00");
        for (Complaint c : List.of(paused, extended)) {
            SlaClock response = clock(c, ClockKind.RESPONSE, Stage.STAGE_1);
            assertEquals(ClockState.BREACHED, response.state());
            assertEquals(LocalDate.of(2022, 1, 18), response.dueDate());
            assertTrue(response.stretchedLate());
            assertTrue(listed(c).orElseThrow().breached());
            // known before the entries, the same breach; nothing stretched yet
            SlaClock before = complaints.slaStatus(c.id(), clock.instant(), KnownAt.of(recorded.minusSeconds(1))).orElseThrow()
                    .clock(ClockKind.RESPONSE, Stage.STAGE_1).orElseThrow();
            assertEquals(ClockState.BREACHED, before.state());
            assertFalse(before.stretchedLate());
        }
    }

    // the corporate response counts from the acknowledgement due day

    @Test
    void anUnacknowledgedCorporateComplaintIsDueWhenOneAcknowledgedOnTheLastDayWouldBe() {
        at("2022-01-10T09:00");
        Complaint waiting = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "a");
        Complaint lastDay = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "b");
        at("2022-01-17T16:00");
        execute(lastDay, new Command.Acknowledge());
        at("2022-01-17T17:00");
        assertEquals(LocalDate.of(2022, 1, 31), clock(waiting, ClockKind.RESPONSE, Stage.STAGE_1).dueDate());
        assertEquals(LocalDate.of(2022, 1, 31), clock(lastDay, ClockKind.RESPONSE, Stage.STAGE_1).dueDate());
    }

    // housing (Housing Ombudsman Complaint Handling Code 2024): the corporate timescales, then the Housing Ombudsman

    @Test
    void anUnacknowledgedHousingComplaintIsDueWhenOneAcknowledgedOnTheLastDayWouldBe() {
        ServiceArea housing = ServiceArea.of("housing", "Housing");
        at("2022-01-10T09:00");
        Complaint waiting = Fixtures.allocated(complaints, Procedure.HOUSING, housing, "a");
        Complaint lastDay = Fixtures.allocated(complaints, Procedure.HOUSING, housing, "b");
        at("2022-01-17T16:00");
        execute(lastDay, new Command.Acknowledge());
        at("2022-01-17T17:00");
        assertEquals(LocalDate.of(2022, 1, 17), clock(waiting, ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_1).dueDate());
        assertEquals(LocalDate.of(2022, 1, 31), clock(waiting, ClockKind.RESPONSE, Stage.STAGE_1).dueDate());
        assertEquals(LocalDate.of(2022, 1, 31), clock(lastDay, ClockKind.RESPONSE, Stage.STAGE_1).dueDate());
    }

    @Test
    void aHousingComplaintGoesThroughBothStagesToTheHousingOmbudsman() {
        // stage 1 acknowledged Tuesday 12 April 2022: due 28 April, Good Friday and Easter Monday skipped
        at("2022-04-12T10:00");
        Complaint c = execute(Fixtures.allocated(complaints, Procedure.HOUSING, ServiceArea.of("housing", "Housing"),
                "a"), new Command.Acknowledge());
        assertEquals(LocalDate.of(2022, 4, 28), clock(c, ClockKind.RESPONSE, Stage.STAGE_1).dueDate());
        at("2022-04-28T16:00");
        execute(c, Command.Respond.with(Outcome.NOT_UPHELD));
        assertEquals(ClockState.MET_ON_TIME, clock(c, ClockKind.RESPONSE, Stage.STAGE_1).state());
        assertMentions(rejected(c, new Command.ReferToOmbudsman(), Audit.by("a")), "the Ombudsman comes after Stage 2");
        // stage 2 requested Friday 29 April: acknowledged by 9 May (2 May skipped), answered 20 working days after
        at("2022-04-29T10:00");
        execute(c, new Command.Escalate());
        assertMentions(rejected(c, new Command.Allocate("a", "VoC"), Audit.by("a")),
                "housing stage 2 must be handled by a different officer");
        execute(c, new Command.Allocate("b", "VoC"));
        assertEquals(LocalDate.of(2022, 5, 9), clock(c, ClockKind.ACKNOWLEDGEMENT, Stage.STAGE_2).dueDate());
        at("2022-05-09T15:00");
        execute(c, new Command.Acknowledge());
        // 10 May to 8 June: the spring bank holiday (2 June) and the Platinum Jubilee (3 June) skipped
        assertEquals(LocalDate.of(2022, 6, 8), clock(c, ClockKind.RESPONSE, Stage.STAGE_2).dueDate());
        at("2022-06-09T10:00");
        execute(c, Command.Respond.with(Outcome.PARTLY_UPHELD));
        assertEquals(ClockState.MET_LATE, clock(c, ClockKind.RESPONSE, Stage.STAGE_2).state());
        assertTrue(execute(c, new Command.ReferToOmbudsman()).referredToOmbudsman());
        assertEquals("Housing Ombudsman", complaints.get(c.id()).procedure().ombudsman());
        Reports reports = Reports.over(store);
        StatutoryAnnualReport annual = reports.statutoryAnnual(LocalDate.of(2023, 3, 31), KnownAt.latest());
        assertEquals(0, annual.adults().received());
        assertEquals(0, annual.childrens().received(Stage.STAGE_1));
    }

    // children's social care: the request windows and the review panel

    @Test
    void childrensStage2MayBeRequestedWithin20WorkingDaysOfTheResponse() {
        // responded Tuesday 12 April 2022: 20 working days (Easter, 2 May skipped) end on Friday 13 May
        Complaint onTheDay = responded(Procedure.CHILDRENS_SOCIAL_CARE, "2022-04-12T10:00");
        Complaint dayBefore = responded(Procedure.CHILDRENS_SOCIAL_CARE, "2022-04-12T10:00");
        Complaint dayAfter = responded(Procedure.CHILDRENS_SOCIAL_CARE, "2022-04-12T10:00");
        at("2022-05-12T15:00");
        CommandRejectedException notLate = rejected(dayBefore, Command.Escalate.acceptingLateRequest(),
                Audit.by("a").because("complainant was ill"));
        assertMentions(notLate, "2022-05-13", "not late");
        assertEquals(Stage.STAGE_2, execute(dayBefore, new Command.Escalate()).stage());
        at("2022-05-13T16:00");
        assertEquals(Stage.STAGE_2, execute(onTheDay, new Command.Escalate()).stage());
        at("2022-05-16T09:00");
        CommandRejectedException late = rejected(dayAfter, new Command.Escalate(), Audit.by("a"));
        assertMentions(late, "Stage 2 may be requested within 20 working days", "2022-04-12", "2022-05-13",
                "acceptingLateRequest");
        InvalidCommandException noReason = assertThrows(InvalidCommandException.class,
                () -> execute(dayAfter, Command.Escalate.acceptingLateRequest()));
        assertEquals("reason", noReason.violations().get(0).path());
        Complaint accepted = execute(dayAfter, Command.Escalate.acceptingLateRequest(), "complainant was in hospital");
        assertEquals(Stage.STAGE_2, accepted.stage());
        List<ComplaintEvent> history = store.history(dayAfter.id());
        ComplaintEvent escalated = history.get(history.size() - 1);
        assertEquals(new EventData.Escalated(Stage.STAGE_2, true), escalated.data());
        assertEquals(Optional.of("complainant was in hospital"), escalated.reason());
    }

    @Test
    void childrensStage3MayBeRequestedWithin20WorkingDaysOfTheStage2Response() {
        Complaint c = responded(Procedure.CHILDRENS_SOCIAL_CARE, "2022-04-01T10:00");
        at("2022-04-04T09:00");
        execute(c, new Command.Escalate());
        execute(c, new Command.Allocate("b", "VoC"));
        execute(c, new Command.Acknowledge());
        at("2022-04-12T10:00");
        execute(c, Command.Respond.with(Outcome.PARTLY_UPHELD));
        at("2022-05-16T09:00");
        assertMentions(rejected(c, new Command.Escalate(), Audit.by("a")), "Stage 3 may be requested", "2022-05-13");
        assertEquals(Stage.STAGE_3, execute(c, Command.Escalate.acceptingLateRequest(), "new evidence").stage());
    }

    @Test
    void corporateSetsNoRequestWindow() {
        Complaint c = responded(Procedure.CORPORATE, "2022-01-10T10:00");
        at("2022-06-01T09:00");
        assertMentions(rejected(c, Command.Escalate.acceptingLateRequest(), Audit.by("a").because("x")),
                "no window");
        assertEquals(Stage.STAGE_2, execute(c, new Command.Escalate()).stage());
    }

    @Test
    void theReviewPanelMeetsThenReportsThenTheCouncilResponds() {
        Complaint c = responded(Procedure.CHILDRENS_SOCIAL_CARE, "2022-01-18T10:00");
        at("2022-01-20T09:00");
        execute(c, new Command.Escalate());
        assertMentions(rejected(c, new Command.RecordPanelMeeting(), Audit.by("a")), "stage 3",
                "this complaint is at Stage 2");
        execute(c, new Command.Allocate("b", "VoC"));
        execute(c, new Command.Acknowledge());
        at("2022-02-14T10:00");
        execute(c, Command.Respond.with(Outcome.NOT_UPHELD));
        Instant requested = at("2022-03-01T09:00");
        execute(c, new Command.Escalate());
        execute(c, new Command.Allocate("c", "VoC"));
        assertMentions(rejected(c, new Command.RecordPanelReport(), Audit.by("a")), "RECORD_PANEL_MEETING first");
        execute(c, new Command.Acknowledge());
        assertMentions(rejected(c, Command.Respond.with(Outcome.UPHELD), Audit.by("a")),
                "RECORD_PANEL_REPORT first");
        SlaClock meeting = clock(c, ClockKind.PANEL_MEETING, Stage.STAGE_3);
        assertEquals(requested, meeting.start());
        assertEquals(LocalDate.of(2022, 4, 12), meeting.dueDate(), "30 working days from the request");
        assertEquals(LocalDate.of(2022, 4, 21), clock(c, ClockKind.PANEL_REPORT, Stage.STAGE_3).dueDate());
        assertEquals(LocalDate.of(2022, 5, 13), clock(c, ClockKind.RESPONSE, Stage.STAGE_3).dueDate());

        at("2022-04-13T00:00");
        assertTrue(listed(c).orElseThrow().breached(), "the panel did not meet by 12 April");
        at("2022-04-13T10:00");
        Status before = complaints.get(c.id()).status();
        assertEquals(before, execute(c, new Command.RecordPanelMeeting()).status(), "the status does not change");
        assertEquals(ClockState.MET_LATE, clock(c, ClockKind.PANEL_MEETING, Stage.STAGE_3).state());
        assertEquals(LocalDate.of(2022, 4, 22), clock(c, ClockKind.PANEL_REPORT, Stage.STAGE_3).dueDate(),
                "5 working days from the meeting, Easter skipped");
        assertMentions(rejected(c, new Command.RecordPanelMeeting(), Audit.by("a")), "already recorded");
        at("2022-04-21T15:00");
        execute(c, new Command.RecordPanelReport());
        assertEquals(ClockState.MET_ON_TIME, clock(c, ClockKind.PANEL_REPORT, Stage.STAGE_3).state());
        assertEquals(LocalDate.of(2022, 5, 13), clock(c, ClockKind.RESPONSE, Stage.STAGE_3).dueDate(),
                "15 working days from the report");
        at("2022-05-13T12:00");
        execute(c, Command.Respond.with(Outcome.UPHELD));
        assertEquals(ClockState.MET_ON_TIME, clock(c, ClockKind.RESPONSE, Stage.STAGE_3).state());
        assertMentions(rejected(c, new Command.RecordPanelMeeting(), Audit.by("a")), "not allowed from RESPONDED");
    }

    @Test
    void onlyChildrensStage3HasAPanel() {
        Complaint corporate = corporateDueOn18January();
        assertMentions(rejected(corporate, new Command.RecordPanelMeeting(), Audit.by("a")),
                "stage 3 of CHILDRENS_SOCIAL_CARE", "CORPORATE");
    }

    // adult social care: six months from the day of receipt

    @Test
    void aLongerResponsePeriodMustBeAgreedBeforeTheSixMonthsEnd() {
        // received 15 March 2022: the six months end on 14 September 2022
        at("2022-03-15T10:00");
        Complaint onTheLastDay = Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "a");
        Complaint dayAfter = Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "b");
        at("2022-03-16T10:00");
        for (Complaint c : List.of(onTheLastDay, dayAfter)) {
            execute(c, new Command.AgreeResponseDate(LocalDate.of(2022, 9, 30)), "agreed at the first meeting");
        }
        at("2022-09-14T15:00");
        assertEquals(Optional.of(LocalDate.of(2022, 10, 31)),
                execute(onTheLastDay, new Command.AgreeResponseDate(LocalDate.of(2022, 10, 31)), "more records")
                        .agreedResponseDate());
        at("2022-09-15T09:00");
        assertMentions(rejected(dayAfter, new Command.AgreeResponseDate(LocalDate.of(2022, 10, 31)),
                Audit.by("b").because("more records")), "must be agreed before it ends on 2022-09-14");
    }

    @Test
    void anAgreedDateAlreadyPastIsRejected() {
        at("2022-03-15T10:00");
        Complaint c = Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "a");
        at("2022-04-01T10:00");
        assertMentions(rejected(c, new Command.AgreeResponseDate(LocalDate.of(2022, 3, 31)),
                Audit.by("a").because("x")), "2022-03-31 is before the day it was agreed, 2022-04-01");
        assertEquals(Optional.of(LocalDate.of(2022, 4, 1)),
                execute(c, new Command.AgreeResponseDate(LocalDate.of(2022, 4, 1)), "today").agreedResponseDate());
    }

    // dates the calendar can and cannot reason about

    @Test
    void anAgreedDateIn2040LeavesEveryListingAndReportWorking() {
        Complaint other = corporateDueOn18January();
        at("2022-03-15T10:00");
        Complaint c = Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "a");
        at("2022-03-16T10:00");
        execute(c, new Command.AgreeResponseDate(LocalDate.of(2040, 1, 1)), "complainant abroad");
        at("2022-04-01T10:00");
        assertEquals(LocalDate.of(2040, 1, 1), clock(c, ClockKind.RESPONSE, Stage.STAGE_1).dueDate());
        assertTrue(listed(other).orElseThrow().breached());
        Reports reports = Reports.over(store);
        SlaPerformance performance = reports.slaPerformance(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 3, 31),
                LocalDate.of(2022, 3, 31), KnownAt.latest());
        assertEquals(2, performance.triage().received());
        StatutoryAnnualReport annual = reports.statutoryAnnual(LocalDate.of(2022, 3, 31), KnownAt.latest());
        assertEquals(1, annual.adults().received());
    }

    @Test
    void aDateBeyondTheCalendarIsRejectedNamingTheField() {
        at("2022-03-15T10:00");
        Complaint c = Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "a");
        List<ComplaintEvent> before = store.history(c.id());
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> execute(c, new Command.AgreeResponseDate(LocalDate.of(2200, 1, 1)), "far"));
        assertEquals("date", e.violations().get(0).path());
        assertMentions(e, "2199-12-31", "2200-01-01");
        assertEquals(before, store.history(c.id()));
    }

    @Test
    void aContactReceivedOn31December2035IsHandledLikeAnyOther() {
        at("2035-12-31T10:00");
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        assertEquals(ClockState.RUNNING, clock(c, ClockKind.TRIAGE, Stage.STAGE_1).state());
        at("2036-01-03T09:59");
        assertEquals(ClockState.AT_RISK, clock(c, ClockKind.TRIAGE, Stage.STAGE_1).state());
        at("2036-01-03T10:00");
        assertTrue(listed(c).orElseThrow().breached(), "48 working hours: 31 December, 2 January, 3 January 10:00");
        Reports reports = Reports.over(store);
        assertEquals(1, reports.slaPerformance(LocalDate.of(2035, 12, 1), LocalDate.of(2035, 12, 31),
                LocalDate.of(2036, 1, 3), KnownAt.latest()).triage().received());
        reports.statutoryAnnual(LocalDate.of(2036, 3, 31), KnownAt.latest());
    }

    @Test
    void oneComplaintTheClocksCannotReachDoesNotStopTheListing() {
        Complaint breached = corporateDueOn18January();
        at("2199-12-31T10:00");
        ComplaintId atTheEnd = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE).id();
        at("2199-12-31T12:00");
        List<ComplaintId> listed = complaints.breachedOrAtRisk(clock.instant(), KnownAt.latest()).stream().map(SlaStatus::id).toList();
        assertEquals(List.of(breached.id()), listed, "the other complaint is left out, with a warning");
        assertEquals(Optional.empty(), complaints.slaStatus(atTheEnd, clock.instant(), KnownAt.latest()));
        Reports.over(store).slaPerformance(LocalDate.of(2199, 12, 1), LocalDate.of(2199, 12, 31),
                LocalDate.of(2199, 12, 31), KnownAt.latest());
    }
}
