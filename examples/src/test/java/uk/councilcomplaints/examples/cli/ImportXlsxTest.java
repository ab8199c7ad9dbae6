package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Complaints;

/**
 * {@code complaints import FILE.xlsx}: a workbook read directly, under the same row rules as CSV. Date cells are
 * days (a date-time's day), whole numbers their integer, formulas their cached value, blank rows skipped, and
 * every row number the sheet's.
 */
class ImportXlsxTest {

    @TempDir
    Path dir;

    /** How the command line starts an error. */
    private static final String E = "complaints import: ";

    private static final List<String> HEADER = List.of("Reference", "Received_On", "Service_Area", "Type", "Stage",
            "Complainant_Name", "Summary", "Triaged_On", "Allocated_On", "Officer");

    /** Writes a workbook: a sheet "Notes" first if {@code notesFirst}, then "Cases" built by {@code rows}. */
    private Path workbook(String name, boolean notesFirst, SheetWriter rows) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            if (notesFirst) {
                wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("nothing to import here");
            }
            Sheet sheet = wb.createSheet("Cases");
            rows.write(wb, sheet);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll(); // caches the formulas' values, as Excel does
            wb.write(out);
        }
        return file;
    }

    interface SheetWriter {
        void write(XSSFWorkbook wb, Sheet sheet);
    }

    private static Row row(Sheet sheet, int number, Object... cells) {
        Row row = sheet.createRow(number - 1);
        for (int i = 0; i < cells.length; i++) {
            Object v = cells[i];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof String s && s.startsWith("=")) {
                cell.setCellFormula(s.substring(1));
            } else if (v instanceof String s) {
                cell.setCellValue(s);
            } else if (v instanceof Double d) {
                cell.setCellValue(d);
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
            } else if (v instanceof LocalDateTime d) {
                cell.setCellValue(d);
            }
        }
        return row;
    }

    private static void dated(XSSFWorkbook wb, Row row, String format, int... columns) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(format));
        for (int c : columns) {
            row.getCell(c).setCellStyle(style);
        }
    }

    /** The tracker: header on row 1, good rows 2, 3 and 6 (4, 5 and 8 blank), a bad stage on 7, a bad date on 9. */
    private Path tracker(boolean notesFirst) throws IOException {
        return workbook("tracker.xlsx", notesFirst, (wb, sheet) -> {
            row(sheet, 1, HEADER.toArray());
            Row r2 = row(sheet, 2, "X-1", LocalDate.of(2022, 1, 10), "Adults", "Statutory Adults", 1.0, "Ann",
                    "Care", LocalDateTime.of(2022, 1, 11, 9, 30), LocalDate.of(2022, 1, 12), "a.officer");
            dated(wb, r2, "dd/mm/yyyy", 1, 8);
            dated(wb, r2, "dd/mm/yyyy hh:mm", 7);
            // a formula's cached value: the reference built from the row number, received the day after X-1
            Row r3 = row(sheet, 3, "=\"X-\"&ROW()", "=B2+1", "Corporate", "Corporate", null, "Bob", "Bins");
            dated(wb, r3, "d-mmm-yyyy", 1);
            row(sheet, 4); // an empty row
            row(sheet, 5, "", "", "", "", null, "  "); // blank cells
            row(sheet, 6, "X-6", "14/01/2022", "Corporate", "Corporate", 1.0, 12345.0, "Parking");
            row(sheet, 7, "X-7", "14/01/2022", "Corporate", "Corporate", 2.5, "Di", "x");
            // a date in a number cell without a date format: the serial number, not a date
            row(sheet, 9, "X-9", 44571.0, "Corporate", "Corporate", null, "Ed", "x");
        });
    }

    @Test
    void aWorkbookIsImportedWithTheSheetsRowNumbers() throws IOException {
        Path file = tracker(false);
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        Cli.Result run = Cli.run(store, "import", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("imported 3, already present 0, rejected 2, possible duplicates 0",
                "rejected rows and their reasons: " + dir.resolve("tracker.rejected.csv")), run.out().lines().toList());
        assertTrue(run.err().contains("skipped 3 rows with every cell blank"), run.err());

        Complaints complaints = Complaints.builder(store).build();
        Complaint x1 = complaints.findByReference("X-1").orElseThrow();
        assertEquals(LocalDate.of(2022, 1, 10), LondonDays.dayOf(x1.receivedAt()), "a date cell is its day");
        assertEquals(Status.ALLOCATED, x1.status());
        assertEquals(1, x1.stage().number(), "stage 1.0 is 1");
        assertEquals(LocalDate.of(2022, 1, 11), LondonDays.dayOf(complaints.history(x1.id()).get(1).occurredAt()),
                "a date-time cell is its day");
        assertEquals("imported from the legacy spreadsheet, row 2", complaints.history(x1.id()).get(0).reason()
                .orElseThrow());
        Complaint x3 = complaints.findByReference("X-3").orElseThrow(() -> new AssertionError(run.err()));
        assertEquals(LocalDate.of(2022, 1, 11), LondonDays.dayOf(x3.receivedAt()), "the formula's cached day");
        assertEquals("12345", store.personalData(complaints.findByReference("X-6").orElseThrow().id())
                .orElseThrow().complainant().name(), "a whole number is its integer");

        List<String> rejects = Files.readAllLines(dir.resolve("tracker.rejected.csv"));
        assertEquals("row,reason," + String.join(",", HEADER), rejects.get(0));
        assertEquals(3, rejects.size(), String.join("\n", rejects));
        assertTrue(rejects.get(1).startsWith("7,\"stage: '2.5' is not a stage"), rejects.get(1));
        assertTrue(rejects.get(2).startsWith("9,received_on: '44571' is not a date"), rejects.get(2));
    }

    @Test
    void theSheetIsTheFirstOrTheOneNamedOrNumbered() throws IOException {
        Path file = tracker(true);
        Cli.Result first = Cli.run("import", "--store", "memory", file.toString());
        assertEquals(1, first.exitCode(), first.out());
        assertEquals(E + file + ": the header row has no column reference, received_on, service_area, type (it needs "
                + "reference, received_on, service_area, type; see --help) (sheet 'Notes', the header row 1 was "
                + "'nothing to import here')", first.err().strip());
        for (String sheet : List.of("Cases", "cases", "2")) {
            Cli.Result run = Cli.run("import", "--store", "memory", "--sheet", sheet, file.toString());
            assertEquals(0, run.exitCode(), sheet + ": " + run.err());
            assertTrue(run.out().startsWith("imported 3, already present 0, rejected 2"), sheet + ": " + run.out());
            assertEquals("tracker.xlsx: reading sheet 'Cases', 2 of 2 sheets (--sheet NAME|NUMBER reads another)",
                    run.err().lines().findFirst().orElseThrow(), "the other sheet is not passed over silently");
        }
        Cli.Result missing = Cli.run("import", "--store", "memory", "--sheet", "Complaints", file.toString());
        assertEquals(1, missing.exitCode());
        assertEquals(E + file + " has no sheet 'Complaints' (--sheet takes a name or a number from 1; its sheets: "
                + "1 'Notes', 2 'Cases')", missing.err().strip());
        Path empty = workbook("empty-first.xlsx", false, (wb, sheet) -> row(wb.createSheet("Data"), 1, "reference"));
        Cli.Result blank = Cli.run("import", "--store", "memory", empty.toString());
        assertEquals(E + empty + ": sheet 'Cases' is empty: it needs a header row naming the columns reference, "
                + "received_on, service_area, type (see --help)", blank.err().strip());
        Cli.Result separator = Cli.run("import", "--store", "memory", "--separator", "tab", file.toString());
        assertEquals(1, separator.exitCode());
        assertEquals(E + file + " is an Excel workbook: --separator is for CSV files", separator.err().strip());
    }

    /**
     * The README's sample tracker, its cells as text in a workbook, imports exactly as the CSV does: the same
     * counts, the same rejected rows with the same reasons and row numbers, the same duplicates.
     */
    @Test
    void aWorkbookOfTheSampleImportsExactlyAsTheCsv() throws IOException {
        Path csv = Files.copy(Path.of("sample", "legacy-tracker.csv"), dir.resolve("sample.csv"));
        List<List<String>> rows;
        try (var parser = org.apache.commons.csv.CSVParser.parse(csv, java.nio.charset.StandardCharsets.UTF_8,
                org.apache.commons.csv.CSVFormat.DEFAULT)) {
            rows = parser.stream().map(r -> r.toList()).toList();
        }
        Path xlsx = workbook("sample.xlsx", false, (wb, sheet) -> {
            for (int i = 0; i < rows.size(); i++) {
                row(sheet, i + 1, rows.get(i).toArray());
            }
        });
        Cli.Result fromCsv = Cli.run("import", "--store", "memory", csv.toString());
        Cli.Result fromXlsx = Cli.run("import", "--store", "memory", xlsx.toString());
        assertEquals(0, fromXlsx.exitCode(), fromXlsx.err());
        assertEquals(fromCsv.out().replace("sample.csv", "sample.xlsx").replace(dir + "/", ""),
                fromXlsx.out().replace(dir + "/", ""));
        assertTrue(fromCsv.out().startsWith("imported 7, already present 1, rejected 4, possible duplicates 1"),
                fromCsv.out());
        assertEquals(Files.readAllLines(dir.resolve("sample.rejected.csv")).size(), 5);
        Files.move(dir.resolve("sample.rejected.csv"), dir.resolve("from-xlsx.rejected.csv"));
        Files.move(dir.resolve("sample.duplicates.csv"), dir.resolve("from-xlsx.duplicates.csv"));
        Cli.Result again = Cli.run("import", "--store", "memory", csv.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(Files.readAllLines(dir.resolve("sample.rejected.csv")),
                Files.readAllLines(dir.resolve("from-xlsx.rejected.csv")));
        assertEquals(Files.readAllLines(dir.resolve("sample.duplicates.csv")),
                Files.readAllLines(dir.resolve("from-xlsx.duplicates.csv")));
    }

    /**
     * POI logs through the Log4j API: the command line names the API's own simple provider, so that the API does
     * not print "Log4j API could not find a logging provider" at the first workbook, and lets warnings through.
     */
    @Test
    void poiLogsThroughTheLog4jApisSimpleProviderWarningsAndErrorsOnly() throws Exception {
        tracker(false); // POI has written a workbook: the Log4j API is set up
        // by reflection: the API's class files name OSGi annotations that are not on the class path (-Werror)
        Class<?> properties = Class.forName("org.apache.logging.log4j.util.PropertiesUtil");
        Object all = properties.getMethod("getProperties").invoke(null);
        String provider = (String) properties.getMethod("getStringProperty", String.class).invoke(all,
                "log4j.provider");
        assertEquals("org.apache.logging.log4j.simple.internal.SimpleProvider", provider);
        Class.forName(provider);
        Object poi = Class.forName("org.apache.logging.log4j.LogManager").getMethod("getLogger", String.class)
                .invoke(null, "org.apache.poi");
        Class<?> logger = Class.forName("org.apache.logging.log4j.Logger");
        assertTrue((Boolean) logger.getMethod("isWarnEnabled").invoke(poi), "warnings");
        assertFalse((Boolean) logger.getMethod("isInfoEnabled").invoke(poi), "nothing below them");
    }

    /** A workbook written by a program that does not compute formulas: no value to read, so no guess. */
    @Test
    void aFormulaWithoutASavedValueRejectsItsRow() throws IOException {
        Path file = dir.resolve("uncomputed.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Cases");
            row(sheet, 1, "reference", "received_on", "service_area", "type", "complainant_name", "summary", "notes");
            row(sheet, 2, "F-1", "=\"2022-01-\"&\"10\"", "Corporate", "Corporate", "Ann", "x");
            row(sheet, 3, "F-2", "2022-01-10", "Corporate", "Corporate", "Bob", "x", "=1+1");
            wb.write(out); // no evaluateAll: the formulas have no cached value
        }
        Cli.Result run = Cli.run("import", "--store", "memory", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("imported 1, already present 0, rejected 1"), run.out());
        assertEquals("2,\"received_on: the formula =\"\"2022-01-\"\"&\"\"10\"\" has no saved value (open the "
                + "workbook in Excel and save it, so that Excel computes it)\",F-1,,Corporate,Corporate,Ann,x,",
                Files.readAllLines(dir.resolve("uncomputed.rejected.csv")).get(1));
    }

    @Test
    void aWorkbookWithItsHeaderBelowBlankRowsAndAWideRow() throws IOException {
        Path file = workbook("low.xlsx", false, (wb, sheet) -> {
            row(sheet, 3, "reference", "received_on", "service_area", "type", "complainant_name", "summary");
            row(sheet, 4, "L-1", "2022-01-10", "Corporate", "Corporate", "Ann", "x", null, "");
            row(sheet, 5, "L-2", "2022-01-10", "Corporate", "Corporate", "Bob", "x", null, "beyond the header");
        });
        Cli.Result run = Cli.run("import", "--store", "memory", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> rejects = Files.readAllLines(dir.resolve("low.rejected.csv"));
        assertEquals("imported 1, already present 0, rejected 1, possible duplicates 0",
                run.out().lines().findFirst().orElseThrow(), String.join("\n", rejects));
        assertEquals("5,\"the row has 8 cells, the header 6\",L-2,2022-01-10,Corporate,Corporate,Bob,x,,"
                + "beyond the header", rejects.get(1));
    }

    @Test
    void aFileThatIsNotAWorkbookOrAnOldOneIsRefusedWhole() throws IOException {
        Path zip = dir.resolve("broken.xlsx");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0});
        Cli.Result run = Cli.run("import", "--store", "memory", zip.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith(E + zip + " cannot be read as an Excel workbook (.xlsx): "), run.err());
        assertTrue(run.err().strip().endsWith("; nothing was imported"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());

        Path xls = dir.resolve("old.xls");
        Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1});
        Cli.Result old = Cli.run("import", "--store", "memory", xls.toString());
        assertEquals(1, old.exitCode());
        assertEquals(E + xls + " is an Excel 97-2003 workbook (.xls), which cannot be read: save it from Excel as "
                + ".xlsx or as \"CSV UTF-8\"", old.err().strip());
        assertFalse(Files.exists(dir.resolve("old.rejected.csv")));
    }
}
