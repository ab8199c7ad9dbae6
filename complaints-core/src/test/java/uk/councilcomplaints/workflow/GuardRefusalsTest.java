package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.ClosureReason;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.ReferenceStore;

/**
 * Each guard's refusal, with what it says, and the limits on the day: the children's request window, the
 * extension limit, an agreed date on the day it is agreed. A refused command changes nothing.
 */
class GuardRefusalsTest {

    /** Tuesday 4 January 2022, 09:00 in London (GMT). */
    private static final Instant START = Instant.parse("2022-01-04T09:00:00Z");
    private static final Audit WITH_REASON = Fixtures.OFFICER.because("agreed with the complainant");

    private final SettableClock clock = new SettableClock(START);
    private final ReferenceStore store = ReferenceStore.correct();
    private final Complaints complaints = Complaints.builder(store).clock(clock).build();

    private String refusal(Complaint c, Command command, Audit audit) {
        List<ComplaintEvent> before = store.history(c.id());
        CommandRejectedException e = assertThrows(CommandRejectedException.class,
                () -> complaints.execute(c.id(), command, audit));
        assertEquals(before, store.history(c.id()), "a refused command changes nothing");
        return e.getMessage();
    }

    private static void assertSays(String message, String part) {
        assertTrue(message.contains(part), "'" + message + "' says '" + part + "'");
    }

    private Complaint execute(Complaint c, Command command) {
        return complaints.execute(c.id(), command, WITH_REASON);
    }

    private Complaint responded(Procedure procedure) {
        return Fixtures.respond(complaints, Fixtures.allocated(complaints, procedure, ServiceArea.OTHER, "jo"));
    }

    /** A children's complaint at stage 3: answered at stages 1 and 2, the review panel requested. */
    private Complaint childrensStage3() {
        Complaint c = responded(Procedure.CHILDRENS_SOCIAL_CARE);
        execute(c, new Command.Escalate());
        execute(c, new Command.Allocate("sam", "VoC"));
        Fixtures.respond(complaints, complaints.get(c.id()));
        return execute(c, new Command.Escalate());
    }

    @Test
    void triageNotReclassificationConfirmsAComplaint() {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        assertSays(refusal(c, new Command.Reclassify(Classification.COMPLAINT), Fixtures.OFFICER),
                "TRIAGE confirms a complaint");
    }

    @Test
    void onlyChildrensAndCorporateComplaintsEscalateAndNotPastTheirLastStage() {
        assertSays(refusal(responded(Procedure.ADULT_SOCIAL_CARE), new Command.Escalate(), Fixtures.OFFICER),
                "adult social care complaints have one stage");
        Complaint corporate = responded(Procedure.CORPORATE);
        execute(corporate, new Command.Escalate());
        execute(corporate, new Command.Allocate("sam", "VoC"));
        Complaint stage2 = Fixtures.respond(complaints, complaints.get(corporate.id()));
        assertSays(refusal(stage2, new Command.Escalate(), Fixtures.OFFICER), "is the last stage of CORPORATE");
        assertSays(refusal(corporate, Command.Escalate.acceptingLateRequest(), WITH_REASON),
                "is the last stage of CORPORATE");
    }

    @Test
    void aChildrensRequestAfterTheWindowMustBeAcceptedAndOneWithinItMustNot() {
        // answered on Tuesday 4 January 2022: stage 2 may be requested by the end of Tuesday 1 February
        Complaint onTheLastDay = responded(Procedure.CHILDRENS_SOCIAL_CARE);
        Complaint dayAfter = responded(Procedure.CHILDRENS_SOCIAL_CARE);
        clock.set(Instant.parse("2022-02-01T16:00:00Z"));
        String notLate = refusal(onTheLastDay, Command.Escalate.acceptingLateRequest(), WITH_REASON);
        assertSays(notLate, "by the end of 2022-02-01, so this request is not late");
        assertEquals(Status.ESCALATED, execute(onTheLastDay, new Command.Escalate()).status());
        clock.set(Instant.parse("2022-02-02T09:00:00Z"));
        assertSays(refusal(dayAfter, new Command.Escalate(), WITH_REASON), "to accept a later request");
        assertEquals(Status.ESCALATED, execute(dayAfter, Command.Escalate.acceptingLateRequest()).status());
        assertSays(refusal(responded(Procedure.CORPORATE), Command.Escalate.acceptingLateRequest(), WITH_REASON),
                "CORPORATE sets no window for requesting the next stage");
    }

    @Test
    void theReviewPanelSitsOnlyAtChildrensStage3MeetsOnceThenReportsOnce() {
        Complaint stage1 = Fixtures.allocated(complaints, Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.OTHER, "jo");
        assertSays(refusal(stage1, new Command.RecordPanelMeeting(), Fixtures.OFFICER),
                "a review panel sits at stage 3 of CHILDRENS_SOCIAL_CARE; this complaint is at");
        assertSays(refusal(stage1, new Command.RecordPanelReport(), Fixtures.OFFICER), "a review panel sits at stage 3");
        Complaint c = childrensStage3();
        assertSays(refusal(c, new Command.RecordPanelReport(), Fixtures.OFFICER), "reports after it meets");
        execute(c, new Command.RecordPanelMeeting());
        assertSays(refusal(c, new Command.RecordPanelMeeting(), Fixtures.OFFICER), "meeting is already recorded");
        execute(c, new Command.RecordPanelReport());
        assertSays(refusal(c, new Command.RecordPanelReport(), Fixtures.OFFICER), "report is already recorded");
    }

    @Test
    void theOmbudsmanComesAfterTheLastStageAndOnce() {
        assertSays(refusal(responded(Procedure.CORPORATE), new Command.ReferToOmbudsman(), Fixtures.OFFICER),
                "the Ombudsman comes after Stage 2 (ESCALATE first)");
        Complaint adult = responded(Procedure.ADULT_SOCIAL_CARE);
        assertTrue(execute(adult, new Command.ReferToOmbudsman()).referredToOmbudsman());
        assertSays(refusal(adult, new Command.ReferToOmbudsman(), Fixtures.OFFICER), "already recorded");
    }

    @Test
    void onlyADuplicateNamesAnOriginalThatExistsAndIsAnother() {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        Complaint original = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        assertSays(refusal(c, new Command.Close(ClosureReason.WITHDRAWN, Optional.of(original.id())),
                Fixtures.OFFICER), "only a DUPLICATE closure names an original");
        assertSays(refusal(c, new Command.Close(ClosureReason.DUPLICATE, Optional.empty()), Fixtures.OFFICER),
                "must name the original complaint");
        assertSays(refusal(c, Command.Close.duplicateOf(c.id()), Fixtures.OFFICER), "duplicate of itself");
        ComplaintId nowhere = ComplaintId.random();
        assertSays(refusal(c, Command.Close.duplicateOf(nowhere), Fixtures.OFFICER), nowhere + " does not exist");
        assertEquals(Optional.of(original.id()),
                complaints.execute(c.id(), Command.Close.duplicateOf(original.id()), Fixtures.OFFICER).duplicateOf());
    }

    @Test
    void extensionsAddUpToTheLimitAndNotADayMore() {
        Complaint c = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
        execute(c, new Command.Extend(6));
        assertEquals(10, execute(c, new Command.Extend(4)).extensionWorkingDays(), "exactly the limit of 10");
        assertSays(refusal(c, new Command.Extend(1), WITH_REASON),
                "an extension of 1 working days would make 11 in total; the limit for CORPORATE Stage 1 is 10");
    }

    @Test
    void aResponseDateIsAgreedForAdultsOnlyAndNotBeforeTheDayItIsAgreed() {
        Complaint corporate = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
        assertSays(refusal(corporate, new Command.AgreeResponseDate(LocalDate.of(2022, 2, 1)), WITH_REASON),
                "applies to adult social care complaints; CORPORATE uses EXTEND");
        Complaint adult = Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "jo");
        clock.advance(Duration.ofDays(1));
        assertSays(refusal(adult, new Command.AgreeResponseDate(LocalDate.of(2022, 1, 4)), WITH_REASON),
                "the agreed date 2022-01-04 is before the day it was agreed, 2022-01-05");
        assertEquals(Optional.of(LocalDate.of(2022, 1, 5)),
                execute(adult, new Command.AgreeResponseDate(LocalDate.of(2022, 1, 5))).agreedResponseDate(),
                "the same day");
    }

    @Test
    void aResponseDateIsAgreedBeforeTheDefaultResponseFallsDue() {
        // adults: received Tuesday 4 January 2022, the council's default response is due by the end of 1 February
        Complaint onTheDay = Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "jo");
        Complaint dayAfter = Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "jo");
        clock.set(Instant.parse("2022-02-01T16:00:00Z"));
        assertEquals(Optional.of(LocalDate.of(2022, 2, 28)),
                execute(onTheDay, new Command.AgreeResponseDate(LocalDate.of(2022, 2, 28))).agreedResponseDate());
        clock.set(Instant.parse("2022-02-02T09:00:00Z"));
        assertSays(refusal(dayAfter, new Command.AgreeResponseDate(LocalDate.of(2022, 2, 28)), WITH_REASON),
                "the response was due by the end of 2022-02-01; a new response date must be agreed before the deadline");
    }

    @Test
    void aPauseWhereThePolicyAllowsItOnceAndAResumeOnlyWhenPaused() {
        Complaint childrens = Fixtures.allocated(complaints, Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.OTHER, "jo");
        assertSays(refusal(childrens, new Command.Pause(), WITH_REASON),
                "the council's policy does not allow pausing CHILDRENS_SOCIAL_CARE complaints");
        Complaint corporate = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
        assertSays(refusal(corporate, new Command.Resume(), WITH_REASON), "the clock is not paused");
        execute(corporate, new Command.Pause());
        assertSays(refusal(corporate, new Command.Pause(), WITH_REASON), "the clock is already paused");
        assertTrue(!execute(corporate, new Command.Resume()).paused());
    }

    @Test
    void lateAcceptanceAndErasureHappenOnce() {
        Complaint late = complaints.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE, START)
                .withMatterDate(LocalDate.of(2020, 6, 1)), Fixtures.OFFICER);
        execute(late, new Command.AcceptLate());
        assertSays(refusal(late, new Command.AcceptLate(), WITH_REASON), "it was already accepted late");
        assertTrue(execute(late, new Command.ErasePersonalData()).personalDataErased());
        assertSays(refusal(late, new Command.ErasePersonalData(), WITH_REASON), "its personal data was already erased");
    }
}
