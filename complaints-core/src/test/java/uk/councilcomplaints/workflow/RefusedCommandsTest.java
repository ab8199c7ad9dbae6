package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.ReferenceStore;

/**
 * What a refusal says (the complaint, its status, the command and what is allowed instead), the commands that
 * need a reason, the 12-month limit to the day, and the status a reclassification or closure leads to.
 */
class RefusedCommandsTest {

    /** Tuesday 15 March 2022, 10:00 in London (GMT). */
    private static final Instant NOW = Instant.parse("2022-03-15T10:00:00Z");

    private final SettableClock clock = new SettableClock(NOW);
    private final ReferenceStore store = ReferenceStore.correct();
    private final Complaints complaints = Complaints.builder(store).clock(clock).build();

    private Complaint received(Procedure procedure) {
        return Fixtures.receive(complaints, procedure, ServiceArea.CORPORATE);
    }

    private Complaint receivedWithMatterOn(LocalDate matter) {
        return complaints.receive(Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE, NOW)
                .withMatterDate(matter), Fixtures.OFFICER);
    }

    private CommandRejectedException rejected(Complaint c, Command command, Audit audit) {
        List<ComplaintEvent> before = store.history(c.id());
        CommandRejectedException e = assertThrows(CommandRejectedException.class,
                () -> complaints.execute(c.id(), command, audit));
        assertEquals(before, store.history(c.id()), "a refused command changes nothing");
        return e;
    }

    @Test
    void aRefusalNamesTheComplaintItsStatusTheCommandAndWhatIsAllowed() {
        Complaint c = received(Procedure.CORPORATE);
        CommandRejectedException e = rejected(c, new Command.Acknowledge(), Fixtures.OFFICER);
        assertEquals(c.reference(), e.reference());
        assertEquals(Status.RECEIVED, e.status());
        assertEquals(CommandType.ACKNOWLEDGE, e.command());
        // not ACCEPT_LATE, which RECEIVED allows: it was made within 12 months of the matter
        assertEquals(EnumSet.of(CommandType.TRIAGE, CommandType.RECLASSIFY, CommandType.CLOSE,
                CommandType.ERASE_PERSONAL_DATA, CommandType.REFUSE, CommandType.RECORD_LETTER_SENT), e.allowed());
        assertTrue(e.getMessage().contains(c.reference()) && e.getMessage().contains("not allowed from RECEIVED"),
                e.getMessage());
    }

    @Test
    void commandsThatMoveAClockOrAcceptLatenessNeedAReason() {
        Complaint c = received(Procedure.CORPORATE);
        complaints.execute(c.id(), Command.Triage.asReceived(), Fixtures.OFFICER);
        Map<Command, String> needReasons = Map.of(new Command.Extend(5), "EXTEND",
                new Command.AgreeResponseDate(LocalDate.of(2022, 4, 1)), "AGREE_RESPONSE_DATE",
                new Command.Pause(), "PAUSE", new Command.Resume(), "RESUME", new Command.AcceptLate(), "ACCEPT_LATE",
                new Command.ErasePersonalData(), "ERASE_PERSONAL_DATA");
        needReasons.forEach((command, name) -> {
            InvalidCommandException e = assertThrows(InvalidCommandException.class,
                    () -> complaints.execute(c.id(), command, Fixtures.OFFICER), name);
            assertEquals(List.of(new Violation("reason", "is required to " + name)), e.violations());
        });
        assertEquals(2, store.history(c.id()).size(), "nothing stored");
        assertTrue(complaints.execute(c.id(), new Command.Pause(), Fixtures.OFFICER.because("waiting for photos"))
                .paused());
    }

    @Test
    void aLateRequestForTheNextStageNeedsAReasonAnOrdinaryOneDoesNot() {
        Complaint c = Fixtures.respond(complaints, Fixtures.allocated(complaints, Procedure.CORPORATE,
                ServiceArea.CORPORATE, "jo"));
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> complaints.execute(c.id(), Command.Escalate.acceptingLateRequest(), Fixtures.OFFICER));
        assertEquals(List.of(new Violation("reason", "is required to ESCALATE accepting a late request")),
                e.violations());
        assertEquals(Status.ESCALATED, complaints.execute(c.id(), new Command.Escalate(), Fixtures.OFFICER).status());
    }

    @Test
    void aComplaintMadeTwelveMonthsAfterTheMatterIsInTimeAndADayLaterIsLate() {
        // received 15 March 2022
        Complaint inTime = receivedWithMatterOn(LocalDate.of(2021, 3, 15));
        CommandRejectedException e = rejected(inTime, new Command.AcceptLate(), Fixtures.OFFICER.because("x"));
        assertTrue(e.getMessage().contains("not late"), e.getMessage());
        e = rejected(inTime, Command.Close.outOfTime(), Fixtures.OFFICER);
        assertTrue(e.getMessage().contains("within 12 months of the matter (2021-03-15)"), e.getMessage());

        Complaint late = receivedWithMatterOn(LocalDate.of(2021, 3, 14));
        assertEquals(Status.OUT_OF_TIME, complaints.execute(late.id(), Command.Close.outOfTime(), Fixtures.OFFICER)
                .status());
        Complaint accepted = receivedWithMatterOn(LocalDate.of(2021, 3, 14));
        assertTrue(complaints.execute(accepted.id(), new Command.AcceptLate(), Fixtures.OFFICER.because("bereaved"))
                .acceptedLate());
        e = rejected(accepted, Command.Close.outOfTime(), Fixtures.OFFICER);
        assertTrue(e.getMessage().contains("accepted late"), e.getMessage());

        e = rejected(received(Procedure.CORPORATE), Command.Close.outOfTime(), Fixtures.OFFICER);
        assertTrue(e.getMessage().contains("needs the matter date"), e.getMessage());
    }

    @Test
    void aReclassificationOrAClosureLeadsToTheStatusItNames() {
        assertEquals(Status.SERVICE_REQUEST, complaints.execute(received(Procedure.CORPORATE).id(),
                new Command.Reclassify(Classification.SERVICE_REQUEST), Fixtures.OFFICER).status());
        assertEquals(Status.SIGNPOSTED, complaints.execute(received(Procedure.CORPORATE).id(),
                new Command.Reclassify(Classification.NOT_COUNCIL_COMPLAINT), Fixtures.OFFICER).status());
        Complaint original = received(Procedure.CORPORATE);
        assertEquals(Status.WITHDRAWN, complaints.execute(received(Procedure.CORPORATE).id(),
                Command.Close.withdrawn(), Fixtures.OFFICER).status());
        assertEquals(Status.DUPLICATE, complaints.execute(received(Procedure.CORPORATE).id(),
                Command.Close.duplicateOf(original.id()), Fixtures.OFFICER).status());
    }

    @Test
    void whatIsAllowedNowLeavesOutWhatAGuardRefusesWhateverTheCommandSays() {
        Complaint corporate = Fixtures.respond(complaints, Fixtures.allocated(complaints, Procedure.CORPORATE,
                ServiceArea.CORPORATE, "a.officer"));
        CommandRejectedException toOmbudsman = rejected(corporate, new Command.ReferToOmbudsman(), Fixtures.OFFICER);
        assertTrue(toOmbudsman.getMessage().contains("ESCALATE first"), toOmbudsman.getMessage());
        // RESPONDED allows both; stage 1 of the corporate procedure goes to stage 2 first, and nothing of the
        // Ombudsman's can be recorded before a referral
        assertEquals(EnumSet.of(CommandType.ESCALATE, CommandType.ERASE_PERSONAL_DATA, CommandType.REFUSE_ESCALATION,
                CommandType.RECORD_THEMES, CommandType.AGREE_LEARNING_ACTION, CommandType.RECORD_LETTER_SENT),
                toOmbudsman.allowed());
        assertTrue(toOmbudsman.getMessage().endsWith("Allowed now: " + toOmbudsman.allowed()),
                toOmbudsman.getMessage());

        Complaint adult = Fixtures.respond(complaints, Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE,
                ServiceArea.ADULTS, "a.officer"));
        CommandRejectedException escalate = rejected(adult, new Command.Escalate(), Fixtures.OFFICER);
        // the statutory adult procedure gives no right to refuse a next stage: it has none
        assertEquals(EnumSet.of(CommandType.REFER_TO_OMBUDSMAN, CommandType.ERASE_PERSONAL_DATA,
                CommandType.RECORD_THEMES, CommandType.AGREE_LEARNING_ACTION, CommandType.RECORD_LETTER_SENT),
                escalate.allowed());
        complaints.execute(adult.id(), new Command.ReferToOmbudsman(), Fixtures.OFFICER);
        assertEquals(EnumSet.of(CommandType.ERASE_PERSONAL_DATA, CommandType.RECORD_THEMES,
                CommandType.AGREE_LEARNING_ACTION, CommandType.RECORD_OMBUDSMAN_ENQUIRY,
                CommandType.RECORD_OMBUDSMAN_DECISION, CommandType.RECORD_LETTER_SENT),
                rejected(adult, new Command.ReferToOmbudsman(), Fixtures.OFFICER).allowed());
        complaints.execute(adult.id(), new Command.ErasePersonalData(), Fixtures.OFFICER.because("retention"));
        assertEquals(EnumSet.of(CommandType.RECORD_THEMES, CommandType.AGREE_LEARNING_ACTION,
                CommandType.RECORD_OMBUDSMAN_ENQUIRY, CommandType.RECORD_OMBUDSMAN_DECISION,
                CommandType.RECORD_LETTER_SENT),
                rejected(adult, new Command.ErasePersonalData(), Fixtures.OFFICER.because("again")).allowed());

        // a clock is paused or resumed, never both; an agreed date is for adults; values are not judged
        Complaint open = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "a.officer");
        CommandRejectedException resume = rejected(open, new Command.Resume(), Fixtures.OFFICER.because("back"));
        assertTrue(resume.allowed().containsAll(EnumSet.of(CommandType.PAUSE, CommandType.EXTEND,
                CommandType.ALLOCATE)), resume.allowed().toString());
        assertTrue(resume.allowed().stream().noneMatch(t -> t == CommandType.RESUME
                || t == CommandType.AGREE_RESPONSE_DATE || t == CommandType.ACCEPT_LATE), resume.allowed().toString());
        complaints.execute(open.id(), new Command.Pause(), Fixtures.OFFICER.because("waiting for photos"));
        CommandRejectedException pause = rejected(open, new Command.Pause(), Fixtures.OFFICER.because("again"));
        assertTrue(pause.allowed().contains(CommandType.RESUME), pause.allowed().toString());
        assertTrue(!pause.allowed().contains(CommandType.PAUSE), pause.allowed().toString());
    }
}
