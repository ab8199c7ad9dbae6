package uk.councilcomplaints.app;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * What the MockMvc tests share: the users as mock principals with the roles of application.properties, and cases
 * set up through the library. Each subclass names its own in-memory database in its {@code @SpringBootTest}.
 */
abstract class AbstractMvcTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Complaints complaints;
    @Autowired
    SettableClock clock;

    static RequestPostProcessor contactCentre() {
        return user("contact").roles("CONTACT_CENTRE");
    }

    static RequestPostProcessor officer() {
        return user("a.patel").roles("OFFICER");
    }

    static RequestPostProcessor childrensOfficer() {
        return user("r.evans").roles("OFFICER", "CHILDRENS");
    }

    static RequestPostProcessor manager() {
        return user("manager").roles("MANAGER", "CHILDRENS");
    }

    /** A contact as the contact centre records it: RECEIVED, awaiting triage. */
    Complaint received(Procedure procedure, ServiceArea area, String name) {
        return complaints.receive(ReceiveContact.of(procedure, area, Channel.EMAIL, clock.instant(),
                Complainant.named(name).withEmail("someone@example.org"), "Noise from the depot at night"),
                Audit.by("contact"));
    }

    /** A complaint triaged and allocated to a.patel. */
    Complaint allocated(Procedure procedure, ServiceArea area) {
        Complaint c = received(procedure, area, "Pat Example");
        complaints.execute(c.id(), Command.Triage.asReceived(), Audit.by("a.patel"));
        return complaints.execute(c.id(), new Command.Allocate("a.patel", "Voice of the customer"),
                Audit.by("a.patel"));
    }

    Complaint corporate() {
        return allocated(Procedure.CORPORATE, ServiceArea.CORPORATE);
    }

    static String path(Complaint c) {
        return "/cases/" + c.id().value();
    }

    /** A model attribute of the request's view, which must be there. */
    static <T> T attribute(MvcResult result, String name, Class<T> type) {
        assertNotNull(result.getModelAndView(), "a view was rendered");
        Object value = result.getModelAndView().getModel().get(name);
        assertNotNull(value, "model attribute " + name);
        return type.cast(value);
    }

    static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    /** Whether the HTML has the element with this id and, in its start tag, the attribute with this value. */
    static boolean hasInput(String html, String id, String value) {
        return Pattern.compile("<input[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*\\svalue=\"" + Pattern.quote(value)
                + "\"").matcher(html).find();
    }
}
