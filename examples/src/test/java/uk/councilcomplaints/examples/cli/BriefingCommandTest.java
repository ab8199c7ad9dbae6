package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.examples.briefing.BriefingNoteDataSet;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/** {@code complaints briefing}: the note's figures, from the stored events, in every format. */
class BriefingCommandTest {

    private static final List<String> HEADER = List.of("group", "total", "unallocated", "with_complaints_team",
            "with_service", "complete", "closed_other");

    private static Map<String, List<List<String>>> sections;

    @BeforeAll
    static void runCsv() {
        Cli.Result run = Cli.run("briefing", "--store", "memory", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        sections = Cli.csvSections(run.out());
    }

    @Test
    void theDecemberPositionAsReportedOnFirstDecemberCellByCell() {
        assertEquals(List.of(HEADER,
                List.of("Adults", "89", "42", "47", "0", "0", "0"),
                List.of("Children's", "116", "51", "65", "0", "0", "0"),
                List.of("Corporate", "65", "21", "44", "0", "0", "0"),
                List.of("Other", "12", "0", "12", "0", "0", "0"),
                List.of("Total", "282", "114", "168", "0", "0", "0")),
                section("At the beginning of December, as reported on 1 December 2021"));
    }

    @Test
    void theSameTableAsKnownAfterTheDataCleansingHas73TrulyUnallocated() {
        List<List<String>> now = section("At the beginning of December, as known after the data cleansing");
        assertEquals(List.of("Total", "282", "73", "168", "0", "41", "0"), now.get(now.size() - 1));
    }

    @Test
    void theOriginalBacklogOn14JanuaryCellByCell() {
        assertEquals(List.of(HEADER,
                List.of("Adults", "3", "0", "0", "3", "0", "0"),
                List.of("Children's", "20", "0", "20", "0", "0", "0"),
                List.of("Corporate", "3", "0", "3", "0", "0", "0"),
                List.of("Total", "26", "0", "23", "3", "0", "0")),
                section("By 14 January 2022, the position from the original backlog"));
    }

    @Test
    void theOriginalBacklogOn2MarchCellByCell() {
        assertEquals(List.of(HEADER,
                List.of("Adults", "0", "0", "0", "0", "0", "0"),
                List.of("Children's", "10", "0", "0", "10", "0", "0"),
                List.of("Corporate", "0", "0", "0", "0", "0", "0"),
                List.of("Total", "10", "0", "0", "10", "0", "0")),
                section("By 2 March 2022, the position from the original backlog"));
    }

    @Test
    void contactsByTypeCellByCell() {
        assertEquals(List.of(HEADER,
                List.of("Statutory Adults", "85", "0", "1", "25", "50", "9"),
                List.of("Statutory Children Stage 1", "79", "0", "2", "39", "26", "12"),
                List.of("Corporate Stage 1", "99", "0", "1", "29", "46", "23"),
                List.of("Service requests / not a council complaint", "116", "0", "0", "0", "0", "116"),
                List.of("Total", "379", "0", "4", "93", "122", "160")),
                section("Contacts received 30 November 2021 to 28 February 2022, by type"));
    }

    @Test
    void thirtyPointSixPercentWereNotComplaints() {
        List<List<String>> share = section("Contacts that were not complaints");
        int contacts = share.get(0).indexOf("contacts");
        int non = share.get(0).indexOf("non_complaints");
        int percent = share.get(0).indexOf("share_percent");
        assertEquals("379", share.get(1).get(contacts));
        assertEquals("116", share.get(1).get(non));
        assertEquals("30.6", share.get(1).get(percent));
    }

    @Test
    void everyOtherReportIsThereToo() {
        assertEquals(List.of("At the beginning of December, as reported on 1 December 2021",
                "At the beginning of December, as known after the data cleansing",
                "By 14 January 2022, the position from the original backlog",
                "By 2 March 2022, the position from the original backlog",
                "Contacts received 30 November 2021 to 28 February 2022, by type",
                "Contacts that were not complaints", "The original backlog, burning down",
                "Open cases per officer on 28 February 2022",
                "Timescales for contacts received 30 November 2021 to 28 February 2022", "Statutory annual figures"),
                new ArrayList<>(sections.keySet()));
    }

    @Test
    void textPrintsBothDecemberTablesOneAfterTheOther() {
        Cli.Result run = Cli.run("briefing", "--store", "memory");
        assertEquals(0, run.exitCode(), run.err());
        int reported = run.out().indexOf("At the beginning of December, as reported on 1 December 2021\n"
                + "Service     Total  Unallocated / not started  Open with complaints team\n"
                + "Adults         89                         42                         47\n");
        int knownNow = run.out().indexOf("At the beginning of December, as known after the data cleansing\n");
        assertTrue(reported >= 0 && knownNow > reported, run.out());
        assertFalse(run.out().contains("| Statutory Adults |"), "text, not Markdown");
    }

    @Test
    void markdownRendersEveryTableAsAPipeTable() {
        Cli.Result run = Cli.run("briefing", "--store", "memory", "--format", "md");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("**At the beginning of December, as reported on 1 December 2021**\n"), run.out());
        assertTrue(run.out().contains("| Statutory Adults | 85 | 0 | 1 | 25 | 50 | 9 |"), run.out());
    }

    @Test
    void aSecondRunOnTheSameStoreFindsTheDataSetAndDoesNotBuildItTwice() {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        Cli.Result first = Cli.run(store, "briefing", "--format", "csv");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("Loading the briefing note's data set"), first.err());
        int size = store.size();
        assertEquals(282 + 379 + BriefingNoteDataSet.CONTACTS_IN_MARCH, size);

        Cli.Result second = Cli.run(store, "briefing", "--format", "csv");
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.err().contains("already in the store"), second.err());
        assertFalse(second.err().contains("Loading"), second.err());
        assertEquals(size, store.size(), "nothing added");
        assertEquals(first.out(), second.out(), "the same reports");
    }

    @Test
    void htmlIsOneSelfContainedFileWhoseTablesAndChartsLoadInABrowser(@TempDir Path dir) throws IOException {
        Cli.Result run = Cli.run("briefing", "--store", "memory", "--format", "html", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path file = dir.resolve("briefing.html");
        assertTrue(run.out().contains(file.toAbsolutePath().toString()), run.out());
        String html = Files.readString(file);
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("src=\"http"),
                "nothing outside the file");

        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setDownloadImages(true);
            HtmlPage page = browser.getPage(file.toUri().toURL());

            List<HtmlTable> tables = page.getByXPath("//table");
            assertEquals(10, tables.size(), "one table per report");
            HtmlTable december = table(page, "december-as-reported");
            assertEquals(List.of("Service", "Total", "Unallocated / not started", "Open with complaints team"),
                    texts(december.getRow(0)).subList(0, 4));
            assertEquals(List.of("Total", "282", "114", "168"),
                    texts(december.getRow(december.getRowCount() - 1)).subList(0, 4));
            HtmlTable byType = table(page, "by-type");
            assertEquals(List.of("Total", "379", "0", "4", "93", "122", "160"),
                    texts(byType.getRow(byType.getRowCount() - 1)));

            // charts are inline SVG with a text alternative, the same as every report's HTML paper
            List<DomElement> charts = new ArrayList<>();
            page.getElementsByTagName("svg").forEach(charts::add);
            assertTrue(charts.size() >= 3, "burn-down, by type, timescales and the tables' charts: " + charts.size());
            for (DomElement chart : charts) {
                assertEquals("img", chart.getAttribute("role"));
                assertFalse(chart.getAttribute("aria-label").isBlank(), "every chart says what it shows");
            }
            assertTrue(html.contains("@page") && html.contains("@media print"), "print styles for A4");
        }
    }

    private static HtmlTable table(HtmlPage page, String section) {
        DomElement element = page.getElementById(section);
        assertTrue(element != null, "no section " + section);
        return (HtmlTable) element.getElementsByTagName("table").get(0);
    }

    private static List<String> texts(HtmlTableRow row) {
        List<String> cells = new ArrayList<>();
        row.getCells().forEach(c -> cells.add(c.asNormalizedText()));
        return cells;
    }

    private static List<List<String>> section(String title) {
        assertTrue(sections.containsKey(title), () -> "no section '" + title + "' in " + sections.keySet());
        return sections.get(title);
    }
}
