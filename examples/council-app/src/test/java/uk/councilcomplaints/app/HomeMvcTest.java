package uk.councilcomplaints.app;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MvcResult;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;

/** The sign-in page, each role's start page, and the access log of personal data, through MockMvc. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:mvc-home;DB_CLOSE_DELAY=-1",
        "council-app.demo-data=false"})
@AutoConfigureMockMvc
@Import(TestClock.class)
class HomeMvcTest extends AbstractMvcTest {

    @Autowired
    AccessLog accessLog;

    @Test
    void theSignInPageSaysWhenTheSignInFailedOrTheUserSignedOut() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(view().name("login"))
                .andExpect(model().attribute("loginError", false))
                .andExpect(model().attribute("signedOut", false))
                .andExpect(content().string(not(containsString("Enter a user name and password that match"))))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(status().isOk())
                .andExpect(model().attribute("loginError", true))
                .andExpect(content().string(containsString("Enter a user name and password that match")));
        mvc.perform(get("/login").param("signed-out", ""))
                .andExpect(status().isOk())
                .andExpect(model().attribute("signedOut", true))
                .andExpect(content().string(containsString("You have signed out")));
    }

    @Test
    void eachRoleStartsOnItsOwnPage() throws Exception {
        mvc.perform(get("/").with(contactCentre())).andExpect(redirectedUrl("/triage"));
        mvc.perform(get("/").with(officer())).andExpect(redirectedUrl("/my-cases"));
        mvc.perform(get("/").with(childrensOfficer())).andExpect(redirectedUrl("/my-cases"));
        mvc.perform(get("/").with(manager())).andExpect(redirectedUrl("/cases"));
    }

    @Test
    void anOfficerOpeningACaseIsLoggedAndTheManagerSeesIt() throws Exception {
        Complaint c = corporate();
        Instant at = clock.advance(Duration.ofMinutes(7));
        try {
            assertEquals(0, views(c).size());
            mvc.perform(get(path(c)).with(officer()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("your view of it is recorded in the access log")));
            List<AccessLog.View> views = views(c);
            assertEquals(List.of(new AccessLog.View(at, "a.patel", c.id().value().toString(), c.reference())), views);

            MvcResult page = mvc.perform(get("/access-log").with(manager()))
                    .andExpect(status().isOk())
                    .andExpect(view().name("access-log"))
                    .andReturn();
            List<?> shown = attribute(page, "views", List.class);
            assertTrue(shown.contains(views.get(0)), shown.toString());
            String html = html(page);
            assertTrue(html.contains("<td class=\"govuk-table__cell\">a.patel</td>"), html);
            assertTrue(html.contains(">" + c.reference() + "</a>"), "the case's reference links to it");
        } finally {
            clock.set(TestClock.START);
        }
    }

    @Test
    void everyViewIsLoggedTheConflictPageToo() throws Exception {
        Complaint c = corporate();
        mvc.perform(get(path(c)).with(manager())).andExpect(status().isOk());
        mvc.perform(get(path(c)).with(officer())).andExpect(status().isOk());
        mvc.perform(post(path(c) + "/acknowledge").with(officer()).with(csrf()).param("version", "1"))
                .andExpect(status().isConflict());
        assertEquals(List.of("a.patel", "a.patel", "manager"),
                views(c).stream().map(AccessLog.View::username).sorted().toList());
    }

    @Test
    void theContactCentreTriagingAndRecordingSeesNoPersonalDataAndNothingIsLogged() throws Exception {
        Complaint c = received(Procedure.CORPORATE, ServiceArea.CORPORATE, "Cleo Contact");
        mvc.perform(get("/triage").with(contactCentre()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(c.reference())))
                .andExpect(content().string(not(containsString("Cleo Contact"))));
        mvc.perform(post(path(c) + "/triage").with(contactCentre()).with(csrf()).param("decision", "COMPLAINT"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/triage"));
        mvc.perform(get("/triage").with(contactCentre())).andExpect(status().isOk());
        mvc.perform(get(path(c)).with(contactCentre())).andExpect(status().isForbidden());
        assertEquals(List.of(), views(c), "the contact centre saw no personal data");
    }

    @Test
    void theAccessLogIsForManagersOnly() throws Exception {
        mvc.perform(get("/access-log").with(officer())).andExpect(status().isForbidden());
        mvc.perform(get("/access-log").with(contactCentre())).andExpect(status().isForbidden());
        mvc.perform(get("/access-log").with(manager())).andExpect(status().isOk());
    }

    private List<AccessLog.View> views(Complaint c) {
        return accessLog.latest(10_000).stream().filter(v -> v.complaintId().equals(c.id().value().toString()))
                .toList();
    }
}
