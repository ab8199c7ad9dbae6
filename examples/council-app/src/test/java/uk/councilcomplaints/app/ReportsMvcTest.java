package uk.councilcomplaints.app;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;

/** The reports page, its form errors and the CSV download, through MockMvc. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:mvc-reports;DB_CLOSE_DELAY=-1",
        "council-app.demo-data=false", "council-app.homes.2027=4000"})
@AutoConfigureMockMvc
@Import(TestClock.class)
class ReportsMvcTest extends AbstractMvcTest {

    @Test
    void thePageShowsTheReportByServiceAsOfTodayByDefault() throws Exception {
        corporate();
        MvcResult result = mvc.perform(get("/reports").with(manager()))
                .andExpect(status().isOk())
                .andExpect(view().name("reports"))
                .andExpect(content().string(containsString("Where cases stand, by service")))
                .andExpect(content().string(containsString("Download this report as CSV")))
                .andReturn();
        ReportsController.Criteria criteria = attribute(result, "criteria", ReportsController.Criteria.class);
        assertEquals("2026-12-07", criteria.getAsOf(), "as of today in London");
        assertEquals("BY_SERVICE", criteria.getReport());
        ReportsController.Shown shown = attribute(result, "shown", ReportsController.Shown.class);
        assertEquals("Where cases stand, by service", shown.title());
        assertFalse(attribute(result, "errors", FieldErrors.class).any());
        assertTrue(html(result).contains("<svg class=\"app-chart\""), "a chart");
    }

    @Test
    void everyReportKindIsShown() throws Exception {
        // the burn-down runs from the as-of day (7 December) week by week until 21 December
        corporate();
        for (ReportsController.Kind kind : ReportsController.Kind.values()) {
            boolean received = kind == ReportsController.Kind.SLA || kind == ReportsController.Kind.NON_COMPLAINTS;
            MvcResult result = mvc.perform(get("/reports").with(manager()).param("report", kind.name())
                            .param("asOf", kind == ReportsController.Kind.STATUTORY ? "2026-03-31" : "2026-12-07")
                            .param("population", received ? "received" : "all")
                            .param("from", "2026-12-01").param("to", "2026-12-07")
                            .param("until", kind == ReportsController.Kind.BURN_DOWN ? "2026-12-21" : ""))
                    .andExpect(status().isOk())
                    .andReturn();
            assertFalse(attribute(result, "errors", FieldErrors.class).any(),
                    kind + ": " + attribute(result, "errors", FieldErrors.class).all());
            assertEquals(kind.label(), attribute(result, "shown", ReportsController.Shown.class).title());
        }
    }

    @Test
    void theCsvDownloadHasTheHeaderLineAndATotalRowThatCountsNewCases() throws Exception {
        List<String> before = csv();
        corporate();
        received(Procedure.CORPORATE, ServiceArea.CORPORATE, "Rae Report");
        List<String> after = csv();
        assertTrue(after.get(0).startsWith("group,total,"), after.get(0));
        String total = after.get(after.size() - 1);
        assertTrue(total.startsWith("Total,"), "the last line is the Total row: " + after);
        assertEquals(total(before, "Total") + 2, total(after, "Total"), after.toString());
        assertEquals(total(before, "Corporate") + 2, total(after, "Corporate"), after.toString());
    }

    private List<String> csv() throws Exception {
        MvcResult result = mvc.perform(get("/reports/download").with(manager()).param("report", "BY_SERVICE")
                        .param("asOf", "2026-12-07").param("population", "all"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(new MediaType("text", "csv")))
                .andExpect(header().string("Content-Disposition",
                        containsString("attachment; filename=\"by-service-2026-12-07.csv\"")))
                .andReturn();
        String csv = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.endsWith("\r\n"), "CRLF line ends");
        return Arrays.asList(csv.split("\r\n"));
    }

    /** The total column of the line labelled so; 0 if there is none. */
    private static long total(List<String> csv, String label) {
        return csv.stream().filter(l -> l.startsWith(label + ",")).mapToLong(l -> Long.parseLong(l.split(",")[1]))
                .findFirst().orElse(0);
    }

    @Test
    void theCsvOfAReportWithErrorsIs400NamingThem() throws Exception {
        mvc.perform(get("/reports/download").with(manager()).param("report", "SLA").param("asOf", "2026-12-07")
                        .param("population", "all"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(content().string("Choose the contacts received between two days for this report"));
    }

    @Test
    void unreadableDatesAreErrorsNamingTheirFields() throws Exception {
        MvcResult result = mvc.perform(get("/reports").with(manager()).param("report", "BY_SERVICE")
                        .param("asOf", "2022-13-01").param("knownAt", "yesterday"))
                .andExpect(status().isOk())
                .andExpect(view().name("reports"))
                .andExpect(model().attributeDoesNotExist("shown"))
                .andReturn();
        FieldErrors errors = attribute(result, "errors", FieldErrors.class);
        assertEquals(List.of("asOf", "knownAt"), List.copyOf(errors.all().keySet()));
        assertEquals("As of must be a date, like 2026-03-27", errors.get("asOf"));
        assertEquals("Known at must be a date and time, like 2026-03-27T17:00", errors.get("knownAt"));
        String html = html(result);
        assertTrue(html.contains("<a href=\"#asOf\">As of must be a date, like 2026-03-27</a>"), "summary links");
        assertTrue(html.contains("<a href=\"#knownAt\">"), "summary links");
        assertTrue(hasInput(html, "asOf", "2022-13-01"), "what was typed is kept");
        assertFalse(html.contains("Download this report as CSV"));
    }

    @Test
    void populationErrorsNameTheirFields() throws Exception {
        FieldErrors sla = attribute(mvc.perform(get("/reports").with(manager()).param("report", "SLA")
                .param("asOf", "2026-12-07").param("population", "all")).andExpect(status().isOk()).andReturn(),
                "errors", FieldErrors.class);
        assertEquals(List.of("population"), List.copyOf(sla.all().keySet()));

        FieldErrors backwards = attribute(mvc.perform(get("/reports").with(manager()).param("report", "BY_TYPE")
                .param("asOf", "2026-12-07").param("population", "received").param("from", "2026-12-05")
                .param("to", "2026-12-01")).andExpect(status().isOk()).andReturn(), "errors", FieldErrors.class);
        assertEquals("Received to must be on or after received from", backwards.get("to"));

        FieldErrors missing = attribute(mvc.perform(get("/reports").with(manager()).param("report", "BY_TYPE")
                .param("asOf", "2026-12-07").param("population", "received").param("from", "")
                .param("to", "soon")).andExpect(status().isOk()).andReturn(), "errors", FieldErrors.class);
        assertEquals(List.of("from", "to"), List.copyOf(missing.all().keySet()));

        FieldErrors cohort = attribute(mvc.perform(get("/reports").with(manager()).param("report", "BY_TYPE")
                .param("asOf", "2026-12-07").param("population", "cohort").param("cohortOpenOn", "1 Dec"))
                .andExpect(status().isOk()).andReturn(), "errors", FieldErrors.class);
        assertEquals(List.of("cohortOpenOn"), List.copyOf(cohort.all().keySet()));

        FieldErrors kind = attribute(mvc.perform(get("/reports").with(manager()).param("report", "NO_SUCH_REPORT"))
                .andExpect(status().isOk()).andReturn(), "errors", FieldErrors.class);
        assertEquals(List.of("report"), List.copyOf(kind.all().keySet()));
    }

    @Test
    void theCodesAnnualReportHasATablePerSectionWithThePreviousYearAndTheLearningActions() throws Exception {
        Complaint c = corporate();
        complaints.execute(c.id(), new Command.AgreeLearningAction("Answer the phone within five rings",
                ServiceArea.CORPORATE, "Contact centre manager", java.time.LocalDate.of(2027, 2, 1), java.util.Set.of()),
                Audit.by("manager"));
        MvcResult result = mvc.perform(get("/reports").with(manager()).param("report", "CODE_ANNUAL"))
                .andExpect(status().isOk()).andReturn();
        ReportsController.Criteria criteria = attribute(result, "criteria", ReportsController.Criteria.class);
        assertEquals("2027", criteria.getYearEnding(), "the year in progress by default");
        ReportsController.Shown shown = attribute(result, "shown", ReportsController.Shown.class);
        assertTrue(shown.tables().size() > 2, shown.tables().toString());
        String html = html(result);
        assertTrue(html.contains(">2026-27</th>") && html.contains(">2025-26</th>"), "this year and the previous");
        assertTrue(html.contains("Answer the phone within five rings"), "the learning actions table");
        assertFalse(html.contains("<svg class=\"app-chart\""), "no chart of an annual report");
        assertTrue(html.contains("Download the learning actions as CSV"));

        MvcResult figures = mvc.perform(get("/reports/download").with(manager()).param("report", "CODE_ANNUAL")
                        .param("yearEnding", "2027"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("code-annual-year-ending-2027.csv")))
                .andReturn();
        String csv = figures.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("figure,this_year,previous_year\r\n"), csv);
        MvcResult actions = mvc.perform(get("/reports/download").with(manager()).param("report", "CODE_ANNUAL")
                        .param("yearEnding", "2027").param("part", "actions"))
                .andExpect(status().isOk()).andReturn();
        String actionsCsv = actions.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertTrue(actionsCsv.startsWith("service,action,"), actionsCsv);
        assertTrue(actionsCsv.contains("Answer the phone within five rings"), actionsCsv);
    }

    @Test
    void theTenantSatisfactionMeasuresNeedTheHomesOfTheYear() throws Exception {
        MvcResult configured = mvc.perform(get("/reports").with(manager()).param("report", "TENANT_SATISFACTION")
                        .param("yearEnding", "2027"))
                .andExpect(status().isOk()).andReturn();
        String html = html(configured);
        assertTrue(html.contains("CH01 stage 1") && html.contains("CH02 stage 2"), "the four measures");
        assertTrue(html.contains("Homes owned: 4,000"), "the homes configured");
        MvcResult missing = mvc.perform(get("/reports").with(manager()).param("report", "TENANT_SATISFACTION")
                        .param("yearEnding", "2025"))
                .andExpect(status().isOk()).andReturn();
        assertFalse(attribute(missing, "errors", FieldErrors.class).any());
        assertTrue(html(missing).contains("not configured for the year ending 31 March 2025 (council-app.homes.2025)"),
                html(missing));
        assertFalse(html(missing).contains("Download this report as CSV"), "nothing to download");
    }

    @Test
    void aYearNotOfferedIsAnErrorOnTheYearField() throws Exception {
        MvcResult result = mvc.perform(get("/reports").with(manager()).param("report", "CODE_ANNUAL")
                        .param("yearEnding", "1999"))
                .andExpect(status().isOk()).andReturn();
        assertEquals("Select the year ending 31 March",
                attribute(result, "errors", FieldErrors.class).get("yearEnding"));
        assertTrue(html(result).contains("<a href=\"#yearEnding\">Select the year ending 31 March</a>"));
    }
}
