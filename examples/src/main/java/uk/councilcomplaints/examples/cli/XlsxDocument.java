package uk.councilcomplaints.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.councilcomplaints.report.Grid;

/**
 * A {@link Document} as an Excel workbook: one sheet per table, the heading row bold and frozen, numbers as numeric
 * cells, days as date cells ({@code yyyy-mm-dd}), months as dates shown {@code mmm yyyy}, a date and time as one,
 * and percentages (columns whose CSV name ends {@code _percent}) as fractions shown {@code 0.0%}. The label column
 * holds the text format's labels; empty cells stay empty. The table's title is the sheet's print header.
 */
final class XlsxDocument {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

    private XlsxDocument() {
    }

    /** The workbook's bytes. */
    static byte[] render(Document document, String council) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.getProperties().getCoreProperties().setTitle(council + ": " + document.title());
            workbook.getProperties().getCoreProperties().setCreator(council);
            Styles styles = new Styles(workbook);
            Set<String> names = new HashSet<>();
            for (Document.Section section : document.sections()) {
                sheet(workbook, styles, section, sheetName(section, names));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook", e);
        }
    }

    /** A unique, valid sheet name (at most 31 characters) from the section's key. */
    private static String sheetName(Document.Section section, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(section.key());
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String name = base;
        for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
            name = base + " " + i;
        }
        return name;
    }

    private static void sheet(Workbook workbook, Styles styles, Document.Section section, String name) {
        Sheet sheet = workbook.createSheet(name);
        Grid grid = section.grid();
        int[] widths = new int[grid.columns().size()];
        Row header = sheet.createRow(0);
        for (int c = 0; c < grid.columns().size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(grid.columns().get(c).heading());
            cell.setCellStyle(grid.columns().get(c).numeric() ? styles.headingRight : styles.heading);
            widths[c] = grid.columns().get(c).heading().length();
        }
        int r = 1;
        for (Grid.Line line : grid.lines()) {
            Row row = sheet.createRow(r++);
            boolean total = section.isTotal(line);
            for (int c = 0; c < line.cells().size(); c++) {
                String text = line.cells().get(c);
                widths[c] = Math.max(widths[c], text.length());
                if (text.isEmpty()) {
                    continue;
                }
                Cell cell = row.createCell(c);
                write(cell, text, grid.columns().get(c), styles, total);
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(255, Math.max(widths[c], 10) + 2) * 256);
        }
        sheet.createFreezePane(0, 1);
        if (!grid.lines().isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, grid.lines().size(), 0, grid.columns().size() - 1));
        }
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(grid.columns().size() > 6);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.getHeader().setCenter(section.title().replace("&", "&&"));
    }

    private static void write(Cell cell, String text, Grid.Column column, Styles styles, boolean total) {
        if (column.numeric()) {
            try {
                double value = Double.parseDouble(text);
                if (column.key().endsWith("_percent")) {
                    cell.setCellValue(value / 100);
                    cell.setCellStyle(total ? styles.percentBold : styles.percent);
                } else {
                    cell.setCellValue(value);
                    boolean whole = text.indexOf('.') < 0;
                    cell.setCellStyle(whole ? (total ? styles.integerBold : styles.integer)
                            : (total ? styles.decimalBold : styles.decimal));
                }
                return;
            } catch (NumberFormatException e) {
                // not a number after all: kept as text
            }
        } else if (DAY.matcher(text).matches()) {
            cell.setCellValue(LocalDate.parse(text));
            cell.setCellStyle(styles.day);
            return;
        } else if (MONTH.matcher(text).matches()) {
            cell.setCellValue(YearMonth.parse(text).atDay(1));
            cell.setCellStyle(styles.month);
            return;
        } else if (DAY_TIME.matcher(text).matches()) {
            cell.setCellValue(LocalDateTime.parse(text.replace(' ', 'T')));
            cell.setCellStyle(styles.dayTime);
            return;
        }
        cell.setCellValue(text);
        if (total) {
            cell.setCellStyle(styles.textBold);
        }
    }

    /** The workbook's cell styles, made once. */
    private static final class Styles {
        final CellStyle heading;
        final CellStyle headingRight;
        final CellStyle integer;
        final CellStyle integerBold;
        final CellStyle decimal;
        final CellStyle decimalBold;
        final CellStyle percent;
        final CellStyle percentBold;
        final CellStyle day;
        final CellStyle month;
        final CellStyle dayTime;
        final CellStyle textBold;

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading = workbook.createCellStyle();
            heading.setFont(bold);
            heading.setBorderBottom(BorderStyle.THIN);
            heading.setWrapText(true);
            headingRight = workbook.createCellStyle();
            headingRight.cloneStyleFrom(heading);
            headingRight.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
            short integerFormat = workbook.createDataFormat().getFormat("#,##0");
            short decimalFormat = workbook.createDataFormat().getFormat("#,##0.0");
            short percentFormat = workbook.createDataFormat().getFormat("0.0%");
            integer = style(workbook, integerFormat, null);
            integerBold = style(workbook, integerFormat, bold);
            decimal = style(workbook, decimalFormat, null);
            decimalBold = style(workbook, decimalFormat, bold);
            percent = style(workbook, percentFormat, null);
            percentBold = style(workbook, percentFormat, bold);
            day = style(workbook, workbook.createDataFormat().getFormat("yyyy-mm-dd"), null);
            month = style(workbook, workbook.createDataFormat().getFormat("mmm yyyy"), null);
            dayTime = style(workbook, workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"), null);
            textBold = workbook.createCellStyle();
            textBold.setFont(bold);
        }

        private static CellStyle style(Workbook workbook, short format, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(format);
            if (font != null) {
                style.setFont(font);
            }
            return style;
        }
    }
}
