package uk.councilcomplaints.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
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
 * The reference app in a real browser, by keyboard only: a contact recorded by the contact centre is triaged,
 * allocated, acknowledged, sent to the service and answered by an officer, and the manager's report counts it;
 * two sessions editing one case; a children's case kept from a user without the children's role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser-walk;DB_CLOSE_DELAY=-1", "council-app.demo-data=false"})
@Import(TestClock.class)
class BrowserWalkTest {

    private static final String COMPLETE = "Complete (response sent)";

    @LocalServerPort
    int port;
    @Autowired
    SettableClock clock;
    @Autowired
    Complaints complaints;

    @Test
    void aContactGoesFromTheContactCentreToAnAnsweredComplaintByKeyboardAndTheReportCountsIt() {
        try (Browser browser = new Browser(port)) {
            browser.signIn("manager");
            long before = reportCell(browser, "Corporate Stage 1", COMPLETE);
            browser.signOut();

            browser.signIn("contact");
            assertEquals("/triage", browser.path());
            browser.press(By.linkText("Record a contact"));
            browser.choose("procedure", "CORPORATE");
            browser.select(By.id("serviceArea"), "highways");
            browser.select(By.id("channel"), "EMAIL");
            browser.type(By.id("name"), "Ann Example");
            browser.type(By.id("email"), "ann@example.org");
            browser.type(By.id("summary"), "The pothole outside number 4 has been reported three times.");
            browser.screenshot("walk-1-contact");
            browser.press(By.cssSelector("main form button.govuk-button"));
            assertEquals("/triage", browser.path());
            String banner = browser.find(By.cssSelector(".govuk-notification-banner--success")).getText();
            String reference = banner.replaceAll("(?s).*Contact (\\S+) recorded.*", "$1");
            assertTrue(reference.startsWith("CMP-2026-"), banner);
            assertTrue(browser.text().contains(reference), "the new contact is in the triage queue");
            browser.screenshot("walk-2-triage-queue");
            browser.signOut();

            clock.advance(Duration.ofHours(1));
            browser.signIn("a.patel");
            browser.press(By.linkText("Triage queue"));
            browser.select(By.xpath(rowOf(reference) + "//select"), "COMPLAINT");
            browser.press(By.xpath(rowOf(reference) + "//button"));
            assertTrue(browser.text().contains(reference + ": A complaint"), browser.text());
            browser.press(By.linkText("Open the case"));
            assertTrue(browser.title().startsWith(reference), browser.title());

            browser.type(By.id("allocate-officer"), "a.patel");
            browser.press(By.id("allocate-submit"));
            assertStatus(browser, "Allocated");
            clock.advance(Duration.ofHours(1));
            browser.press(By.id("acknowledge-submit"));
            assertStatus(browser, "Acknowledged");
            browser.press(By.id("send-to-service-submit"));
            assertStatus(browser, "With service");
            clock.advance(Duration.ofDays(2));
            browser.choose("outcome", "UPHELD");
            browser.tick(By.id("respond-remedies"));
            browser.type(By.id("respond-reason"), "Repaired on 9 December");
            browser.press(By.id("respond-submit"));
            assertStatus(browser, "Responded");
            browser.screenshot("walk-3-case-responded");
            String history = browser.find(By.xpath("//h2[.='History']/following-sibling::table")).getText();
            for (String step : List.of("Received", "Triaged", "Allocated", "Acknowledged", "Sent to service",
                    "Responded")) {
                assertTrue(history.contains(step), step + " in " + history);
            }
            assertTrue(history.contains("Repaired on 9 December"), history);
            browser.signOut();

            browser.signIn("manager");
            assertEquals(before + 1, reportCell(browser, "Corporate Stage 1", COMPLETE));
            browser.screenshot("walk-4-report");
        }
    }

    @Test
    void theSecondOfTwoSessionsEditingACaseIsToldAndKeepsWhatItTyped() {
        Complaint c = allocated(Procedure.CORPORATE, ServiceArea.CORPORATE);
        try (Browser first = new Browser(port); Browser second = new Browser(port)) {
            first.signIn("a.patel");
            second.signIn("manager");
            first.open("/cases/" + c.id().value());
            second.open("/cases/" + c.id().value());

            first.press(By.id("acknowledge-submit"));
            assertStatus(first, "Acknowledged");

            second.type(By.id("allocate-officer"), "r.evans");
            second.type(By.id("allocate-reason"), "Rhys knows this estate");
            second.press(By.id("allocate-submit"));
            assertTrue(second.text().contains("This case was changed by someone else"), second.text());
            assertStatus(second, "Acknowledged");
            assertEquals("r.evans", second.find(By.id("allocate-officer")).getDomProperty("value"));
            assertEquals("Rhys knows this estate", second.find(By.id("allocate-reason")).getDomProperty("value"));
            assertEquals("a.patel", complaints.get(c.id()).officer().orElseThrow(), "nothing of the second saved");
            second.checkAccessibility("the case page with the conflict banner");
            second.screenshot("conflict");

            second.press(By.id("allocate-submit"));
            assertStatus(second, "Acknowledged");
            assertEquals("r.evans", complaints.get(c.id()).officer().orElseThrow(), "submitted again, it is saved");
        }
    }

    @Test
    void aChildrensCaseIsForbiddenToAUserWithoutTheChildrensRoleAndInNoneOfTheirLists() {
        Complaint childrens = allocated(Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS);
        complaints.execute(childrens.id(), new Command.Allocate("a.patel", "Voice of the customer"),
                Audit.by("manager"));
        Complaint awaiting = complaints.receive(ReceiveContact.of(Procedure.CHILDRENS_SOCIAL_CARE,
                ServiceArea.CHILDRENS, Channel.PHONE, clock.instant(), Complainant.named("Chris Parent"),
                "Child protection conference notes were wrong"), Audit.by("contact"));
        try (Browser browser = new Browser(port)) {
            browser.signIn("a.patel");
            browser.open("/cases/" + childrens.id().value());
            assertTrue(browser.title().startsWith("You cannot see this page"), browser.title());
            browser.checkAccessibility("the 403 page");
            browser.screenshot("forbidden");
            for (String page : List.of("/triage", "/cases", "/my-cases", "/cases?overdue=true",
                    "/cases?procedure=CHILDRENS_SOCIAL_CARE")) {
                browser.open(page);
                assertFalse(browser.text().contains(childrens.reference()), page);
                assertFalse(browser.text().contains(awaiting.reference()), page);
            }
            browser.open("/cases?reference=" + childrens.reference());
            assertEquals("/cases?reference=" + childrens.reference(), browser.path(), "not taken to the case");
            assertTrue(browser.text().contains("No case you may see has the reference " + childrens.reference()),
                    browser.text());
            browser.signOut();
            browser.signIn("r.evans");
            browser.open("/cases/" + childrens.id().value());
            assertTrue(browser.title().startsWith(childrens.reference()), browser.title());
            browser.open("/triage");
            assertTrue(browser.text().contains(awaiting.reference()), "r.evans has the children's role");
        }
    }

    @Test
    void aContactIsRefusedAndAComplaintsThemesRecordedByKeyboardOnly() {
        Complaint contact = complaints.receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE,
                Channel.EMAIL, clock.instant(), Complainant.named("Lee Litigant"), "The council's claim against me"),
                Audit.by("contact"));
        Complaint complaint = allocated(Procedure.CORPORATE, ServiceArea.CORPORATE);
        try (Browser browser = new Browser(port)) {
            browser.signIn("a.patel");
            browser.open("/cases/" + contact.id().value());
            browser.press(By.id("refuse-submit"));
            String summary = browser.find(By.className("govuk-error-summary")).getText();
            assertTrue(summary.contains("Select why the complaint is refused"), summary);
            assertEquals("Received", browser.find(By.cssSelector("h1 .govuk-tag")).getText().trim(), "nothing saved");
            browser.choose("exclusion", "LEGAL_PROCEEDINGS");
            browser.type(By.id("refuse-reason"), "The county court claim covers the same matter");
            browser.press(By.id("refuse-submit"));
            assertStatus(browser, "Refused");
            assertTrue(browser.text().contains("Legal proceedings started"), browser.text());
            browser.checkAccessibility("the case page of a refused contact");
            browser.screenshot("walk-refused");

            browser.open("/cases/" + complaint.id().value());
            browser.press(By.id("record-themes-submit"));
            assertTrue(browser.find(By.className("govuk-error-summary")).getText()
                    .contains("Select at least one theme"), browser.text());
            browser.checkAccessibility("the case page with the themes' error");
            browser.tick(By.id("record-themes-theme-delay"));
            browser.tick(By.id("record-themes-theme-policy"));
            browser.press(By.id("record-themes-submit"));
            String themes = browser.find(By.xpath("//dt[.='Themes']/following-sibling::dd")).getText();
            assertTrue(themes.contains("Delay") && themes.contains("Policy or decision"), themes);
            assertEquals(java.util.Set.of("delay", "policy"), uk.councilcomplaints.learning.CaseRecord.of(
                    complaints.history(complaint.id())).themes());

            browser.type(By.id("agree-learning-action-action"), "Reply to chasers within two working days");
            browser.type(By.id("agree-learning-action-owner"), "Customer services lead");
            browser.type(By.id("agree-learning-action-dueDay"), "29");
            browser.type(By.id("agree-learning-action-dueMonth"), "1");
            browser.type(By.id("agree-learning-action-dueYear"), "2027");
            browser.press(By.id("agree-learning-action-submit"));
            assertTrue(browser.find(By.id("learning")).isDisplayed(), browser.text());
            assertTrue(browser.text().contains("Reply to chasers within two working days"), browser.text());
            browser.checkAccessibility("the case page with themes and a learning action");
            browser.screenshot("walk-themes-and-learning");
        }
    }

    @Test
    void theOmbudsmansDecisionFormShowsItsErrorsOnItsFields() {
        Complaint c = allocated(Procedure.CORPORATE, ServiceArea.CORPORATE);
        complaints.execute(c.id(), new Command.Acknowledge(), Audit.by("a.patel"));
        complaints.execute(c.id(), Command.Respond.with(uk.councilcomplaints.model.Outcome.NOT_UPHELD),
                Audit.by("a.patel"));
        complaints.execute(c.id(), new Command.Escalate(), Audit.by("a.patel"));
        complaints.execute(c.id(), new Command.Allocate("manager", "Voice of the customer"), Audit.by("manager"));
        complaints.execute(c.id(), new Command.Acknowledge(), Audit.by("manager"));
        complaints.execute(c.id(), Command.Respond.with(uk.councilcomplaints.model.Outcome.NOT_UPHELD),
                Audit.by("manager"));
        complaints.execute(c.id(), new Command.ReferToOmbudsman(), Audit.by("manager"));
        try (Browser browser = new Browser(port)) {
            browser.signIn("manager");
            browser.open("/cases/" + c.id().value());
            browser.checkAccessibility("the case page with the Ombudsman's forms");
            browser.choose("decision", "NOT_UPHELD");
            browser.tick(By.id("record-ombudsman-decision-remedies"));
            browser.press(By.id("record-ombudsman-decision-submit"));
            String summary = browser.find(By.className("govuk-error-summary")).getText();
            assertTrue(summary.contains("Remedies must be empty: only an upheld decision recommends remedies"
                    + " (the decision was not upheld)"), summary);
            assertTrue(summary.contains("Remedies due is required"), summary);
            assertTrue(browser.find(By.id("record-ombudsman-decision-remedies-error")).isDisplayed());
            browser.checkAccessibility("the case page with the Ombudsman's decision's errors");
            browser.screenshot("ombudsman-decision-errors");
        }
    }

    private Complaint allocated(Procedure procedure, ServiceArea area) {
        Complaint c = complaints.receive(ReceiveContact.of(procedure, area, Channel.EMAIL, clock.instant(),
                Complainant.named("Pat Example"), "Noise from the depot at night"), Audit.by("contact"));
        complaints.execute(c.id(), Command.Triage.asReceived(), Audit.by("a.patel"));
        return complaints.execute(c.id(), new Command.Allocate("a.patel", "Voice of the customer"),
                Audit.by("a.patel"));
    }

    private static String rowOf(String reference) {
        return "//tr[th[normalize-space(.)='" + reference + "']]";
    }

    private static void assertStatus(Browser browser, String status) {
        assertEquals(status, browser.find(By.cssSelector("h1 .govuk-tag")).getText().trim(), browser.text());
    }

    /** The number in the by-type report as of today, in the row and column named; 0 if the row is absent. */
    private static long reportCell(Browser browser, String row, String column) {
        browser.press(By.linkText("Reports"));
        browser.select(By.id("report"), "BY_TYPE");
        browser.press(By.cssSelector("main form button.govuk-button"));
        List<WebElement> headings = browser.driver().findElements(By.xpath("//table[thead]//thead//th"));
        int index = -1;
        for (int i = 0; i < headings.size(); i++) {
            if (headings.get(i).getText().trim().equals(column)) {
                index = i;
            }
        }
        assertTrue(index > 0, "column " + column + " in " + headings.stream().map(WebElement::getText).toList());
        List<WebElement> rows = browser.driver().findElements(By.xpath("//table//tr[th[normalize-space(.)='" + row
                + "']]"));
        if (rows.isEmpty()) {
            return 0;
        }
        List<WebElement> cells = rows.get(0).findElements(By.xpath("./th|./td"));
        return Long.parseLong(cells.get(index).getText().trim());
    }
}
