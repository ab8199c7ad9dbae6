package uk.councilcomplaints.app;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Status;

/** Recording a contact: the form, the recorded complaint, and the errors field by field, through MockMvc. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:mvc-contact;DB_CLOSE_DELAY=-1",
        "council-app.demo-data=false"})
@AutoConfigureMockMvc
@Import(TestClock.class)
class ContactMvcTest extends AbstractMvcTest {

    @Test
    void theFormStartsWithTodayAndNowInLondon() throws Exception {
        MvcResult result = mvc.perform(get("/contacts/new").with(contactCentre()))
                .andExpect(status().isOk())
                .andExpect(view().name("contact"))
                .andReturn();
        ContactForm form = attribute(result, "form", ContactForm.class);
        assertEquals(List.of("7", "12", "2026", "10:00"), List.of(form.getReceivedDay(), form.getReceivedMonth(),
                form.getReceivedYear(), form.getReceivedTime()));
        assertFalse(attribute(result, "errors", FieldErrors.class).any());
        String html = html(result);
        assertTrue(hasInput(html, "receivedDay", "7"), "the day is filled in");
        assertTrue(html.contains("name=\"_csrf\""), "the form carries the CSRF token");
        assertFalse(html.contains("govuk-error-summary"), "no errors yet");
    }

    @Test
    void aValidContactIsRecordedWithWhatWasTypedAndTheQueueSaysSo() throws Exception {
        MvcResult result = mvc.perform(valid("CONTACT-MVC-1").with(contactCentre()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/triage"))
                .andExpect(flash().attribute("success", "Contact CONTACT-MVC-1 recorded"))
                .andReturn();
        Complaint c = complaints.findByReference("CONTACT-MVC-1").orElseThrow();
        assertEquals(c.id().value().toString(), result.getFlashMap().get("successCase"));
        assertEquals(Status.RECEIVED, c.status());
        assertEquals(Procedure.CORPORATE, c.procedure());
        assertEquals("highways", c.serviceArea().code());
        assertEquals(Channel.PHONE, c.channel());
        assertEquals(Instant.parse("2026-12-07T09:30:00Z"), c.receivedAt(), "09:30 in London in December is UTC");
        assertEquals(Optional.of(LocalDate.of(2026, 11, 20)), c.matterDate());
        PersonalData p = complaints.personalData(c.id()).orElseThrow();
        assertEquals(new Complainant("Ann Example", Optional.of("ann@example.org"), Optional.of("01234 567890"),
                Optional.of("4 High Street\nAnytown")), p.complainant());
        assertEquals("The pothole outside number 4 has been reported three times.", p.summary());
        assertEquals("contact", complaints.history(c.id()).get(0).actor(), "recorded as the signed-in user");
    }

    @Test
    void withoutAReferenceOneIsGenerated() throws Exception {
        MvcResult result = mvc.perform(valid("").with(officer()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/triage"))
                .andExpect(flash().attribute("success", startsWith("Contact CMP-2026-")))
                .andReturn();
        String id = (String) result.getFlashMap().get("successCase");
        Complaint c = complaints.get(uk.councilcomplaints.model.ComplaintId.parse(id));
        assertTrue(c.reference().startsWith("CMP-2026-"), c.reference());
        assertEquals("a.patel", complaints.history(c.id()).get(0).actor());
    }

    @Test
    void whatCannotBeReadIsNamedFieldByFieldAndNothingIsRecorded() throws Exception {
        MvcResult result = mvc.perform(post("/contacts/new").with(contactCentre()).with(csrf())
                        .param("reference", "CONTACT-MVC-2").param("procedure", "").param("serviceArea", "")
                        .param("channel", "").param("receivedDay", "31").param("receivedMonth", "2")
                        .param("receivedYear", "2026").param("name", "Bea Blank").param("summary", "Something"))
                .andExpect(status().isOk())
                .andExpect(view().name("contact"))
                .andReturn();
        FieldErrors errors = attribute(result, "errors", FieldErrors.class);
        assertEquals(List.of("procedure", "serviceArea", "channel", "receivedDay"), List.copyOf(errors.all().keySet()));
        assertEquals("Date received must be a real date, like 27 3 2026", errors.get("receivedDay"));
        String html = html(result);
        for (String field : errors.all().keySet()) {
            assertTrue(html.contains("<a href=\"#" + field + "\">" + errors.get(field) + "</a>"), field);
        }
        assertTrue(hasInput(html, "name", "Bea Blank"), "the name typed is kept");
        assertTrue(hasInput(html, "receivedDay", "31"), "the day typed is kept");
        assertTrue(complaints.findByReference("CONTACT-MVC-2").isEmpty(), "nothing recorded");
    }

    @Test
    void theLibrarysViolationsAreMappedToTheirFieldsAndNothingIsRecorded() throws Exception {
        MvcResult result = mvc.perform(valid("CONTACT-MVC-3", "email", "not an email", "name", "  ",
                        "receivedYear", "2027").with(contactCentre()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("contact"))
                .andReturn();
        FieldErrors errors = attribute(result, "errors", FieldErrors.class);
        assertEquals(List.of("receivedDay", "name", "email"), List.copyOf(errors.all().keySet()),
                errors.all().toString());
        assertTrue(errors.get("email").startsWith("Email address "), errors.get("email"));
        assertTrue(errors.get("name").startsWith("Name "), errors.get("name"));
        assertTrue(errors.get("receivedDay").startsWith("Date received "), errors.get("receivedDay"));
        String html = html(result);
        assertTrue(html.contains("<a href=\"#email\">"), "the summary links to the email field");
        assertTrue(hasInput(html, "email", "not an email"), "the email typed is kept");
        assertTrue(hasInput(html, "reference", "CONTACT-MVC-3"), "the reference typed is kept");
        assertTrue(html.contains("The pothole outside number 4 has been reported three times.</textarea>"),
                "the summary typed is kept");
        assertTrue(complaints.findByReference("CONTACT-MVC-3").isEmpty(), "nothing recorded");
    }

    @Test
    void aReferenceAlreadyTakenIsAnErrorOnTheReferenceFieldAndNothingIsRecorded() throws Exception {
        mvc.perform(valid("CONTACT-MVC-4").with(contactCentre()).with(csrf())).andExpect(status().isFound());
        Complaint first = complaints.findByReference("CONTACT-MVC-4").orElseThrow();
        MvcResult again = mvc.perform(valid("CONTACT-MVC-4", "name", "Someone Else")
                        .with(contactCentre()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("contact"))
                .andReturn();
        FieldErrors errors = attribute(again, "errors", FieldErrors.class);
        assertEquals(List.of("reference"), List.copyOf(errors.all().keySet()), errors.all().toString());
        assertTrue(errors.get("reference").contains("CONTACT-MVC-4"), errors.get("reference"));
        String html = html(again);
        assertTrue(html.contains("<a href=\"#reference\">"), "the summary links to the reference field");
        assertTrue(hasInput(html, "name", "Someone Else"), "what was typed is kept");
        assertEquals(first.id(), complaints.findByReference("CONTACT-MVC-4").orElseThrow().id());
        assertEquals("Ann Example", complaints.personalData(first.id()).orElseThrow().complainant().name());
    }

    /**
     * A valid contact, received today at 09:30 (the clock is at 10:00): the library asks for a reason for an event
     * dated more than a day before it is recorded, and the form has no field for one.
     */
    @Test
    void aContactReceivedDaysAgoNeedsTheReasonItIsRecordedLateAndIsRecordedWithIt() throws Exception {
        String[] lastWeek = {"receivedDay", "30", "receivedMonth", "11", "matterDay", "", "matterMonth", "",
                "matterYear", ""};
        MvcResult refused = mvc.perform(valid("CONTACT-MVC-LATE", lastWeek).with(contactCentre()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("contact"))
                .andReturn();
        FieldErrors errors = attribute(refused, "errors", FieldErrors.class);
        assertTrue(errors.has("lateReason"), errors.all().toString());
        assertTrue(errors.get("lateReason").startsWith("Why it is recorded late is required"), errors.get("lateReason"));
        assertTrue(complaints.findByReference("CONTACT-MVC-LATE").isEmpty(), "nothing recorded");

        String[] withReason = java.util.stream.Stream.concat(java.util.Arrays.stream(lastWeek),
                java.util.stream.Stream.of("lateReason", "a letter sent to the wrong department")).toArray(String[]::new);
        mvc.perform(valid("CONTACT-MVC-LATE", withReason).with(contactCentre()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/triage"));
        Complaint c = complaints.findByReference("CONTACT-MVC-LATE").orElseThrow();
        assertEquals(Instant.parse("2026-11-30T09:30:00Z"), c.receivedAt());
        assertEquals(Optional.of("a letter sent to the wrong department"), complaints.history(c.id()).get(0).reason());
    }

    private static MockHttpServletRequestBuilder valid(String reference, String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reference", reference);
        fields.put("procedure", "CORPORATE");
        fields.put("serviceArea", "highways");
        fields.put("channel", "PHONE");
        fields.put("receivedDay", "7");
        fields.put("receivedMonth", "12");
        fields.put("receivedYear", "2026");
        fields.put("receivedTime", "09:30");
        fields.put("matterDay", "20");
        fields.put("matterMonth", "11");
        fields.put("matterYear", "2026");
        fields.put("name", "Ann Example");
        fields.put("email", "ann@example.org");
        fields.put("phone", "01234 567890");
        fields.put("address", "4 High Street\nAnytown");
        fields.put("summary", "The pothole outside number 4 has been reported three times.");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder post = post("/contacts/new");
        fields.forEach(post::param);
        return post;
    }
}
