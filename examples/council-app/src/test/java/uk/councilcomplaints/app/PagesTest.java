package uk.councilcomplaints.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.councilcomplaints.learning.CaseRecord;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Every page, as each role sees it, over the demonstration data: axe finds no violation of the WCAG 2.2 A and AA
 * rules, and a screenshot of each is saved under target/screenshots for a person to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:pages;DB_CLOSE_DELAY=-1", "council-app.demo-data=true"})
@Import(TestClock.class)
class PagesTest {

    @LocalServerPort
    int port;
    @Autowired
    Complaints complaints;

    private static void check(Browser browser, String name) {
        browser.checkAccessibility(name);
        browser.screenshot(name);
    }

    @Test
    void signInPages() {
        try (Browser browser = new Browser(port)) {
            browser.open("/cases");
            assertEquals("/login", browser.path(), "signing in comes first");
            check(browser, "login");
            browser.type(By.id("username"), "manager");
            browser.type(By.id("password"), "wrong");
            browser.press(By.cssSelector("main button[type=submit]"));
            assertTrue(browser.text().contains("Enter a user name and password that match"), browser.text());
            assertTrue(browser.title().startsWith("Error: "), browser.title());
            check(browser, "login-error");
        }
    }

    @Test
    void contactCentrePages() {
        try (Browser browser = new Browser(port)) {
            browser.signIn("contact");
            check(browser, "triage-queue");
            assertTrue(browser.text().contains("awaiting triage"), browser.text());
            // triage under another procedure than the one logged, from the row
            String row = "//tr[th[normalize-space(.)='CMP-2026-000005']]";
            browser.select(By.xpath(row + "//select"), "COMPLAINT:ADULT_SOCIAL_CARE");
            browser.press(By.xpath(row + "//button"));
            assertTrue(browser.text().contains("CMP-2026-000005: A complaint under the Statutory Adults procedure"),
                    browser.text());
            assertTrue(browser.driver().findElements(By.xpath(row)).isEmpty(), "triaged, it left the queue");
            browser.open("/contacts/new");
            check(browser, "contact");
            browser.type(By.id("email"), "not an email");
            browser.type(By.id("receivedDay"), "31");
            browser.type(By.id("receivedMonth"), "2");
            browser.press(By.cssSelector("main form button.govuk-button"));
            String summary = browser.find(By.className("govuk-error-summary")).getText();
            for (String error : new String[] {"Select the procedure", "Select the service", "Select how the contact arrived",
                    "Date received must be a real date"}) {
                assertTrue(summary.contains(error), summary);
            }
            check(browser, "contact-errors");
            browser.open("/cases");
            assertTrue(browser.title().startsWith("You cannot see this page"), "the contact centre works no cases");
        }
    }

    @Test
    void officerAndManagerPages() {
        try (Browser browser = new Browser(port)) {
            browser.signIn("a.patel");
            assertEquals("/my-cases", browser.path());
            check(browser, "my-cases");
            browser.signOut();

            browser.signIn("manager");
            check(browser, "cases");
            browser.open("/cases?overdue=true");
            check(browser, "cases-overdue");
            browser.open("/cases?reference=NO-SUCH-CASE");
            check(browser, "cases-not-found");
            browser.open("/cases?reference=LEGACY-0001");
            assertTrue(browser.title().startsWith("LEGACY-0001"), browser.title());
            check(browser, "case");
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Complaint c : complaints.find(ComplaintQuery.builder().limit(1000).build()).items()) {
                if (c.receivedAt().isBefore(java.time.Instant.parse("2025-01-01T00:00:00Z"))) {
                    continue; // the briefing note's story has a record of its own; these are the recent cases'
                }
                CaseRecord record = CaseRecord.of(complaints.history(c.id()));
                if (record.ombudsman().flatMap(o -> o.payment()).isPresent() && seen.add("ombudsman")) {
                    browser.open("/cases/" + c.id().value());
                    String text = browser.text();
                    for (String shown : new String[] {"The Ombudsman", "Upheld", "£300.00", "Complied late",
                            "Learning actions", "Done on time", "Overdue"}) {
                        assertTrue(text.contains(shown), shown + " in " + text);
                    }
                    check(browser, "case-ombudsman");
                } else if (record.exclusion().isPresent() && seen.add("refused")) {
                    browser.open("/cases/" + c.id().value());
                    assertTrue(browser.text().contains("Not about the council"), browser.text());
                    check(browser, "case-refused");
                } else if (!record.escalationsRefused().isEmpty() && !record.payments().isEmpty()
                        && seen.add("housing")) {
                    browser.open("/cases/" + c.id().value());
                    assertTrue(browser.text().contains("£150.00 at stage 1"), browser.text());
                    check(browser, "case-housing");
                }
            }
            assertEquals(java.util.Set.of("ombudsman", "refused", "housing"), seen, "the demonstration's cases");
            browser.open("/cases?status=ALLOCATED&procedure=CORPORATE");
            browser.press(By.cssSelector("tbody tr th a"));
            browser.type(By.id("extend-workingDays"), "ten");
            browser.type(By.id("extend-reason"), "waiting for the service's records");
            browser.press(By.id("extend-submit"));
            assertTrue(browser.find(By.className("govuk-error-summary")).getText()
                    .contains("Working days must be a whole number"), browser.text());
            check(browser, "case-errors");
            browser.open("/reports");
            check(browser, "reports");
            for (ReportsController.Kind kind : ReportsController.Kind.values()) {
                String population = switch (kind) {
                    case SLA, NON_COMPLAINTS -> "received&from=2021-11-30&to=2022-02-28";
                    case BURN_DOWN -> "cohort&cohortOpenOn=2021-12-01&until=2022-03-02";
                    default -> "all";
                };
                browser.open("/reports?report=" + kind.name() + "&asOf="
                        + (kind == ReportsController.Kind.BURN_DOWN ? "2021-12-01" : "2022-03-02")
                        + "&population=" + population);
                assertTrue(browser.text().contains(kind.label()), kind + ": " + browser.text());
                check(browser, "report-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            }
            browser.open("/reports?report=CODE_ANNUAL&yearEnding=2027");
            assertTrue(browser.text().contains("Learning and service improvement actions agreed in 2026-27"),
                    browser.text());
            check(browser, "report-code-annual-2027");
            browser.open("/reports?report=TENANT_SATISFACTION&yearEnding=2024");
            assertTrue(browser.text().contains("not configured for the year ending 31 March 2024"), browser.text());
            check(browser, "report-tenant-satisfaction-no-homes");
            browser.open("/reports?report=BY_SERVICE&asOf=2022-13-01&knownAt=yesterday");
            check(browser, "reports-errors");
            browser.open("/access-log");
            assertTrue(browser.text().contains("LEGACY-0001"), "the manager's own view of LEGACY-0001 is logged");
            check(browser, "access-log");
            browser.open("/cases/00000000-0000-0000-0000-000000000000");
            assertTrue(browser.title().startsWith("Page not found"), browser.title());
            check(browser, "not-found");
        }
    }
}
