package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.htmlunit.html.HtmlTableCell;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.councilcomplaints.examples.briefing.BriefingNoteDataSet;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/** {@code --format html} and {@code --format xlsx} of every report, over the briefing note's data set. */
class ReportFormatsTest {

    private static final String[] BY_TYPE = {"report", "by-type", "--from", "2021-11-30", "--to", "2022-02-28",
        "--as-of", "2022-02-28"};
    private static InMemoryComplaintStore store;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        store = new InMemoryComplaintStore();
        BriefingNoteDataSet.loadInto(store);
    }

    private static Cli.Result ok(String[] args, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(Arrays.asList(more));
        Cli.Result run = Cli.run(store, all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    @Test
    void htmlIsACommitteePaperWhoseTableHasTheTextFormatsCells() throws IOException {
        Path file = dir.resolve("by-type.html");
        Cli.Result run = ok(BY_TYPE, "--format", "html", "--output", file.toString(), "--council-name",
                "Northshire County Council");
        assertEquals("Wrote " + file.toAbsolutePath(), run.out().strip());
        List<String> csv = ReportCommandTest.lines(ok(BY_TYPE, "--format", "csv").out());
        List<String> text = ReportCommandTest.lines(ok(BY_TYPE).out());
        String html = Files.readString(file);
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("src=")
                || html.contains("href="), "nothing outside the file");

        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            HtmlPage page = browser.getPage(file.toUri().toURL());
            assertEquals("Northshire County Council: Received 30 November 2021 to 28 February 2022, "
                    + "by type, as of 28 February 2022", page.getTitleText());
            assertTrue(page.asNormalizedText().contains("Figures as at the end of 28 February 2022."),
                    page.asNormalizedText());

            HtmlTable table = page.getFirstByXPath("//table");
            assertEquals(csv.size(), table.getRowCount(), "a heading row and the CSV's lines");
            for (HtmlTableCell heading : table.getRow(0).getCells()) {
                assertEquals("col", heading.getAttribute("scope"));
            }
            for (int r = 1; r < table.getRowCount(); r++) {
                HtmlTableRow row = table.getRow(r);
                List<String> cells = new ArrayList<>();
                row.getCells().forEach(c -> cells.add(c.asNormalizedText()));
                assertEquals(csv.get(r), String.join(",", cells), "the CSV's line");
                assertTrue(text.contains(text(cells, text.get(r + 1))), "the text format's line " + text.get(r + 1));
                assertEquals("th", row.getCell(0).getTagName());
                assertEquals("row", row.getCell(0).getAttribute("scope"));
                assertEquals("n", row.getCell(1).getAttribute("class"), "numbers aligned right");
            }
            assertEquals("total", table.getRow(table.getRowCount() - 1).getAttribute("class"));
            assertTrue(table.asNormalizedText().startsWith("Received 30 November 2021"), "a caption");

            List<DomElement> charts = new ArrayList<>();
            page.getElementsByTagName("svg").forEach(charts::add);
            assertEquals(1, charts.size());
            DomElement chart = charts.get(0);
            assertEquals("img", chart.getAttribute("role"));
            assertEquals("Contacts by type and where they stand", chart.getAttribute("aria-label"));
            assertEquals("Contacts by type and where they stand",
                    child(chart, "title").getTextContent());
            String description = child(chart, "desc").getTextContent();
            assertTrue(description.contains("Complete (response sent): 50 (Statutory Adults), 26 (Statutory "
                    + "Children Stage 1)"), description);

            String style = page.getElementsByTagName("style").get(0).getTextContent();
            assertTrue(style.contains("@page { size: A4;"), style);
            assertTrue(style.contains("section.report + section.report { break-before: page;"), style);
            assertTrue(style.contains("thead { display: table-header-group; }"), style);
            assertTrue(style.contains("tr, figure, svg { break-inside: avoid;"), style);
        }
    }

    private static DomElement child(DomElement parent, String name) {
        for (DomElement child : parent.getChildElements()) {
            if (child.getLocalName().equalsIgnoreCase(name)) {
                return child;
            }
        }
        throw new AssertionError("no <" + name + "> in " + parent.asXml());
    }

    /** The text format's line holding {@code cells}, aligned as text aligns them, if {@code line} is it. */
    private static String text(List<String> cells, String line) {
        String pattern = String.join(" +", cells.stream().map(java.util.regex.Pattern::quote).toList());
        return line.matches(pattern) ? line : "(no line for " + cells + ")";
    }

    @Test
    void htmlSaysAsKnownAtInWords() {
        Cli.Result run = ok(new String[] {"report", "by-service", "--cohort-open-on", "2021-12-01", "--as-of",
            "2021-11-30", "--known-at", "2021-12-01T12:00"}, "--format", "html");
        assertTrue(run.out().contains("As the records stood at 1 December 2021 at 12:00 (London time)"), run.out());
        assertTrue(run.out().contains("<title>Council: "), "the default council name");
    }

    @Test
    void xlsxHasTypedCellsEqualToTheCsv() throws IOException {
        String[] burnDown = {"report", "burn-down", "--cohort-open-on", "2021-12-01", "--days",
            "2021-11-30,2022-01-14,2022-03-02"};
        Path file = dir.resolve("burn-down.xlsx");
        ok(burnDown, "--format", "xlsx", "--output", file.toString());
        List<String> csv = ReportCommandTest.lines(ok(burnDown, "--format", "csv").out());
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            assertEquals(1, workbook.getNumberOfSheets());
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("burn-down", sheet.getSheetName());
            PaneInformation pane = sheet.getPaneInformation();
            assertTrue(pane != null && pane.isFreezePane() && pane.getHorizontalSplitTopRow() == 1, "heading frozen");
            Row heading = sheet.getRow(0);
            assertTrue(workbook.getFontAt(heading.getCell(0).getCellStyle().getFontIndex()).getBold(), "bold");
            assertEquals("As of", heading.getCell(0).getStringCellValue());
            assertEquals(csv.size() - 1, sheet.getLastRowNum());
            for (int r = 1; r < csv.size(); r++) {
                List<String> expected = Cli.cells(csv.get(r));
                Row row = sheet.getRow(r);
                Cell day = row.getCell(0);
                assertEquals(CellType.NUMERIC, day.getCellType());
                assertTrue(DateUtil.isCellDateFormatted(day), "a date cell");
                assertEquals(expected.get(0), day.getLocalDateTimeCellValue().toLocalDate().toString());
                for (int c = 1; c < expected.size(); c++) {
                    assertEquals(CellType.NUMERIC, row.getCell(c).getCellType(), "a number: " + expected.get(c));
                    assertEquals(Long.parseLong(expected.get(c)), (long) row.getCell(c).getNumericCellValue());
                }
            }
        }
    }

    @Test
    void xlsxPercentagesAreFractionsShownAsPercent() throws IOException {
        String[] share = {"report", "non-complaints", "--from", "2021-11-30", "--to", "2022-02-28", "--as-of",
            "2022-02-28"};
        Path file = dir.resolve("share.xlsx");
        ok(share, "--format", "xlsx", "--output", file.toString());
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertEquals(List.of("From", "To", "As of", "Contacts", "Service requests", "Not a council complaint",
                    "Not complaints", "Share (%)"), texts(workbook.getSheetAt(0).getRow(0)));
            XSSFCell percent = (XSSFCell) row.getCell(7);
            assertEquals(CellType.NUMERIC, percent.getCellType());
            assertEquals(0.306, percent.getNumericCellValue(), 1e-9);
            assertEquals("0.0%", percent.getCellStyle().getDataFormatString());
            assertEquals(379, (long) row.getCell(3).getNumericCellValue());
            assertTrue(DateUtil.isCellDateFormatted(row.getCell(2)), "as of: a date");
        }
    }

    @Test
    void slaInXlsxHasNumbersForTheWorkingDays() throws IOException {
        Path file = dir.resolve("sla.xlsx");
        ok(new String[] {"sla", "--as-of", "2022-02-28"}, "--format", "xlsx", "--output", file.toString());
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("Working days over", sheet.getRow(0).getCell(6).getStringCellValue());
            Row first = sheet.getRow(1);
            assertEquals(CellType.NUMERIC, first.getCell(6).getCellType());
            assertTrue(first.getCell(6).getNumericCellValue() > 0, "breached first, most overdue first");
            assertTrue(DateUtil.isCellDateFormatted(first.getCell(5)), "due: a date");
        }
    }

    @Test
    void xlsxGoesToTheOutputOnlyWhenItIsNotATerminal() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            FormatOptions.stdoutIsTerminal = () -> true;
            Cli.Result refused = Cli.run(store, "report", "workload", "--as-of", "2022-02-28", "--format", "xlsx");
            assertEquals(1, refused.exitCode());
            assertTrue(refused.err().contains("give --output FILE, or redirect the output"), refused.err());

            FormatOptions.stdoutIsTerminal = () -> false;
            FormatOptions.binaryStdout = () -> bytes;
            ok(new String[] {"report", "workload", "--as-of", "2022-02-28"}, "--format", "xlsx");
        } finally {
            FormatOptions.stdoutIsTerminal = new FormatOptions().terminalCheck();
            FormatOptions.binaryStdout = () -> System.out;
        }
        try (InputStream in = new ByteArrayInputStream(bytes.toByteArray());
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("Total", sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "report by-service --cohort-open-on 2021-12-01 --as-of 2022-01-14 --open-only",
        "report by-type --as-of 2022-02-28",
        "report burn-down --cohort-open-on 2021-12-01 --days 2021-11-30,2022-01-14,2022-03-02",
        "report workload --as-of 2022-02-28",
        "report sla-performance --from 2021-11-30 --to 2022-02-28 --as-of 2022-02-28",
        "report statutory-annual --year-ending 2022-03-31",
        "report non-complaints --from 2021-11-30 --to 2022-02-28 --as-of 2022-02-28",
        "report monthly-trend --from 2021-12-01 --to 2022-02-28",
        "report sla-by-officer --from 2021-11-30 --to 2022-02-28 --as-of 2022-02-28",
        "report sla-by-service --from 2021-11-30 --to 2022-02-28 --as-of 2022-02-28",
        "report ageing --as-of 2022-02-28",
        "report code-annual --year-ending 2022-03-31",
        "report tenant-satisfaction --year-ending 2022-03-31 --homes 5200",
        "ageing --as-of 2022-02-28",
        "sla --as-of 2022-02-28",
        "show LEGACY-0109",
        "find --status with_service"})
    void everyCommandInHtmlAndXlsx(String command) throws IOException {
        String[] args = command.split(" ");
        Cli.Result html = ok(args, "--format", "html");
        assertTrue(html.out().startsWith("<!DOCTYPE html>"), html.out());
        assertTrue(html.out().contains("<table"), html.out());
        assertTrue(html.out().contains("@page { size: A4;"), html.out());
        Path file = dir.resolve("out.xlsx");
        ok(args, "--format", "xlsx", "--output", file.toString());
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            assertTrue(workbook.getNumberOfSheets() >= 1);
            assertTrue(workbook.getSheetAt(0).getLastRowNum() >= 1, "a heading and a line at least");
        }
        boolean charted = !command.startsWith("report statutory") && !command.startsWith("report non-complaints")
                && !command.startsWith("report tenant-satisfaction")
                && !command.startsWith("sla ") && !command.startsWith("show") && !command.startsWith("find");
        assertEquals(charted, html.out().contains("<svg"), "a chart where a picture helps");
    }

    @Test
    void theTimescalesChartShowsTheStagesAndLeavesTriageToTheTable() {
        String html = ok("report sla-performance --from 2021-11-30 --to 2022-02-28 --as-of 2022-02-28".split(" "),
                "--format", "html").out();
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        String table = html.substring(html.indexOf("<table"), html.indexOf("</table>"));
        assertTrue(table.contains("Triage (every contact)"), "triage stays in the table");
        assertFalse(svg.contains("Triage"), "no triage bar to dwarf the stages: " + svg);
        assertTrue(svg.contains("Corporate Stage 1"), svg);
        assertTrue(table.contains("<tr class=\"total\"><th scope=\"row\">Total</th>"),
                "the stages' total line in the table, in bold: " + table);
        assertFalse(svg.contains(">Total<") || svg.contains("(Total)"), "and not a bar: " + svg);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }
}
