package uk.councilcomplaints.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;

/**
 * The sign-in and each page's roles, rule by rule: every URL for every user, CSRF, form sign-in against the
 * configured users, and the children's social care cases kept from users without the children's role.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:mvc-security-rules;DB_CLOSE_DELAY=-1",
        "council-app.demo-data=false"})
@AutoConfigureMockMvc
@Import(TestClock.class)
class SecurityRulesTest extends AbstractMvcTest {

    private static final String ANONYMOUS = "anonymous";
    private static final List<String> USERS = List.of(ANONYMOUS, "contact", "a.patel", "r.evans", "manager");

    /** What a request gets. */
    enum Outcome {
        /** 302 to the sign-in page. */
        SIGN_IN,
        /** 403. */
        FORBIDDEN,
        /** 200. */
        OK,
        /** 302 somewhere other than the sign-in page: done. */
        DONE
    }

    /** The rule for one request: the outcome for anonymous, contact, a.patel, r.evans and manager. */
    private record Rule(String method, String url, Outcome... outcomes) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("GET", "/contacts/new", Outcome.SIGN_IN, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK),
            new Rule("GET", "/triage", Outcome.SIGN_IN, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK),
            new Rule("GET", "/cases", Outcome.SIGN_IN, Outcome.FORBIDDEN, Outcome.OK, Outcome.OK, Outcome.OK),
            new Rule("GET", "/cases/{id}", Outcome.SIGN_IN, Outcome.FORBIDDEN, Outcome.OK, Outcome.OK, Outcome.OK),
            new Rule("GET", "/my-cases", Outcome.SIGN_IN, Outcome.FORBIDDEN, Outcome.OK, Outcome.OK, Outcome.OK),
            new Rule("GET", "/reports", Outcome.SIGN_IN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
                    Outcome.OK),
            new Rule("GET", "/reports/download", Outcome.SIGN_IN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
                    Outcome.FORBIDDEN, Outcome.OK),
            new Rule("GET", "/access-log", Outcome.SIGN_IN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
                    Outcome.OK),
            new Rule("POST", "/cases/{id}/triage", Outcome.SIGN_IN, Outcome.DONE, Outcome.DONE, Outcome.DONE,
                    Outcome.DONE),
            new Rule("POST", "/cases/{id}/acknowledge", Outcome.SIGN_IN, Outcome.FORBIDDEN, Outcome.DONE,
                    Outcome.DONE, Outcome.DONE),
            new Rule("GET", "/", Outcome.SIGN_IN, Outcome.DONE, Outcome.DONE, Outcome.DONE, Outcome.DONE),
            new Rule("GET", "/login", Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK),
            new Rule("GET", "/no-such-page", Outcome.SIGN_IN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
                    Outcome.FORBIDDEN, Outcome.FORBIDDEN));

    @Autowired
    UserDetailsService users;
    @Autowired
    AccessLog accessLog;

    static Stream<Arguments> rules() {
        List<Arguments> out = new ArrayList<>();
        for (Rule rule : RULES) {
            assertEquals(USERS.size(), rule.outcomes().length, rule.url());
            for (int i = 0; i < USERS.size(); i++) {
                out.add(Arguments.of(rule.method(), rule.url(), USERS.get(i), rule.outcomes()[i]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {2}: {3}")
    @MethodSource("rules")
    void eachUrlForEachUser(String method, String url, String username, Outcome expected) throws Exception {
        // each request has a case of its own in the state its action needs
        Complaint c = url.endsWith("/triage") ? received(Procedure.CORPORATE, ServiceArea.CORPORATE, "Rule Person")
                : corporate();
        String path = url.replace("{id}", c.id().value().toString());
        MockHttpServletRequestBuilder request = method.equals("GET") ? get(path)
                : post(path).with(csrf()).param("version", Long.toString(c.version())).param("decision", "COMPLAINT");
        MvcResult result = mvc.perform(request.with(as(username))).andReturn();
        int status = result.getResponse().getStatus();
        String redirect = result.getResponse().getRedirectedUrl();
        String what = method + " " + url + " as " + username + ": " + status + " " + redirect;
        switch (expected) {
            case SIGN_IN -> {
                assertEquals(302, status, what);
                assertEquals("/login", redirect, what);
            }
            case FORBIDDEN -> assertEquals(403, status, what);
            case OK -> assertEquals(200, status, what);
            case DONE -> {
                assertEquals(302, status, what);
                assertFalse(redirect == null || redirect.endsWith("/login"), what);
            }
            default -> throw new AssertionError(expected);
        }
        if (method.equals("POST")) {
            Complaint after = complaints.get(c.id());
            if (expected == Outcome.DONE) {
                assertEquals(c.version() + 1, after.version(), what + ": the action is saved");
                assertEquals(url.endsWith("/triage") ? Status.TRIAGED : Status.ACKNOWLEDGED, after.status(), what);
            } else {
                assertEquals(c.version(), after.version(), what + ": nothing saved");
            }
        }
    }

    @Test
    void theConfiguredUsersHaveTheRolesTheTableAssumes() {
        assertEquals(Set.of("ROLE_CONTACT_CENTRE"), roles("contact"));
        assertEquals(Set.of("ROLE_OFFICER"), roles("a.patel"));
        assertEquals(Set.of("ROLE_OFFICER", "ROLE_CHILDRENS"), roles("r.evans"));
        assertEquals(Set.of("ROLE_MANAGER", "ROLE_CHILDRENS"), roles("manager"));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsForbiddenAndChangesNothing() throws Exception {
        Complaint c = corporate();
        mvc.perform(post(path(c) + "/acknowledge").with(as("manager")).param("version", Long.toString(c.version())))
                .andExpect(status().isForbidden());
        mvc.perform(post(path(c) + "/acknowledge").with(as("manager")).with(csrf().useInvalidToken())
                        .param("version", Long.toString(c.version())))
                .andExpect(status().isForbidden());
        Complaint r = received(Procedure.CORPORATE, ServiceArea.CORPORATE, "Csrf Person");
        mvc.perform(post(path(r) + "/triage").with(as("contact")).param("decision", "COMPLAINT"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/contacts/new").with(as("contact")).param("reference", "CSRF-1"))
                .andExpect(status().isForbidden());
        assertEquals(c.version(), complaints.get(c.id()).version());
        assertEquals(r.version(), complaints.get(r.id()).version());
        assertTrue(complaints.findByReference("CSRF-1").isEmpty());
    }

    @Test
    void signingInWithTheConfiguredPasswordSucceeds() throws Exception {
        for (String username : USERS.subList(1, USERS.size())) {
            MvcResult result = mvc.perform(formLogin("/login").user(username).password("demo-password"))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/"))
                    .andExpect(authenticated().withUsername(username))
                    .andReturn();
            MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
            // the session signed in is the user's: the start page sends each to their own page
            mvc.perform(get("/").session(session)).andExpect(status().isFound())
                    .andExpect(redirectedUrl(username.equals("manager") ? "/cases"
                            : username.equals("contact") ? "/triage" : "/my-cases"));
        }
        mvc.perform(formLogin("/login").user("r.evans").password("demo-password"))
                .andExpect(authenticated().withRoles("OFFICER", "CHILDRENS"));
    }

    @Test
    void signingInWithAWrongPasswordOrUnknownUserFails() throws Exception {
        mvc.perform(formLogin("/login").user("manager").password("wrong"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("nobody").password("demo-password"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("manager").password(""))
                .andExpect(unauthenticated());
    }

    @Test
    void aChildrensCaseIsForbiddenWithoutTheChildrensRole() throws Exception {
        Complaint childrens = allocated(Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS);
        Complaint awaiting = received(Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS, "Chris Parent");
        for (String username : List.of("a.patel", "contact")) {
            mvc.perform(get(path(childrens)).with(as(username))).andExpect(status().isForbidden());
            mvc.perform(get(path(awaiting)).with(as(username))).andExpect(status().isForbidden());
            mvc.perform(post(path(childrens) + "/acknowledge").with(as(username)).with(csrf())
                    .param("version", Long.toString(childrens.version()))).andExpect(status().isForbidden());
            mvc.perform(post(path(awaiting) + "/triage").with(as(username)).with(csrf())
                    .param("decision", "COMPLAINT")).andExpect(status().isForbidden());
            mvc.perform(post(path(awaiting) + "/reclassify").with(as(username)).with(csrf())
                    .param("version", Long.toString(awaiting.version())).param("classification", "SERVICE_REQUEST"))
                    .andExpect(status().isForbidden());
        }
        assertEquals(childrens.version(), complaints.get(childrens.id()).version(), "nothing saved");
        assertEquals(awaiting.version(), complaints.get(awaiting.id()).version(), "nothing saved");
        assertEquals(List.of(), accessLogRowsFor(childrens), "no personal data seen");

        mvc.perform(get(path(childrens)).with(as("r.evans"))).andExpect(status().isOk());
        mvc.perform(get(path(childrens)).with(as("manager"))).andExpect(status().isOk());
        mvc.perform(post(path(childrens) + "/acknowledge").with(as("r.evans")).with(csrf())
                        .param("version", Long.toString(childrens.version())))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(path(childrens)));
        assertEquals(Status.ACKNOWLEDGED, complaints.get(childrens.id()).status());
        mvc.perform(post(path(awaiting) + "/triage").with(as("r.evans")).with(csrf()).param("decision", "COMPLAINT"))
                .andExpect(status().isFound());
        assertEquals(Status.TRIAGED, complaints.get(awaiting.id()).status());
    }

    @Test
    void aChildrensCaseIsInNoListOfAUserWithoutTheChildrensRole() throws Exception {
        Complaint childrens = allocated(Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS);
        Complaint awaiting = received(Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS, "Chris Parent");
        // controls a.patel may see, in the same lists: the lists are not just empty
        Complaint corporate = allocated(Procedure.CORPORATE, ServiceArea.CHILDRENS);
        Complaint corporateAwaiting = received(Procedure.CORPORATE, ServiceArea.CHILDRENS, "Corey Parent");
        List<Complaint> restricted = List.of(childrens, awaiting);

        List<String> pages = List.of("/cases?serviceArea=childrens", "/cases?officer=a.patel&serviceArea=childrens",
                "/cases?procedure=CHILDRENS_SOCIAL_CARE", "/triage", "/my-cases", "/cases?overdue=true",
                "/cases?overdue=true&serviceArea=childrens");
        clock.set(TestClock.START);
        for (boolean later : new boolean[] {false, true}) {
            if (later) {
                // a month on, every clock is overdue: the overdue lists and my overdue cases have rows
                clock.advance(java.time.Duration.ofDays(30));
            }
            try {
                for (String page : pages) {
                    String patel = page(page, "a.patel");
                    String evans = page(page, "r.evans");
                    String what = page + (later ? " a month on" : "");
                    for (Complaint c : restricted) {
                        assertFalse(patel.contains(c.reference()), what + " for a.patel has " + c.reference());
                        assertFalse(patel.contains(c.id().value().toString()), what + " for a.patel links to it");
                    }
                    if (page.equals("/triage")) {
                        assertTrue(patel.contains(corporateAwaiting.reference()), what + ": the control is listed");
                        assertTrue(evans.contains(awaiting.reference()), what + ": r.evans sees it");
                    } else if (page.equals("/my-cases") || page.equals("/cases?officer=a.patel&serviceArea=childrens")) {
                        assertTrue(patel.contains(corporate.reference()), what + ": the control is listed");
                    } else if (page.equals("/cases?serviceArea=childrens")
                            || (page.equals("/cases?overdue=true&serviceArea=childrens") && later)) {
                        assertTrue(patel.contains(corporateAwaiting.reference()), what + ": the control is listed");
                        assertTrue(evans.contains(childrens.reference()), what + ": r.evans sees it");
                        assertTrue(evans.contains(awaiting.reference()), what + ": r.evans sees it");
                    } else if (page.equals("/cases?procedure=CHILDRENS_SOCIAL_CARE")) {
                        assertTrue(evans.contains(childrens.reference()), what + ": r.evans sees it");
                    }
                }
            } finally {
                clock.set(TestClock.START);
            }
        }

        MvcResult found = mvc.perform(get("/cases").param("reference", childrens.reference()).with(as("a.patel")))
                .andExpect(status().isOk())
                .andReturn();
        assertTrue(html(found).contains("No case you may see has the reference " + childrens.reference()),
                "a.patel is not taken to the case by its reference");
        assertFalse(html(found).contains(childrens.id().value().toString()));
        mvc.perform(get("/cases").param("reference", childrens.reference()).with(as("r.evans")))
                .andExpect(redirectedUrl(path(childrens)));
    }

    private String page(String url, String username) throws Exception {
        MvcResult result = mvc.perform(get(url).with(as(username))).andReturn();
        int status = result.getResponse().getStatus();
        assertEquals(200, status, url + " as " + username);
        return result.getResponse().getContentAsString();
    }

    private List<AccessLog.View> accessLogRowsFor(Complaint c) {
        return accessLog.latest(100_000).stream().filter(v -> v.complaintId().equals(c.id().value().toString()))
                .toList();
    }

    /** The user as the configured UserDetailsService has them, or anonymous. */
    private RequestPostProcessor as(String username) {
        return username.equals(ANONYMOUS) ? anonymous() : user(users.loadUserByUsername(username));
    }

    private Set<String> roles(String username) {
        return users.loadUserByUsername(username).getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
    }
}
