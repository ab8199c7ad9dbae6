package uk.councilcomplaints.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.councilcomplaints.learning.CaseRecord;
import uk.councilcomplaints.learning.OmbudsmanCase;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Exclusion;
import uk.councilcomplaints.model.Money;
import uk.councilcomplaints.model.OmbudsmanDecision;
import uk.councilcomplaints.model.Outcome;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;

/**
 * The case page's record-keeping forms (refusal, escalation refused, themes, payments, the Ombudsman, learning
 * actions) through MockMvc: each error shows on its own field, and nothing is saved unless the command is.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:mvc-record-keeping;DB_CLOSE_DELAY=-1",
        "council-app.demo-data=false"})
@AutoConfigureMockMvc
@Import(TestClock.class)
class RecordKeepingMvcTest extends AbstractMvcTest {

    private MockHttpServletRequestBuilder action(Complaint c, String slug, String... fields) {
        MockHttpServletRequestBuilder post = post(path(c) + "/" + slug).with(officer()).with(csrf())
                .param("version", Long.toString(complaints.get(c.id()).version()));
        for (int i = 0; i < fields.length; i += 2) {
            post.param(fields[i], fields[i + 1]);
        }
        return post;
    }

    /** Posts the action expecting 400 and the errors on exactly these fields; nothing saved. */
    private FieldErrors invalid(Complaint c, String slug, List<String> errorFields, String... fields) throws Exception {
        long version = complaints.get(c.id()).version();
        MvcResult result = mvc.perform(action(c, slug, fields)).andExpect(status().isBadRequest())
                .andExpect(view().name("case")).andReturn();
        FieldErrors errors = attribute(result, "errors", FieldErrors.class);
        assertEquals(errorFields, List.copyOf(errors.all().keySet()), errors.all().toString());
        String html = html(result);
        assertTrue(html.contains("There is a problem"), "the error summary");
        for (String field : errorFields) {
            assertTrue(html.contains("<a href=\"#" + field + "\">"), "the summary links to " + field);
            assertTrue(html.contains("id=\"" + field + "\""), "the page has the field " + field);
        }
        assertEquals(version, complaints.get(c.id()).version(), "nothing saved");
        return errors;
    }

    private void saved(Complaint c, String slug, String... fields) throws Exception {
        MvcResult result = mvc.perform(action(c, slug, fields)).andReturn();
        assertEquals(302, result.getResponse().getStatus(), () -> slug + ": " + (result.getModelAndView() == null
                ? "" : result.getModelAndView().getModel().get("problem") + " "
                        + result.getModelAndView().getModel().get("errors")));
        assertEquals(path(c), result.getResponse().getRedirectedUrl());
    }

    private String page(Complaint c) throws Exception {
        return html(mvc.perform(get(path(c)).with(officer())).andExpect(status().isOk()).andReturn());
    }

    private CaseRecord record(Complaint c) {
        return CaseRecord.of(complaints.history(c.id()));
    }

    /** A corporate complaint answered at stage 1. */
    private Complaint responded() {
        Complaint c = corporate();
        complaints.execute(c.id(), new Command.Acknowledge(), Audit.by("a.patel"));
        complaints.execute(c.id(), new Command.SendToService(), Audit.by("a.patel"));
        return complaints.execute(c.id(), Command.Respond.with(Outcome.NOT_UPHELD), Audit.by("a.patel"));
    }

    /** A corporate complaint answered at stage 2 and referred to the Ombudsman. */
    private Complaint referred() {
        Complaint c = responded();
        complaints.execute(c.id(), new Command.Escalate(), Audit.by("a.patel"));
        complaints.execute(c.id(), new Command.Allocate("manager", "Voice of the customer"), Audit.by("manager"));
        complaints.execute(c.id(), new Command.Acknowledge(), Audit.by("manager"));
        complaints.execute(c.id(), Command.Respond.with(Outcome.NOT_UPHELD), Audit.by("manager"));
        return complaints.execute(c.id(), new Command.ReferToOmbudsman(), Audit.by("manager"));
    }

    @Test
    void refusingNeedsAnExclusionAndAReasonAndThenShowsIt() throws Exception {
        Complaint c = received(Procedure.CORPORATE, ServiceArea.CORPORATE, "Robin Refused");
        String before = page(c);
        assertTrue(before.contains("id=\"refuse-submit\""), "a received contact may be refused");
        assertFalse(before.contains("id=\"record-themes-submit\""), "themes come after triage");
        invalid(c, "refuse", List.of("refuse-exclusion"), "reason", "Police matter");
        invalid(c, "refuse", List.of("refuse-reason"), "exclusion", "NOT_ABOUT_THE_COUNCIL");
        saved(c, "refuse", "exclusion", "NOT_ABOUT_THE_COUNCIL", "reason", "The police issued the fine");
        assertEquals(Status.REFUSED, complaints.get(c.id()).status());
        assertEquals(Exclusion.NOT_ABOUT_THE_COUNCIL, record(c).exclusion().orElseThrow());
        assertTrue(page(c).contains("Not about the council"), "the page shows the exclusion");
    }

    @Test
    void themesNeedOneTickedFromTheCouncilsListAndReplaceTheOldOnes() throws Exception {
        Complaint c = corporate();
        invalid(c, "record-themes", List.of("record-themes-themes"));
        FieldErrors unknown = invalid(c, "record-themes", List.of("record-themes-themes"), "theme-no-such-theme", "true");
        assertTrue(unknown.get("record-themes-themes").contains("no-such-theme"), unknown.all().toString());
        saved(c, "record-themes", "theme-delay", "true", "theme-communication", "true");
        assertEquals(Set.of("delay", "communication"), record(c).themes());
        String html = page(c);
        assertTrue(html.contains("<li>Delay</li>") && html.contains("<li>Communication</li>"), "labels shown");
        assertTrue(hasChecked(html, "record-themes-theme-delay"), "the form starts with the themes recorded");
        saved(c, "record-themes", "theme-policy", "true");
        assertEquals(Set.of("policy"), record(c).themes());
    }

    @Test
    void aFinancialRemedyWithoutItsAmountShowsTheLibrarysErrorOnThePaymentField() throws Exception {
        Complaint c = corporate();
        complaints.execute(c.id(), new Command.Acknowledge(), Audit.by("a.patel"));
        FieldErrors errors = invalid(c, "respond", List.of("respond-payment"), "outcome", "UPHELD",
                "remedy-FINANCIAL_REMEDY", "true");
        assertTrue(errors.get("respond-payment").startsWith("Payment is required with a financial remedy"),
                errors.all().toString());
        invalid(c, "respond", List.of("respond-payment"), "outcome", "UPHELD", "remedy-FINANCIAL_REMEDY", "true",
                "payment", "lots");
        invalid(c, "respond", List.of("respond-payment"), "outcome", "UPHELD", "payment", "50");
        saved(c, "respond", "outcome", "UPHELD", "remedy-FINANCIAL_REMEDY", "true", "remedy-APOLOGY", "true",
                "payment", "250.50");
        assertEquals(new Money(25050), record(c).payments().get(0).amount());
        assertTrue(page(c).contains("£250.50 at stage 1"), "the payment is shown");
    }

    @Test
    void refusingAnEscalationNeedsAReason() throws Exception {
        Complaint c = responded();
        assertTrue(page(c).contains("id=\"refuse-escalation-submit\""), "offered after a stage 1 response");
        invalid(c, "refuse-escalation", List.of("refuse-escalation-reason"));
        saved(c, "refuse-escalation", "reason", "Nothing new to consider");
        assertEquals(1, record(c).escalationsRefused().size());
        assertTrue(page(c).contains("Escalation refused"));
    }

    @Test
    void theOmbudsmansDecisionIsCheckedFieldByFieldAndLateComplianceIsShown() throws Exception {
        clock.set(TestClock.START); // the dates below are from Monday 7 December 2026
        Complaint c = referred();
        String offered = page(c);
        assertTrue(offered.contains("id=\"record-ombudsman-enquiry-submit\""));
        assertTrue(offered.contains("id=\"record-ombudsman-decision-submit\""));
        assertFalse(offered.contains("id=\"record-ombudsman-compliance-submit\""), "no remedies to comply with yet");
        saved(c, "record-ombudsman-enquiry");
        invalid(c, "record-ombudsman-decision", List.of("record-ombudsman-decision-decision"));
        invalid(c, "record-ombudsman-decision", List.of("record-ombudsman-decision-remedies",
                "record-ombudsman-decision-remediesDueDay"), "decision", "NOT_UPHELD", "remedy-APOLOGY", "true");
        invalid(c, "record-ombudsman-decision", List.of("record-ombudsman-decision-remediesDueDay"), "decision",
                "UPHELD", "remedy-APOLOGY", "true");
        invalid(c, "record-ombudsman-decision", List.of("record-ombudsman-decision-remediesDueDay"), "decision",
                "UPHELD", "remedy-APOLOGY", "true", "remediesDueDay", "31", "remediesDueMonth", "2",
                "remediesDueYear", "2027");
        invalid(c, "record-ombudsman-decision", List.of("record-ombudsman-decision-payment"), "decision",
                "UPHELD", "remedy-FINANCIAL_REMEDY", "true", "remediesDueDay", "4", "remediesDueMonth", "1",
                "remediesDueYear", "2027");
        saved(c, "record-ombudsman-decision", "decision", "UPHELD", "remedy-APOLOGY", "true",
                "remedy-FINANCIAL_REMEDY", "true", "payment", "300", "remediesDueDay", "4", "remediesDueMonth", "1",
                "remediesDueYear", "2027");
        OmbudsmanCase omb = record(c).ombudsman().orElseThrow();
        assertEquals(OmbudsmanDecision.UPHELD, omb.decision().orElseThrow());
        assertEquals(Money.pounds(300), omb.payment().orElseThrow());

        clock.advance(Duration.ofDays(40));
        assertTrue(page(c).contains(">Outstanding</strong>"), "due 4 January and not complied with by 16 January");
        invalid(c, "record-ombudsman-compliance", List.of("record-ombudsman-compliance-compliedOnDay"),
                "compliedOnDay", "40", "compliedOnMonth", "1", "compliedOnYear", "2027");
        saved(c, "record-ombudsman-compliance", "compliedOnDay", "8", "compliedOnMonth", "1", "compliedOnYear",
                "2027");
        String html = page(c);
        assertTrue(html.contains(">Complied late</strong>"), "complied 8 January, due 4 January");
        assertTrue(html.contains("£300.00"), "the payment recommended");
    }

    @Test
    void aRejectedCommandIs409AndChangesNothing() throws Exception {
        Complaint c = referred();
        long version = complaints.get(c.id()).version();
        MvcResult result = mvc.perform(action(c, "record-ombudsman-compliance", "compliedOnDay", "7",
                        "compliedOnMonth", "12", "compliedOnYear", "2026"))
                .andExpect(status().isConflict()).andExpect(view().name("case")).andReturn();
        assertTrue(html(result).contains("id=\"problem-title\""), "the problem is shown");
        assertEquals(version, complaints.get(c.id()).version(), "nothing saved");
        assertTrue(record(c).ombudsman().orElseThrow().compliedOn().isEmpty());
    }

    @Test
    void aLearningActionIsAgreedAndDoneWithItsProgressShown() throws Exception {
        Complaint c = responded();
        java.time.LocalDate today = uk.councilcomplaints.model.LondonDays.dayOf(clock.instant());
        String d = Integer.toString(today.getDayOfMonth());
        String m = Integer.toString(today.getMonthValue());
        String y = Integer.toString(today.getYear());
        java.time.LocalDate due = today.plusDays(30);
        FieldErrors errors = invalid(c, "agree-learning-action",
                List.of("agree-learning-action-action", "agree-learning-action-owner"), "action", " ", "service",
                "waste", "owner", "", "dueDay", "" + due.getDayOfMonth(), "dueMonth",
                "" + due.getMonthValue(), "dueYear", "" + due.getYear());
        assertTrue(errors.get("agree-learning-action-action").startsWith("The action "), errors.all().toString());
        invalid(c, "agree-learning-action", List.of("agree-learning-action-dueDay"), "action", "Call back in a day",
                "service", "waste", "owner", "Head of waste", "dueDay", "", "dueMonth", "", "dueYear", "");
        saved(c, "agree-learning-action", "action", "Call back within one working day", "service", "waste",
                "owner", "Head of waste", "dueDay", "" + due.getDayOfMonth(), "dueMonth",
                "" + due.getMonthValue(), "dueYear", "" + due.getYear());
        assertEquals("waste", record(c).learningActions().get(0).service().code());
        assertTrue(page(c).contains(">Open</strong>"));
        invalid(c, "complete-learning-action", List.of("complete-learning-action-number"), "doneOnDay", d, "doneOnMonth", m,
                "doneOnYear", y, "evidence", "New script");
        invalid(c, "complete-learning-action", List.of("complete-learning-action-evidence"), "number", "1",
                "doneOnDay", d, "doneOnMonth", m, "doneOnYear", y, "evidence", "");
        saved(c, "complete-learning-action", "number", "1", "doneOnDay", d, "doneOnMonth", m, "doneOnYear", y, "evidence", "New call-back script in use");
        String html = page(c);
        assertTrue(html.contains(">Done on time</strong>"), "done before it was due");
        assertTrue(html.contains("New call-back script in use"));
        assertFalse(html.contains("id=\"complete-learning-action-submit\""), "nothing left to complete");
    }

    @Test
    void lettersSentShowOnTheCase() throws Exception {
        Complaint c = responded();
        assertFalse(page(c).contains("Letters sent"));
        complaints.execute(c.id(), new Command.RecordLetterSent("acknowledgement-stage-1",
                "3f1c2f0e-6b7a-4d59-9a3e-0c1d2e3f4a5b"), Audit.by("notify-letters"));
        complaints.execute(c.id(), new Command.RecordLetterSent("response-stage-1",
                "8a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d"), Audit.by("notify-letters"));
        String html = page(c);
        assertTrue(html.contains("Letters sent"));
        assertTrue(html.contains("Acknowledgement, stage 1: "));
        assertTrue(html.contains("Response, stage 1: "));
    }

    @Test
    void whatWasTypedIsKeptWhenAFormIsRefused() throws Exception {
        Complaint c = corporate();
        complaints.execute(c.id(), new Command.Acknowledge(), Audit.by("a.patel"));
        MvcResult result = mvc.perform(action(c, "respond", "outcome", "UPHELD", "remedy-FINANCIAL_REMEDY", "true",
                "payment", "12.345", "reason", "Sorry")).andExpect(status().isBadRequest()).andReturn();
        String html = html(result);
        assertTrue(hasInput(html, "respond-payment", "12.345"), "the amount typed is kept");
        assertTrue(hasChecked(html, "respond-remedy-FINANCIAL_REMEDY"), "the remedy ticked is kept");
    }

    private static boolean hasChecked(String html, String id) {
        return java.util.regex.Pattern.compile("<input[^>]*\\sid=\"" + java.util.regex.Pattern.quote(id)
                + "\"[^>]*\\schecked").matcher(html).find();
    }
}
