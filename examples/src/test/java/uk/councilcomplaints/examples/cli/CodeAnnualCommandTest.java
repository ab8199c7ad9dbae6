package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.examples.briefing.BriefingNoteDataSet;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/**
 * {@code report code-annual} and {@code report tenant-satisfaction} over the briefing note's data set: every format,
 * the self-assessment with its figures filled in and its mistakes, {@code --list-figures}, and the homes.
 */
class CodeAnnualCommandTest {

    private static final String[] ANNUAL = {"report", "code-annual", "--year-ending", "2022-03-31"};
    private static final String[] TSM = {"report", "tenant-satisfaction", "--year-ending", "2022-03-31"};
    private static final Path SAMPLE = Path.of("").toAbsolutePath().getParent()
            .resolve("docs/self-assessment-sample.csv");
    /** The report's ten sections, then the learning actions. */
    private static final List<String> SECTIONS = List.of("Complaints received", "Outcomes of the responses sent",
            "Timeliness against each procedure's timescales", "Escalation", "Complaints refused, by exclusion",
            "Themes of the complaints received", "Remedies offered in responses",
            "Learning and service improvement actions agreed", "The Ombudsman's involvement",
            "Findings of non-compliance: timescales missed, by cause");

    private static InMemoryComplaintStore store;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        store = new InMemoryComplaintStore();
        BriefingNoteDataSet.loadInto(store);
    }

    private static String[] args(String[] command, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(command));
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    private static Cli.Result ok(String[] command, String... more) {
        Cli.Result run = Cli.run(store, args(command, more));
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private static Cli.Result failing(String[] command, String... more) {
        Cli.Result run = Cli.run(store, args(command, more));
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        return run;
    }

    @Test
    void textHasEverySectionTitledThenTheLearningActions() {
        List<String> lines = ReportCommandTest.lines(ok(ANNUAL).out());
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i == 0 || lines.get(i - 1).isEmpty()) {
                titles.add(lines.get(i));
            }
        }
        List<String> expected = new ArrayList<>(SECTIONS);
        expected.add("Learning actions agreed in 2021-22, where each stood at 2022-03-31");
        assertEquals(expected, titles);
        assertTrue(lines.get(1).matches("Figure +2021-22 +2020-21"), lines.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.matches("Housing Stage 1 complaints +4 +0")), "housing");
        assertTrue(lines.stream().anyMatch(l -> l.matches("Legal proceedings started +66\\.7% \\(2 of 3\\) +n/a")));
        assertTrue(lines.stream().anyMatch(l -> l.matches("Payments the Ombudsman recommended +£250\\.00 +£0\\.00")));
        assertTrue(lines.stream().anyMatch(l -> l.matches("Highways +Pothole reports .* +2022-03-15 +Overdue +.*")),
                "the learning actions' table");
    }

    @Test
    void csvAndMarkdownHaveABlockPerSection() {
        String csv = ok(ANNUAL, "--format", "csv").out();
        String[] blocks = csv.split("\r\n\r\n");
        assertEquals(SECTIONS.size() + 1, blocks.length);
        assertTrue(blocks[0].startsWith("figure,this_year,previous_year\r\ncontacts,668,0\r\n"), blocks[0]);
        assertTrue(csv.contains("\r\nombudsman.payments,£250.00,£0.00\r\n"), csv);
        assertTrue(blocks[blocks.length - 1].startsWith("service,action,owner,due,done,progress,complaint\r\n"),
                blocks[blocks.length - 1]);

        String md = ok(ANNUAL, "--format", "md").out();
        for (String title : SECTIONS) {
            assertTrue(md.contains("**" + Document.markdownEscape(title) + "**\n\n| Figure | 2021-22 | 2020-21 |"),
                    title);
        }
        assertTrue(md.contains("| Communication | 30 | 0 |"), md);
    }

    @Test
    void htmlIsACommitteePaperWithChartsAndTheSelfAssessment() throws IOException {
        Path file = dir.resolve("annual.html");
        Cli.Result run = ok(ANNUAL, "--self-assessment", SAMPLE.toString(), "--format", "html", "--output",
                file.toString(), "--council-name", "Northshire County Council");
        assertEquals("Wrote " + file.toAbsolutePath(), run.out().strip());
        String html = Files.readString(file);
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("href="), "self-contained");
        assertTrue(html.contains("@page { size: A4;"), "print styles");
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            HtmlPage page = browser.getPage(file.toUri().toURL());
            assertEquals("Northshire County Council: Annual complaints performance and service improvement report, "
                    + "year ending 31 March 2022", page.getTitleText());
            assertTrue(page.asNormalizedText().contains("Figures as at the end of 31 March 2022."));
            List<HtmlTable> tables = page.getByXPath("//table");
            assertEquals(SECTIONS.size() + 2, tables.size(), "the sections, the learning actions, the self-assessment");
            for (int i = 0; i < SECTIONS.size(); i++) {
                assertEquals(SECTIONS.get(i), tables.get(i).getCaptionText());
                assertEquals("n", tables.get(i).getRow(1).getCell(1).getAttribute("class"), "numbers on the right");
            }
            HtmlTable received = tables.get(0);
            assertEquals("Contacts received", received.getCellAt(1, 0).asNormalizedText());
            assertEquals("668", received.getCellAt(1, 1).asNormalizedText());
            HtmlTable assessment = tables.get(tables.size() - 1);
            assertEquals("Self-assessment against the Complaint Handling Code", assessment.getCaptionText());
            assertEquals(List.of("Section", "Requirement", "Complies", "Evidence", "Commentary"),
                    assessment.getRow(0).getCells().stream().map(c -> c.asNormalizedText()).toList());
            assertEquals(13, assessment.getRowCount(), "the sample's twelve rows");
            String evidence = assessment.asNormalizedText();
            assertTrue(evidence.contains("Legal proceedings: 66.7% (2 of 3); already decided: 33.3% (1 of 3)"),
                    evidence);
            assertTrue(evidence.contains("3 actions agreed; 1 done on time; 1 overdue"), evidence);
            assertFalse(evidence.contains("{"), "every placeholder filled");

            List<DomElement> charts = new ArrayList<>();
            page.getElementsByTagName("svg").forEach(charts::add);
            assertEquals(2, charts.size());
            assertEquals("Complaints received by procedure and stage, 2021-22 and 2020-21",
                    charts.get(0).getAttribute("aria-label"));
            assertTrue(charts.get(0).getTextContent().contains("2021-22: 174 (Adults), 195 (Children's S1)"),
                    charts.get(0).getTextContent());
            assertEquals("Themes of the complaints received, 2021-22 and 2020-21", charts.get(1).getAttribute(
                    "aria-label"));
        }
    }

    @Test
    void xlsxHasASheetPerSectionWithCountsAsNumbers() throws IOException {
        Path file = dir.resolve("annual.xlsx");
        ok(ANNUAL, "--self-assessment", SAMPLE.toString(), "--format", "xlsx", "--output", file.toString());
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            assertEquals(SECTIONS.size() + 2, workbook.getNumberOfSheets());
            assertEquals("1-complaints-received", workbook.getSheetName(0));
            assertEquals("self-assessment", workbook.getSheetName(workbook.getNumberOfSheets() - 1));
            Sheet volumes = workbook.getSheetAt(0);
            assertEquals("Figure", volumes.getRow(0).getCell(0).getStringCellValue());
            Row contacts = volumes.getRow(1);
            assertEquals("Contacts received", contacts.getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, contacts.getCell(1).getCellType(), "a count is a number");
            assertEquals(668, (long) contacts.getCell(1).getNumericCellValue());
            assertEquals(0, (long) contacts.getCell(2).getNumericCellValue());
            Sheet refused = workbook.getSheetAt(4);
            assertEquals("Legal proceedings started", refused.getRow(2).getCell(0).getStringCellValue());
            assertEquals("66.7% (2 of 3)", refused.getRow(2).getCell(1).getStringCellValue(), "a share stays text");
            Sheet actions = workbook.getSheetAt(SECTIONS.size());
            assertEquals(4, actions.getLastRowNum() + 1, "a heading and three actions");
        }
    }

    @Test
    void listFiguresGivesEveryKeyWithItsLabelAndValue() {
        List<String> lines = ReportCommandTest.lines(ok(ANNUAL, "--list-figures").out());
        assertTrue(lines.get(0).startsWith("Figures of the annual report, year ending 2022-03-31"), lines.get(0));
        assertTrue(lines.get(1).matches("Key +Figure +2021-22"), lines.get(1));
        assertTrue(lines.get(2).matches("contacts +Contacts received +668"), lines.get(2));
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "timeliness\\.corporate\\.stage1\\.responded_on_time +Corporate Stage 1: responded to on time +"
                        + "\\d+\\.\\d% \\(\\d+ of \\d+\\)")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.matches("ombudsman\\.compliance\\.late +.* +100\\.0% \\(1 of 1\\)")));
        List<String> csv = ReportCommandTest.lines(ok(ANNUAL, "--list-figures", "--format", "csv").out());
        assertEquals("key,label,this_year", csv.get(0));
        assertTrue(csv.size() > 100, "every figure: " + csv.size());
    }

    @Test
    void aMistakeInTheSelfAssessmentIsOneLineNamingFileAndLineAndNothingIsWritten() throws IOException {
        Path out = dir.resolve("annual.html");
        Path unknown = dir.resolve("unknown.csv");
        Files.writeString(unknown, "section,requirement,complies,evidence,commentary\n"
                + "5 Stage 1,Respond in time,yes,{timeliness.corporate.stage1.responded_on_time},\n"
                + "5 Stage 1,Acknowledge in time,yes,{timeliness.corporate.stage1.acknowledged_in_time},\n");
        Cli.Result run = failing(ANNUAL, "--self-assessment", unknown.toString(), "--format", "html", "--output",
                out.toString());
        assertEquals("complaints report code-annual: " + unknown + ": self-assessment line 3: the report has no "
                + "figure {timeliness.corporate.stage1.acknowledged_in_time}; figures are listed by `complaints report "
                + "code-annual --list-figures`", run.err().strip());
        assertEquals("", run.out());
        assertFalse(Files.exists(out), "nothing written");

        Path complies = dir.resolve("complies.csv");
        Files.writeString(complies, "section,requirement,complies,evidence,commentary\n1,Defined,maybe,,\n");
        assertEquals("complaints report code-annual: " + complies + ": self-assessment line 2: complies is 'maybe', "
                + "not yes, no or partly", failing(ANNUAL, "--self-assessment", complies.toString()).err().strip());

        Path columns = dir.resolve("columns.csv");
        Files.writeString(columns, "section,requirement,evidence\n");
        assertTrue(failing(ANNUAL, "--self-assessment", columns.toString()).err().strip().startsWith(
                "complaints report code-annual: " + columns + ": self-assessment line 1: no column complies, "
                        + "commentary"));

        Path missing = dir.resolve("missing.csv");
        assertTrue(failing(ANNUAL, "--self-assessment", missing.toString(), "--output", out.toString()).err()
                .startsWith("complaints report code-annual: " + missing + ": cannot read it"));
        assertFalse(Files.exists(out), "nothing written");

        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "section,requirement,complies,evidence,commentary\n1,Caf\u00e9,yes,,\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("complaints report code-annual: " + latin1 + ": not UTF-8 text; save the self-assessment as "
                + "CSV UTF-8", failing(ANNUAL, "--self-assessment", latin1.toString()).err().strip());
    }

    @Test
    void aYearEndingOtherThan31MarchIsRefused() {
        Path out = dir.resolve("annual.txt");
        Cli.Result run = failing(new String[] {"report", "code-annual", "--year-ending", "2022-03-30", "--output",
            out.toString()});
        assertEquals("complaints report code-annual: --year-ending: the complaints year ends on 31 March, not "
                + "2022-03-30", run.err().strip());
        assertFalse(Files.exists(out));
        assertEquals("complaints report tenant-satisfaction: --year-ending: the complaints year ends on 31 March, "
                + "not 2022-04-01", failing(new String[] {"report", "tenant-satisfaction", "--year-ending",
                    "2022-04-01", "--homes", "10"}).err().strip());
    }

    @Test
    void theYearEndingDefaultsToTheLatest31March() {
        assertEquals(ok(ANNUAL).out(), ok(new String[] {"report", "code-annual"}).out(), "on 1 April 2022");
    }

    @Test
    void tenantSatisfactionInEveryFormat() throws IOException {
        List<String> text = ReportCommandTest.lines(ok(TSM, "--homes", "5200").out());
        assertEquals("Tenant satisfaction measures: complaints (CH01, CH02), year ending 31 March 2022", text.get(0));
        assertTrue(text.get(1).matches("Measure +Numerator +Denominator +Value"), text.get(1));
        assertTrue(text.get(2).matches("CH01 stage 1: Stage 1 complaints received per 1,000 homes +4 +5200 +0\\.8"),
                text.get(2));
        assertTrue(text.get(5).matches("CH02 stage 2: .* +0 +0 +n/a"), text.get(5));
        assertEquals(List.of("measure,numerator,denominator,value",
                "CH01 stage 1,4,5200,0.8", "CH01 stage 2,1,5200,0.2", "CH02 stage 1,2,3,66.7%", "CH02 stage 2,0,0,n/a"),
                ReportCommandTest.lines(ok(TSM, "--homes", "5200", "--format", "csv").out()));
        assertTrue(ok(TSM, "--homes", "5200", "--format", "md").out().contains(
                "| CH02 stage 1: Stage 1 complaints responded to within the Code's timescale | 2 | 3 | 66.7% |"));
        Path html = dir.resolve("tsm.html");
        ok(TSM, "--homes", "5200", "--format", "html", "--output", html.toString());
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            HtmlPage page = browser.getPage(html.toUri().toURL());
            HtmlTable table = page.getFirstByXPath("//table");
            assertEquals(5, table.getRowCount());
            assertEquals("0.8", table.getCellAt(1, 3).asNormalizedText());
        }
        Path xlsx = dir.resolve("tsm.xlsx");
        ok(TSM, "--homes", "5200", "--format", "xlsx", "--output", xlsx.toString());
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Row ch01 = workbook.getSheetAt(0).getRow(1);
            assertEquals(4, (long) ch01.getCell(1).getNumericCellValue());
            assertEquals(5200, (long) ch01.getCell(2).getNumericCellValue());
            assertEquals(0.8, ch01.getCell(3).getNumericCellValue(), 1e-9);
        }
    }

    @Test
    void theHomesComeFromTheOptionElseComplaintsPropertiesElseOneLineSaysHow() throws IOException {
        Cli.Result none = failing(TSM);
        assertEquals("complaints report tenant-satisfaction: how many homes did the council own in the year ending "
                + "2022-03-31? Give --homes N, or put homes.2022 = N in complaints.properties", none.err().strip());

        Files.writeString(dir.resolve("complaints.properties"), "homes.2021 = 5100\nhomes.2022 = 5200\n");
        Cli.Result configured = Cli.run(Cli.environment(dir), new SettableClock(Cli.APRIL_2022),
                options -> OpenStore.of(store), TSM);
        assertEquals(0, configured.exitCode(), configured.err());
        assertEquals(ok(TSM, "--homes", "5200").out(), configured.out());
        Cli.Result overridden = Cli.run(Cli.environment(dir), new SettableClock(Cli.APRIL_2022),
                options -> OpenStore.of(store), args(TSM, "--homes", "1000", "--format", "csv"));
        assertTrue(overridden.out().contains("CH01 stage 1,4,1000,4.0"), overridden.out());

        Files.writeString(dir.resolve("complaints.properties"), "homes.2022 = lots\n");
        Cli.Result bad = Cli.run(Cli.environment(dir), new SettableClock(Cli.APRIL_2022),
                options -> OpenStore.of(store), TSM);
        assertEquals(1, bad.exitCode());
        assertEquals("complaints report tenant-satisfaction: " + dir.resolve("complaints.properties")
                + ": homes.2022 is 'lots', not a number of homes (1 or more)", bad.err().strip());

        assertEquals("complaints report tenant-satisfaction: --homes: 0 is not a number of homes (1 or more)",
                failing(TSM, "--homes", "0").err().strip());
    }
}
