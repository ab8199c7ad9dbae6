package uk.councilcomplaints.app;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MvcResult;
import uk.councilcomplaints.model.Classification;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;

/** The triage queue and its decisions, through MockMvc. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:mvc-triage;DB_CLOSE_DELAY=-1",
        "council-app.demo-data=false"})
@AutoConfigureMockMvc
@Import(TestClock.class)
class TriageMvcTest extends AbstractMvcTest {

    @Test
    void theQueueListsContactsAwaitingTriageWithADecisionFormEach() throws Exception {
        Complaint waiting = received(Procedure.CORPORATE, ServiceArea.CORPORATE, "Quinn Queue");
        Complaint done = corporate();
        MvcResult result = mvc.perform(get("/triage").with(contactCentre()))
                .andExpect(status().isOk())
                .andExpect(view().name("triage"))
                .andExpect(content().string(containsString(waiting.reference())))
                .andExpect(content().string(not(containsString(done.reference()))))
                .andReturn();
        List<?> rows = attribute(result, "rows", List.class);
        assertTrue(rows.stream().anyMatch(r -> ((ClockRow) r).id().equals(waiting.id().value().toString())),
                rows.toString());
        assertEquals((long) rows.size(), attribute(result, "total", Long.class));
        String html = html(result);
        assertTrue(html.contains("action=\"/cases/" + waiting.id().value() + "/triage\""), "a form per row");
        assertTrue(html.contains("name=\"_csrf\""), "the form carries the CSRF token");
        assertFalse(html.contains("href=\"/cases/" + waiting.id().value() + "\""),
                "the contact centre is not offered the case page");
        String officers = html(mvc.perform(get("/triage").with(officer())).andExpect(status().isOk()).andReturn());
        assertTrue(officers.contains("href=\"/cases/" + waiting.id().value() + "\""), "an officer may open it");
    }

    @Test
    void aComplaintDecisionTriagesTheCase() throws Exception {
        Complaint c = received(Procedure.CORPORATE, ServiceArea.CORPORATE, "Tara Triage");
        mvc.perform(post(path(c) + "/triage").with(contactCentre()).with(csrf()).param("decision", "COMPLAINT"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/triage"))
                .andExpect(flash().attribute("success", c.reference() + ": A complaint under the procedure logged"))
                .andExpect(flash().attribute("successCase", c.id().value().toString()));
        Complaint after = complaints.get(c.id());
        assertEquals(Status.TRIAGED, after.status());
        assertEquals(Classification.COMPLAINT, after.classification());
        assertEquals(c.version() + 1, after.version());
        assertEquals("contact", complaints.history(c.id()).get(1).actor());
        assertEquals("triage: A complaint under the procedure logged",
                complaints.history(c.id()).get(1).reason().orElseThrow());
        String queue = html(mvc.perform(get("/triage").with(contactCentre())).andReturn());
        assertFalse(queue.contains(c.reference()), "no longer in the queue");
    }

    @Test
    void aServiceRequestDecisionReclassifiesTheContact() throws Exception {
        Complaint c = received(Procedure.CORPORATE, ServiceArea.CORPORATE, "Sid Service");
        mvc.perform(post(path(c) + "/triage").with(officer()).with(csrf()).param("decision", "SERVICE_REQUEST"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/triage"))
                .andExpect(flash().attribute("success", c.reference() + ": A service request"));
        Complaint after = complaints.get(c.id());
        assertEquals(Status.SERVICE_REQUEST, after.status());
        assertEquals(Classification.SERVICE_REQUEST, after.classification());
    }

    @Test
    void triagingTwiceIsRefusedWithAProblemAndChangesNothing() throws Exception {
        Complaint c = corporate();
        mvc.perform(post(path(c) + "/triage").with(contactCentre()).with(csrf()).param("decision", "COMPLAINT"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/triage"))
                .andExpect(flash().attributeExists("problem"))
                .andExpect(flash().attribute("success", (Object) null));
        assertEquals(c.version(), complaints.get(c.id()).version());
        assertEquals(Status.ALLOCATED, complaints.get(c.id()).status());
    }

    @Test
    void aMissingOrUnknownDecisionChangesNothing() throws Exception {
        Complaint c = received(Procedure.CORPORATE, ServiceArea.CORPORATE, "Nell Nodecision");
        mvc.perform(post(path(c) + "/triage").with(contactCentre()).with(csrf()).param("decision", "MAYBE"))
                .andExpect(status().is4xxClientError());
        // without a decision it is the case page's triage action, which is for those who work cases
        mvc.perform(post(path(c) + "/triage").with(contactCentre()).with(csrf())
                        .param("version", Long.toString(c.version())))
                .andExpect(status().isForbidden());
        assertEquals(c.version(), complaints.get(c.id()).version());
        assertEquals(Status.RECEIVED, complaints.get(c.id()).status());
    }

    @Test
    void anUnknownCaseIs404() throws Exception {
        mvc.perform(post("/cases/00000000-0000-0000-0000-000000000000/triage").with(contactCentre()).with(csrf())
                        .param("decision", "COMPLAINT"))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error"));
    }
}
