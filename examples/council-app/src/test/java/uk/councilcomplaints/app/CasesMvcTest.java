package uk.councilcomplaints.app;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MvcResult;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;

/** The cases list, the case page and its actions, and my cases, through MockMvc. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:mvc-cases;DB_CLOSE_DELAY=-1",
        "council-app.demo-data=false"})
@AutoConfigureMockMvc
@Import(TestClock.class)
class CasesMvcTest extends AbstractMvcTest {

    @Test
    void theCasePageShowsTheCaseItsPersonalDataAndOnlyTheActionsAllowedNow() throws Exception {
        Complaint c = corporate();
        MvcResult result = mvc.perform(get(path(c)).with(officer()))
                .andExpect(status().isOk())
                .andExpect(view().name("case"))
                .andExpect(content().string(containsString(c.reference())))
                .andExpect(content().string(containsString("Pat Example")))
                .andExpect(content().string(containsString("someone@example.org")))
                .andReturn();
        assertEquals(c.id(), attribute(result, "case", Complaint.class).id());
        @SuppressWarnings("unchecked")
        Set<CaseAction> actions = attribute(result, "actions", Set.class);
        assertTrue(actions.contains(CaseAction.ACKNOWLEDGE), actions.toString());
        assertFalse(actions.contains(CaseAction.TRIAGE), "an allocated case is past triage: " + actions);
        String html = html(result);
        assertTrue(html.contains("id=\"acknowledge-submit\""), "the acknowledge form is offered");
        assertFalse(html.contains("id=\"triage-submit\""), "no triage form on an allocated case");
        assertTrue(hasInput(html, "allocate-officer", "a.patel"), "the allocate form starts with the officer");
    }

    @Test
    void anActionWithTheCurrentVersionIsSavedAndRedirectsToTheCase() throws Exception {
        Complaint c = corporate();
        mvc.perform(post(path(c) + "/acknowledge").with(officer()).with(csrf())
                        .param("version", Long.toString(c.version())).param("reason", "Letter posted"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(path(c)))
                .andExpect(flash().attribute("success",
                        "Record acknowledgement sent: saved. The case is now acknowledged."));
        Complaint after = complaints.get(c.id());
        assertEquals(Status.ACKNOWLEDGED, after.status());
        assertEquals(c.version() + 1, after.version());
        assertEquals("a.patel", complaints.history(c.id()).get((int) c.version()).actor());
        assertEquals("Letter posted", complaints.history(c.id()).get((int) c.version()).reason().orElseThrow());
    }

    @Test
    void aStaleVersionIs409KeepsWhatWasTypedAndChangesNothing() throws Exception {
        Complaint c = corporate();
        // someone else acknowledges it after this user opened the page
        Complaint changed = complaints.execute(c.id(), new Command.Acknowledge(), Audit.by("manager"));
        MvcResult result = mvc.perform(post(path(c) + "/allocate").with(officer()).with(csrf())
                        .param("version", Long.toString(c.version()))
                        .param("officer", "r.evans").param("team", "Estates")
                        .param("reason", "Rhys knows this estate"))
                .andExpect(status().isConflict())
                .andExpect(view().name("case"))
                .andExpect(model().attribute("conflict", true))
                .andExpect(model().attribute("pendingAction", CaseAction.ALLOCATE))
                .andExpect(content().string(containsString("This case was changed by someone else")))
                .andReturn();
        String html = html(result);
        assertTrue(hasInput(html, "allocate-officer", "r.evans"), "the officer typed is kept");
        assertTrue(hasInput(html, "allocate-team", "Estates"), "the team typed is kept");
        assertTrue(html.contains(">Rhys knows this estate</textarea>"), "the reason typed is kept");
        assertTrue(hasInput(html, "allocate-officer", "r.evans"));
        assertTrue(html.contains("name=\"version\" value=\"" + changed.version() + "\""),
                "the forms now carry the current version");
        Complaint after = complaints.get(c.id());
        assertEquals(changed.version(), after.version(), "nothing saved");
        assertEquals("a.patel", after.officer().orElseThrow());
        assertEquals(Status.ACKNOWLEDGED, after.status());
    }

    @Test
    void anUnreadableFieldIs400WithAnErrorSummaryAndChangesNothing() throws Exception {
        Complaint c = corporate();
        MvcResult result = mvc.perform(post(path(c) + "/extend").with(officer()).with(csrf())
                        .param("version", Long.toString(c.version()))
                        .param("workingDays", "ten").param("reason", "waiting for the records"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("case"))
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString(
                        "<a href=\"#extend-workingDays\">Working days must be a whole number, like 10</a>")))
                .andReturn();
        FieldErrors errors = attribute(result, "errors", FieldErrors.class);
        assertEquals(List.of("extend-workingDays"), List.copyOf(errors.all().keySet()));
        assertTrue(hasInput(html(result), "extend-workingDays", "ten"), "what was typed is kept");
        assertEquals(c.version(), complaints.get(c.id()).version());
    }

    @Test
    void aMissingChoiceIs400NamingTheField() throws Exception {
        Complaint c = received(Procedure.CORPORATE, ServiceArea.CORPORATE, "Sam Example");
        MvcResult result = mvc.perform(post(path(c) + "/reclassify").with(officer()).with(csrf())
                        .param("version", Long.toString(c.version())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#reclassify-classification\">Select what it is</a>")))
                .andReturn();
        assertTrue(attribute(result, "errors", FieldErrors.class).has("reclassify-classification"));
        assertEquals(c.version(), complaints.get(c.id()).version());
        assertEquals(Status.RECEIVED, complaints.get(c.id()).status());
    }

    @Test
    void anInvalidCommandIs400WithTheLibrarysViolationOnItsField() throws Exception {
        Complaint c = corporate();
        MvcResult result = mvc.perform(post(path(c) + "/allocate").with(officer()).with(csrf())
                        .param("version", Long.toString(c.version())).param("officer", "  ").param("team", "Estates"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("case"))
                .andReturn();
        FieldErrors errors = attribute(result, "errors", FieldErrors.class);
        assertTrue(errors.has("allocate-officer"), errors.all().toString());
        assertTrue(errors.get("allocate-officer").startsWith("Officer "), errors.all().toString());
        assertTrue(html(result).contains("<a href=\"#allocate-officer\">"), "the summary links to the field");
        assertEquals(c.version(), complaints.get(c.id()).version());
        assertEquals("a.patel", complaints.get(c.id()).officer().orElseThrow());
    }

    @Test
    void aCommandTheStatusDoesNotAllowIs409WithTheProblemAndChangesNothing() throws Exception {
        Complaint c = received(Procedure.CORPORATE, ServiceArea.CORPORATE, "Sam Example");
        MvcResult result = mvc.perform(post(path(c) + "/send-to-service").with(officer()).with(csrf())
                        .param("version", Long.toString(c.version())))
                .andExpect(status().isConflict())
                .andExpect(view().name("case"))
                .andExpect(model().attributeExists("problem"))
                .andReturn();
        assertFalse(attribute(result, "problem", String.class).isBlank());
        assertTrue(html(result).contains("id=\"problem-title\""), "the problem is shown");
        assertEquals(c.version(), complaints.get(c.id()).version());
        assertEquals(Status.RECEIVED, complaints.get(c.id()).status());
    }

    @Test
    void theCasePagesTriageFormConfirmsAComplaint() throws Exception {
        Complaint c = received(Procedure.CORPORATE, ServiceArea.CORPORATE, "Sam Example");
        String html = html(mvc.perform(get(path(c)).with(officer())).andExpect(status().isOk()).andReturn());
        assertTrue(html.contains("action=\"" + path(c) + "/triage\""), "the case page offers triage");
        mvc.perform(post(path(c) + "/triage").with(officer()).with(csrf())
                        .param("version", Long.toString(c.version())).param("reason", "Clearly a complaint"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(path(c)));
        Complaint after = complaints.get(c.id());
        assertEquals(Status.TRIAGED, after.status());
        assertEquals(c.version() + 1, after.version());
        assertEquals("Clearly a complaint", complaints.history(c.id()).get(1).reason().orElseThrow());
    }

    @Test
    void theCasePagesTriageWithAStaleVersionIs409AndChangesNothing() throws Exception {
        Complaint c = received(Procedure.CORPORATE, ServiceArea.CORPORATE, "Sam Stale");
        Complaint changed = complaints.execute(c.id(), new Command.Reclassify(
                uk.councilcomplaints.model.Classification.SERVICE_REQUEST), Audit.by("manager"));
        mvc.perform(post(path(c) + "/triage").with(officer()).with(csrf())
                        .param("version", Long.toString(c.version())).param("reason", "Clearly a complaint"))
                .andExpect(status().isConflict())
                .andExpect(view().name("case"))
                .andExpect(content().string(containsString("This case was changed by someone else")))
                .andExpect(content().string(containsString("Your change (<span>Confirm as a complaint</span>)")));
        assertEquals(changed.version(), complaints.get(c.id()).version());
        assertEquals(Status.SERVICE_REQUEST, complaints.get(c.id()).status());
    }

    @Test
    void anUnknownCaseOrActionIs404() throws Exception {
        mvc.perform(get("/cases/00000000-0000-0000-0000-000000000000").with(officer()))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error"))
                .andExpect(model().attribute("status", 404))
                .andExpect(content().string(containsString("Page not found")));
        mvc.perform(get("/cases/not-a-case-id").with(officer()))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error"));
        mvc.perform(post("/cases/00000000-0000-0000-0000-000000000000/acknowledge").with(officer()).with(csrf())
                        .param("version", "3"))
                .andExpect(status().isNotFound());
        Complaint c = corporate();
        mvc.perform(post(path(c) + "/no-such-action").with(officer()).with(csrf())
                        .param("version", Long.toString(c.version())))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error"));
        assertEquals(c.version(), complaints.get(c.id()).version());
    }

    @Test
    void theListFiltersByStatusProcedureServiceAndOfficer() throws Exception {
        Complaint allocated = corporate();
        Complaint awaiting = received(Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "Alex Example");
        Complaint evans = allocated(Procedure.CORPORATE, ServiceArea.of("highways", "Highways"));
        complaints.execute(evans.id(), new Command.Allocate("r.evans", "Voice of the customer"),
                Audit.by("manager"));

        List<Complaint> allocatedOnes = cases(mvc.perform(get("/cases").param("status", "ALLOCATED")
                .with(officer())).andExpect(status().isOk()).andExpect(view().name("cases")).andReturn());
        assertTrue(allocatedOnes.stream().allMatch(x -> x.status() == Status.ALLOCATED));
        assertTrue(ids(allocatedOnes).containsAll(Set.of(allocated.id(), evans.id())));
        assertFalse(ids(allocatedOnes).contains(awaiting.id()));

        List<Complaint> adults = cases(mvc.perform(get("/cases").param("procedure", "ADULT_SOCIAL_CARE")
                .with(officer())).andExpect(status().isOk()).andReturn());
        assertTrue(adults.stream().allMatch(x -> x.procedure() == Procedure.ADULT_SOCIAL_CARE));
        assertTrue(ids(adults).contains(awaiting.id()));
        assertFalse(ids(adults).contains(allocated.id()));

        List<Complaint> highways = cases(mvc.perform(get("/cases").param("serviceArea", "highways")
                .with(officer())).andExpect(status().isOk()).andReturn());
        assertTrue(highways.stream().allMatch(x -> x.serviceArea().code().equals("highways")));
        assertTrue(ids(highways).contains(evans.id()));
        assertFalse(ids(highways).contains(allocated.id()));

        List<Complaint> patels = cases(mvc.perform(get("/cases").param("officer", "a.patel")
                .with(officer())).andExpect(status().isOk()).andReturn());
        assertTrue(patels.stream().allMatch(x -> x.officer().orElse("").equals("a.patel")));
        assertTrue(ids(patels).contains(allocated.id()));
        assertFalse(ids(patels).contains(evans.id()));

        String html = html(mvc.perform(get("/cases").param("procedure", "ADULT_SOCIAL_CARE").with(officer()))
                .andReturn());
        assertTrue(html.contains(awaiting.reference()), "the row shows the reference");
        assertFalse(html.contains(allocated.reference()));
    }

    @Test
    void findingByReferenceOpensTheCaseOrSaysNoneMatches() throws Exception {
        Complaint c = corporate();
        mvc.perform(get("/cases").param("reference", " " + c.reference() + " ").with(officer()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(path(c)));
        mvc.perform(get("/cases").param("reference", "NO-SUCH-CASE").with(officer()))
                .andExpect(status().isOk())
                .andExpect(model().attribute("notFound", "NO-SUCH-CASE"))
                .andExpect(content().string(containsString("No case you may see has the reference NO-SUCH-CASE")));
    }

    @Test
    void overdueListsTheBreachedClocks() throws Exception {
        Complaint late = received(Procedure.CORPORATE, ServiceArea.of("waste", "Waste and recycling"), "Lee Late");
        MvcResult before = mvc.perform(get("/cases").param("overdue", "true").param("serviceArea", "waste")
                .with(officer())).andExpect(status().isOk()).andExpect(model().attributeExists("clocks")).andReturn();
        assertTrue(attribute(before, "clocks", List.class).isEmpty(), "triage is due in 2 working days");
        assertFalse(html(before).contains(late.reference()));
        clock.advance(Duration.ofDays(14));
        try {
            MvcResult after = mvc.perform(get("/cases").param("overdue", "true").param("serviceArea", "waste")
                    .with(officer())).andExpect(status().isOk()).andReturn();
            List<?> clocks = attribute(after, "clocks", List.class);
            assertFalse(clocks.isEmpty());
            assertTrue(clocks.stream().allMatch(r -> ((ClockRow) r).id().equals(late.id().value().toString())),
                    clocks.toString());
            assertTrue(html(after).contains(late.reference()));
        } finally {
            clock.set(TestClock.START);
        }
    }

    @Test
    void keysetPagingTakesTheNextPageAfterTheToken() throws Exception {
        ServiceArea housing = ServiceArea.of("housing", "Housing");
        Set<Object> made = new HashSet<>();
        for (int i = 0; i < 27; i++) {
            made.add(received(Procedure.CORPORATE, housing, "Person " + i).id());
        }
        MvcResult first = mvc.perform(get("/cases").param("serviceArea", "housing").with(officer()))
                .andExpect(status().isOk()).andReturn();
        Set<Object> page1 = ids(first);
        assertEquals(25, page1.size());
        String next = attribute(first, "next", String.class);
        assertTrue(html(first).contains("rel=\"next\""), "a link to the next page");
        MvcResult second = mvc.perform(get("/cases").param("serviceArea", "housing").param("after", next)
                .with(officer())).andExpect(status().isOk()).andReturn();
        Set<Object> page2 = ids(second);
        assertEquals(2, page2.size());
        assertNull(second.getModelAndView().getModel().get("next"), "no page after the last");
        assertFalse(html(second).contains("rel=\"next\""));
        Set<Object> both = new HashSet<>(page1);
        both.addAll(page2);
        assertEquals(made, both, "the two pages hold every case once");
    }

    @Test
    void myCasesListsTheOfficersOpenCasesOnly() throws Exception {
        Complaint mine = corporate();
        Complaint theirs = allocated(Procedure.CORPORATE, ServiceArea.CORPORATE);
        complaints.execute(theirs.id(), new Command.Allocate("r.evans", "Voice of the customer"),
                Audit.by("manager"));
        MvcResult result = mvc.perform(get("/my-cases").with(officer()))
                .andExpect(status().isOk())
                .andExpect(view().name("my-cases"))
                .andExpect(content().string(containsString(mine.reference())))
                .andExpect(content().string(not(containsString(theirs.reference()))))
                .andReturn();
        List<?> caseload = attribute(result, "caseload", List.class);
        assertTrue(caseload.stream().allMatch(c -> ((Complaint) c).officer().orElseThrow().equals("a.patel")));
        assertTrue(caseload.stream().anyMatch(c -> ((Complaint) c).id().equals(mine.id())));
    }

    private static List<Complaint> cases(MvcResult result) {
        List<?> cases = attribute(result, "cases", List.class);
        assertNotNull(cases);
        return cases.stream().map(Complaint.class::cast).toList();
    }

    private static Set<Object> ids(List<Complaint> cases) {
        Set<Object> out = new HashSet<>();
        cases.forEach(c -> out.add(c.id()));
        return out;
    }

    private static Set<Object> ids(MvcResult result) {
        return ids(cases(result));
    }
}
