package uk.councilcomplaints.examples.cli.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cells of a sheet as the importer reads them, cell kind by cell kind, whichever way the workbook keeps its text
 * (shared strings, as Excel saves, or inline, as streaming writers do) and in either date system.
 */
class XlsxRowsTest {

    @TempDir
    Path dir;

    /** Rows 1 (header), 2 and 4 (row 3 left out), then 5 with its first cells left out. */
    private static void fill(Workbook wb, Sheet sheet) {
        CellStyle day = wb.createCellStyle();
        day.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        CellStyle time = wb.createCellStyle();
        time.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm:ss"));
        Row header = sheet.createRow(0);
        List<String> names = List.of("reference", "received_on", "summary", "notes", "stage", "triaged_on", "officer");
        for (int i = 0; i < names.size(); i++) {
            header.createCell(i).setCellValue(names.get(i));
        }
        Row r2 = sheet.createRow(1);
        r2.createCell(0).setCellValue("  R-2 ");
        r2.createCell(1).setCellValue(LocalDate.of(2022, 1, 10));
        r2.getCell(1).setCellStyle(day);
        r2.createCell(2).setCellValue(true);
        r2.createCell(3).setCellValue(2.5);
        r2.createCell(4).setCellValue(3.0);
        r2.createCell(5).setCellValue(LocalDateTime.of(2022, 1, 11, 9, 30, 15));
        r2.getCell(5).setCellStyle(time);
        r2.createCell(6).setCellValue(1234567.125);
        Row r4 = sheet.createRow(3);
        r4.createCell(0).setCellValue("R-4");
        r4.createCell(1).setCellValue(44571.0); // a number without a date format stays a number
        r4.createCell(2).setCellValue(false);
        Row r5 = sheet.createRow(4);
        r5.createCell(3).setCellValue("only notes");
        r5.createCell(8).setCellValue("beyond the header");
    }

    private List<RowSource.SourceRow> read(Path file) throws IOException {
        try (RowSource.Opener opener = XlsxRows.opener(file, Optional.empty()); RowSource rows = opener.open()) {
            assertEquals(List.of("reference", "received_on", "summary", "notes", "stage", "triaged_on", "officer"),
                    rows.header());
            assertEquals(1, rows.headerRow());
            List<RowSource.SourceRow> all = new ArrayList<>();
            for (Optional<RowSource.SourceRow> row = rows.next(); row.isPresent(); row = rows.next()) {
                all.add(row.get());
            }
            return all;
        }
    }

    private static final List<RowSource.SourceRow> EXPECTED = List.of(
            new RowSource.SourceRow(2, List.of("R-2", "2022-01-10", "TRUE", "2.5", "3", "2022-01-11 09:30:15",
                    "1234567.125")),
            new RowSource.SourceRow(3, List.of("", "", "", "", "", "", "")),
            new RowSource.SourceRow(4, List.of("R-4", "44571", "FALSE", "", "", "", "")),
            new RowSource.SourceRow(5, List.of("", "", "", "only notes", "", "", "", "", "beyond the header")));

    @Test
    void sharedStringsAsExcelSavesThem() throws IOException {
        Path file = dir.resolve("shared.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            fill(wb, wb.createSheet("Cases"));
            wb.write(out);
        }
        assertEquals(EXPECTED, read(file));
    }

    @Test
    void inlineStringsAsStreamingWritersWriteThem() throws IOException {
        Path file = dir.resolve("inline.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            fill(wb, wb.createSheet("Cases"));
            wb.write(out);
        }
        assertTrue(unzipped(file).contains("inlineStr"), "the text is inline");
        assertEquals(EXPECTED, read(file));
    }

    @Test
    void datesCountedFrom1904() throws IOException {
        Path file = dir.resolve("mac.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var properties = wb.getCTWorkbook().isSetWorkbookPr() ? wb.getCTWorkbook().getWorkbookPr()
                    : wb.getCTWorkbook().addNewWorkbookPr();
            properties.setDate1904(true);
            assertTrue(wb.isDate1904());
            fill(wb, wb.createSheet("Cases"));
            wb.write(out);
        }
        assertEquals(EXPECTED.get(0), read(file).get(0));
    }

    @Test
    void formulasAreTheirSavedValuesAndAnErrorItsCode() throws IOException {
        Path file = dir.resolve("formulas.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Cases");
            Row header = sheet.createRow(0);
            List.of("reference", "received_on", "summary", "notes").forEach(
                    h -> header.createCell(header.getPhysicalNumberOfCells()).setCellValue(h));
            Row r2 = sheet.createRow(1);
            r2.createCell(0).setCellFormula("\"F-\"&ROW()");
            r2.createCell(1).setCellFormula("1/0");
            r2.createCell(2).setCellFormula("2=2");
            r2.createCell(3).setCellFormula("7/2");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            Row r3 = sheet.createRow(2);
            r3.createCell(0).setCellValue("F-3");
            r3.createCell(3).setCellFormula("1+1"); // never computed, in a column the importer does not read
            Row r4 = sheet.createRow(3);
            r4.createCell(0).setCellValue("F-4");
            r4.createCell(1).setCellFormula("TODAY()"); // never computed, in one it reads
            wb.write(out);
        }
        List<RowSource.SourceRow> rows = readAny(file);
        assertEquals(List.of("F-2", "#DIV/0!", "TRUE", "3.5"), rows.get(0).cells());
        assertEquals(Optional.empty(), rows.get(0).unreadable());
        assertEquals(List.of("F-3", "", "", ""), rows.get(1).cells());
        assertEquals(Optional.empty(), rows.get(1).unreadable());
        assertEquals(Optional.of("received_on: the formula =TODAY() has no saved value (open the workbook in Excel "
                + "and save it, so that Excel computes it)"), rows.get(2).unreadable());
    }

    private static List<RowSource.SourceRow> readAny(Path file) throws IOException {
        try (RowSource.Opener opener = XlsxRows.opener(file, Optional.empty()); RowSource rows = opener.open()) {
            List<RowSource.SourceRow> all = new ArrayList<>();
            for (Optional<RowSource.SourceRow> row = rows.next(); row.isPresent(); row = rows.next()) {
                all.add(row.get());
            }
            return all;
        }
    }

    private static String unzipped(Path file) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
