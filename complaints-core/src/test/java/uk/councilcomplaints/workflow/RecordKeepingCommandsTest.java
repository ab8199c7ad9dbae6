package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.learning.CaseRecord;
import uk.councilcomplaints.learning.LearningAction;
import uk.councilcomplaints.learning.OmbudsmanCase;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.Money;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Remedy;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.model.Theme;
import uk.councilcomplaints.model.Themes;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.ReferenceStore;

/**
 * The commands that keep the record for the Code: what each refuses and why, with real dates on the day before,
 * on and after each limit (remedies due, a learning action due), and that a refused command changes nothing.
 */
class RecordKeepingCommandsTest {

    private final SettableClock clock = SettableClock.at("2022-09-01T09:00:00Z");
    private final ReferenceStore store = ReferenceStore.correct();
    private final Complaints complaints = Complaints.builder(store).clock(clock)
            .themes(Themes.of(List.of(new Theme("delay", "Delay"), new Theme("damp", "Damp and mould")))).build();
    private static final Audit WHY = Fixtures.OFFICER.because("recorded from the file");

    private Complaint responded(Procedure procedure) {
        return Fixtures.respond(complaints, Fixtures.allocated(complaints, procedure, ServiceArea.CORPORATE, "o.one"));
    }

    private static List<String> fields(InvalidCommandException e) {
        return e.violations().stream().map(v -> v.path() + ": " + v.message()).toList();
    }

    private void unchangedAfter(ComplaintId id, Runnable refused) {
        int before = store.history(id).size();
        assertThrows(RuntimeException.class, refused::run);
        assertEquals(before, store.history(id).size(), "a refused command changes nothing");
    }

    @Test
    void aRefusalNeedsAReasonAndIsCountedApart() {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        InvalidCommandException noReason = assertThrows(InvalidCommandException.class,
                () -> complaints.execute(c.id(), new Command.Refuse(Exclusion.ALREADY_DECIDED), Fixtures.OFFICER));
        assertEquals(List.of("reason: is required to REFUSE"), fields(noReason));
        Complaint refused = complaints.execute(c.id(), new Command.Refuse(Exclusion.ALREADY_DECIDED), WHY);
        assertEquals(Status.REFUSED, refused.status());
        assertEquals(Optional.of(Exclusion.ALREADY_DECIDED), CaseRecord.of(store.history(c.id())).exclusion());
        assertThrows(CommandRejectedException.class,
                () -> complaints.execute(c.id(), new Command.Allocate("o.two", "Team"), Fixtures.OFFICER));
    }

    @Test
    void onlyTheCouncilsThemesAreAccepted() {
        Complaint c = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "o.one");
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> complaints.execute(c.id(), Command.RecordThemes.of("delay", "communication"), Fixtures.OFFICER));
        assertEquals(List.of("themes: 'communication' is not one of the council's themes (delay, damp)"), fields(e));
        complaints.execute(c.id(), Command.RecordThemes.of("delay", "damp"), Fixtures.OFFICER);
        complaints.execute(c.id(), Command.RecordThemes.of("damp"), Fixtures.OFFICER);
        assertEquals(Set.of("damp"), CaseRecord.of(store.history(c.id())).themes(), "the latest replaces the earlier");
    }

    @Test
    void aPaymentComesWithAFinancialRemedyAndOnlyThen() {
        Complaint c = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "o.one");
        complaints.execute(c.id(), new Command.Acknowledge(), Fixtures.OFFICER);
        InvalidCommandException without = assertThrows(InvalidCommandException.class, () -> complaints.execute(c.id(),
                Command.Respond.with(Outcome.UPHELD, Remedy.FINANCIAL_REMEDY), Fixtures.OFFICER));
        assertEquals(List.of("payment: is required with a FINANCIAL_REMEDY (the amount in pounds)"), fields(without));
        InvalidCommandException stray = assertThrows(InvalidCommandException.class, () -> complaints.execute(c.id(),
                new Command.Respond(Outcome.UPHELD, Set.of(Remedy.APOLOGY), Optional.of(Money.pounds(5))),
                Fixtures.OFFICER));
        assertEquals(List.of("payment: comes only with a FINANCIAL_REMEDY among the remedies"), fields(stray));
        complaints.execute(c.id(), Command.Respond.withPayment(Outcome.UPHELD, Money.parse("£1,250.5")),
                Fixtures.OFFICER);
        assertEquals(new Money(125_050), CaseRecord.of(store.history(c.id())).payments().get(0).amount());
    }

    @Test
    void escalationIsRefusedOnlyWithAReasonAndNotUnderTheStatutorySocialCareProcedures() {
        Complaint corporate = responded(Procedure.CORPORATE);
        assertThrows(InvalidCommandException.class,
                () -> complaints.execute(corporate.id(), new Command.RefuseEscalation(), Fixtures.OFFICER));
        complaints.execute(corporate.id(), new Command.RefuseEscalation(), WHY);
        Complaint children = responded(Procedure.CHILDRENS_SOCIAL_CARE);
        CommandRejectedException e = assertThrows(CommandRejectedException.class,
                () -> complaints.execute(children.id(), new Command.RefuseEscalation(), WHY));
        assertTrue(e.getMessage().contains("only the corporate and housing procedures may refuse it"), e.getMessage());
        // after a refusal the complainant may still be given the next stage
        assertEquals(Status.ESCALATED, complaints.execute(corporate.id(), new Command.Escalate(), WHY).status());
    }

    @Test
    void theOmbudsmansDecisionFollowsAReferralAndComplianceIsOnTimeUpToTheDayDue() {
        Complaint adult = responded(Procedure.ADULT_SOCIAL_CARE);
        unchangedAfter(adult.id(), () -> complaints.execute(adult.id(), new Command.RecordOmbudsmanEnquiry(),
                Fixtures.OFFICER));
        complaints.execute(adult.id(), new Command.ReferToOmbudsman(), Fixtures.OFFICER);
        InvalidCommandException notUpheld = assertThrows(InvalidCommandException.class, () -> complaints.execute(
                adult.id(), new Command.RecordOmbudsmanDecision(OmbudsmanDecision.NOT_UPHELD, Set.of(Remedy.APOLOGY),
                        Optional.empty(), Optional.of(LocalDate.of(2022, 10, 1))), Fixtures.OFFICER));
        assertEquals(List.of("remedies: must be empty: only an upheld decision recommends remedies (NOT_UPHELD)"),
                fields(notUpheld));
        InvalidCommandException noDue = assertThrows(InvalidCommandException.class, () -> complaints.execute(adult.id(),
                new Command.RecordOmbudsmanDecision(OmbudsmanDecision.UPHELD, Set.of(Remedy.APOLOGY), Optional.empty(),
                        Optional.empty()), Fixtures.OFFICER));
        assertEquals(List.of("remediesDue: is required with recommended remedies"), fields(noDue));
        clock.set(Instant.parse("2022-09-05T09:00:00Z"));
        CommandRejectedException dueBefore = assertThrows(CommandRejectedException.class, () -> complaints.execute(
                adult.id(), new Command.RecordOmbudsmanDecision(OmbudsmanDecision.UPHELD, Set.of(Remedy.APOLOGY),
                        Optional.empty(), Optional.of(LocalDate.of(2022, 9, 4))), Fixtures.OFFICER));
        assertTrue(dueBefore.getMessage().contains("the remedies are due on 2022-09-04, before the decision recorded on"
                + " 2022-09-05"), dueBefore.getMessage());
        complaints.execute(adult.id(), new Command.RecordOmbudsmanDecision(OmbudsmanDecision.UPHELD,
                Set.of(Remedy.APOLOGY, Remedy.FINANCIAL_REMEDY), Optional.of(Money.pounds(250)),
                Optional.of(LocalDate.of(2022, 10, 1))), Fixtures.OFFICER);
        unchangedAfter(adult.id(), () -> complaints.execute(adult.id(),
                Command.RecordOmbudsmanDecision.of(OmbudsmanDecision.NOT_UPHELD), Fixtures.OFFICER));

        OmbudsmanCase decided = CaseRecord.of(store.history(adult.id())).ombudsman().orElseThrow();
        assertEquals(OmbudsmanCase.Compliance.NOT_YET_DUE, decided.compliance(LocalDate.of(2022, 9, 30)));
        assertEquals(OmbudsmanCase.Compliance.NOT_YET_DUE, decided.compliance(LocalDate.of(2022, 10, 1)));
        assertEquals(OmbudsmanCase.Compliance.OUTSTANDING, decided.compliance(LocalDate.of(2022, 10, 2)));

        clock.set(Instant.parse("2022-10-03T09:00:00Z"));
        unchangedAfter(adult.id(), () -> complaints.execute(adult.id(),
                new Command.RecordOmbudsmanCompliance(LocalDate.of(2022, 9, 4)), Fixtures.OFFICER));
        unchangedAfter(adult.id(), () -> complaints.execute(adult.id(),
                new Command.RecordOmbudsmanCompliance(LocalDate.of(2022, 10, 4)), Fixtures.OFFICER));
        complaints.execute(adult.id(), new Command.RecordOmbudsmanCompliance(LocalDate.of(2022, 10, 2)),
                Fixtures.OFFICER);
        OmbudsmanCase complied = CaseRecord.of(store.history(adult.id())).ombudsman().orElseThrow();
        assertEquals(OmbudsmanCase.Compliance.LATE, complied.compliance(LocalDate.of(2022, 10, 3)),
                "complied on 2 October, the day after it was due");
        assertEquals(OmbudsmanCase.Compliance.NOT_YET_DUE, complied.compliance(LocalDate.of(2022, 10, 1)),
                "as of the day due, before it was complied with");

    }

    @Test
    void aLearningActionIsDoneOnTimeUpToItsDueDayAndOnlyOnce() {
        Complaint c = responded(Procedure.CORPORATE);
        unchangedAfter(c.id(), () -> complaints.execute(c.id(), new Command.AgreeLearningAction("Check letters",
                ServiceArea.CORPORATE, "Head of service", LocalDate.of(2022, 9, 30), Set.of(new ComplaintId(
                        java.util.UUID.randomUUID()))), Fixtures.OFFICER));
        complaints.execute(c.id(), new Command.AgreeLearningAction("Check letters", ServiceArea.CORPORATE,
                "Head of service", LocalDate.of(2022, 9, 30), Set.of()), Fixtures.OFFICER);
        LearningAction agreed = CaseRecord.of(store.history(c.id())).learningActions().get(0);
        assertEquals(LearningAction.Progress.OPEN, agreed.progress(LocalDate.of(2022, 9, 30)));
        assertEquals(LearningAction.Progress.OVERDUE, agreed.progress(LocalDate.of(2022, 10, 1)));
        clock.set(Instant.parse("2022-10-03T09:00:00Z"));
        unchangedAfter(c.id(), () -> complaints.execute(c.id(),
                new Command.CompleteLearningAction(2, LocalDate.of(2022, 9, 30), "done"), Fixtures.OFFICER));
        unchangedAfter(c.id(), () -> complaints.execute(c.id(),
                new Command.CompleteLearningAction(1, LocalDate.of(2022, 8, 31), "done"), Fixtures.OFFICER));
        unchangedAfter(c.id(), () -> complaints.execute(c.id(),
                new Command.CompleteLearningAction(1, LocalDate.of(2022, 10, 4), "done"), Fixtures.OFFICER));
        complaints.execute(c.id(), new Command.CompleteLearningAction(1, LocalDate.of(2022, 9, 30), "New template"),
                Fixtures.OFFICER);
        LearningAction done = CaseRecord.of(store.history(c.id())).learningActions().get(0);
        assertEquals(LearningAction.Progress.DONE_ON_TIME, done.progress(LocalDate.of(2022, 10, 3)));
        assertEquals(LearningAction.Progress.OPEN, done.progress(LocalDate.of(2022, 9, 29)), "not done yet then");
        unchangedAfter(c.id(), () -> complaints.execute(c.id(),
                new Command.CompleteLearningAction(1, LocalDate.of(2022, 10, 1), "again"), Fixtures.OFFICER));
        assertTrue(complaints.allowedNow(c.id()).contains(CommandType.AGREE_LEARNING_ACTION));
        assertTrue(!complaints.allowedNow(c.id()).contains(CommandType.COMPLETE_LEARNING_ACTION),
                "every action is done");
    }

    @Test
    void complianceAndActionsDoneOnTheDayDueAreOnTimeAndTheDayAfterLate() {
        LocalDate due = LocalDate.of(2022, 10, 1);
        for (int late = -1; late <= 1; late++) {
            LocalDate complied = due.plusDays(late);
            OmbudsmanCase c = new OmbudsmanCase(LocalDate.of(2022, 5, 3), Optional.empty(),
                    Optional.of(OmbudsmanDecision.UPHELD), Optional.of(LocalDate.of(2022, 9, 1)), Set.of(Remedy.APOLOGY),
                    Optional.empty(), Optional.of(due), Optional.of(complied));
            assertEquals(late > 0 ? OmbudsmanCase.Compliance.LATE : OmbudsmanCase.Compliance.ON_TIME,
                    c.compliance(LocalDate.of(2023, 3, 31)), "complied on " + complied);
            LearningAction a = new LearningAction(1, "Check letters", ServiceArea.CORPORATE, "Head of service",
                    LocalDate.of(2022, 9, 1), due, Set.of(), Optional.of(complied), Optional.of("done"));
            assertEquals(late > 0 ? LearningAction.Progress.DONE_LATE : LearningAction.Progress.DONE_ON_TIME,
                    a.progress(LocalDate.of(2023, 3, 31)), "done on " + complied);
        }
    }
}
