package uk.councilcomplaints.examples.cli.legacy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One sheet of an {@code .xlsx} workbook, read with Apache POI: each cell as the text the importer reads. A cell
 * formatted as a date is its day ({@code 2021-12-01}), or its day and time ({@code 2021-12-01 09:30}); a whole
 * number is its integer ({@code 1}, not {@code 1.0}), another number as Excel shows it in General format; a
 * formula is its cached value (what Excel last computed; an error as {@code #N/A}; a row with a formula never
 * computed in a column the importer reads is rejected); TRUE or FALSE. A row's number
 * is the sheet's; blank rows (and rows the sheet leaves out) are blank.
 */
final class XlsxRows implements RowSource {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private final Sheet sheet;
    private final List<String> header;
    private final int headerRow;
    private final int last;
    private int next;

    private XlsxRows(Sheet sheet) {
        this.sheet = sheet;
        this.last = sheet.getLastRowNum(); // -1 if the sheet has no rows
        int first = Math.max(sheet.getFirstRowNum(), 0);
        List<String> found = List.of();
        int at = first;
        for (; at <= last; at++) {
            List<String> cells = cells(sheet.getRow(at), 0);
            if (!cells.stream().allMatch(String::isEmpty)) {
                found = cells;
                break;
            }
        }
        this.header = found;
        this.headerRow = at + 1;
        this.next = at + 1;
    }

    /** Opens the workbook once (read only) and picks the sheet: the first, or {@code wanted} by name or number. */
    static Opener opener(Path file, Optional<String> wanted) throws IOException {
        OPCPackage pkg;
        XSSFWorkbook workbook;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw new UnreadableFileException(file + " cannot be read as an Excel workbook (.xlsx): "
                    + e.getMessage(), e);
        }
        try {
            workbook = new XSSFWorkbook(pkg);
        } catch (IOException | RuntimeException e) {
            pkg.revert();
            throw new UnreadableFileException(file + " cannot be read as an Excel workbook (.xlsx): "
                    + e.getMessage(), e);
        }
        Sheet sheet;
        try {
            sheet = sheet(file, workbook, wanted);
        } catch (RuntimeException e) {
            pkg.revert();
            throw e;
        }
        String name = "sheet " + LegacyLabels.quote(sheet.getSheetName());
        return new Opener() {
            @Override
            public RowSource open() {
                return new XlsxRows(sheet);
            }

            @Override
            public String describe() {
                return name;
            }

            @Override
            public String headerHint() {
                XlsxRows rows = new XlsxRows(sheet);
                return " (" + name + ", the header row " + rows.headerRow + " was "
                        + LegacyLabels.quote(String.join(" | ", rows.header)) + ")";
            }

            @Override
            public String emptyPart() {
                return ": " + name;
            }

            @Override
            public Optional<String> notice() {
                int count = sheet.getWorkbook().getNumberOfSheets();
                return count == 1 ? Optional.empty() : Optional.of(file.getFileName() + ": reading " + name + ", "
                        + (sheet.getWorkbook().getSheetIndex(sheet) + 1) + " of " + count
                        + " sheets (--sheet NAME|NUMBER reads another)");
            }

            @Override
            public void close() {
                pkg.revert(); // opened read only: nothing to save
            }
        };
    }

    private static Sheet sheet(Path file, XSSFWorkbook workbook, Optional<String> wanted) {
        int count = workbook.getNumberOfSheets();
        if (count == 0) {
            throw new LegacyImportException(file + " has no sheets", null);
        }
        if (wanted.isEmpty()) {
            return workbook.getSheetAt(0);
        }
        String w = wanted.get().strip();
        for (int i = 0; i < count; i++) {
            if (workbook.getSheetName(i).strip().equalsIgnoreCase(w)) {
                return workbook.getSheetAt(i);
            }
        }
        if (w.matches("[0-9]{1,4}")) {
            int number = Integer.parseInt(w);
            if (number >= 1 && number <= count) {
                return workbook.getSheetAt(number - 1);
            }
        }
        List<String> sheets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sheets.add((i + 1) + " " + LegacyLabels.quote(workbook.getSheetName(i)));
        }
        throw new LegacyImportException(file + " has no sheet " + LegacyLabels.quote(w) + " (--sheet takes a name "
                + "or a number from 1; its sheets: " + String.join(", ", sheets) + ")", null);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public int headerRow() {
        return headerRow;
    }

    @Override
    public Optional<SourceRow> next() {
        if (header.isEmpty() || next > last) {
            return Optional.empty();
        }
        int at = next++;
        Row row = sheet.getRow(at);
        return Optional.of(new SourceRow(at + 1, cells(row, header.size()), unsaved(row)));
    }

    /**
     * A formula without a cached value (a workbook written by a program that does not compute formulas): its
     * value is unknown, so the row is rejected rather than read as 0 or blank.
     */
    private Optional<String> unsaved(Row row) {
        if (row == null) {
            return Optional.empty();
        }
        for (Cell cell : row) {
            int i = cell.getColumnIndex();
            String column = i < header.size() ? header.get(i).strip().toLowerCase(Locale.ROOT) : "";
            if (Columns.KNOWN.contains(column) && neverComputed(cell)) {
                return Optional.of(column + ": the formula =" + cell.getCellFormula() + " has no saved value (open "
                        + "the workbook in Excel and save it, so that Excel computes it)");
            }
        }
        return Optional.empty();
    }

    /**
     * A row's cells: at least {@code width} (blank ones added), and any further cell up to the last that is not
     * blank (such a row is wider than the header).
     */
    private static List<String> cells(Row row, int width) {
        List<String> cells = new ArrayList<>();
        if (row != null) {
            for (int i = 0; i < row.getLastCellNum(); i++) {
                cells.add(text(row.getCell(i)));
            }
        }
        while (cells.size() > width && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        while (cells.size() < width) {
            cells.add("");
        }
        return cells;
    }

    /** The text of a cell, trimmed as a CSV cell is. */
    static String text(Cell cell) {
        return cell == null ? "" : text(cell, cell.getCellType()).trim();
    }

    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? dateText(cell.getLocalDateTimeCellValue())
                    : number(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case FORMULA -> neverComputed(cell) ? "" : text(cell, cell.getCachedFormulaResultType());
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }

    /** A formula cell with no cached value: POI would read it as 0. */
    private static boolean neverComputed(Cell cell) {
        return cell.getCellType() == CellType.FORMULA && cell instanceof XSSFCell x && !x.getCTCell().isSetV();
    }

    private static String dateText(LocalDateTime at) {
        if (at == null) {
            return "";
        }
        LocalTime time = at.toLocalTime();
        if (time.equals(LocalTime.MIDNIGHT)) {
            return at.toLocalDate().toString();
        }
        return (time.getSecond() == 0 && time.getNano() == 0 ? MINUTES : SECONDS).format(at);
    }

    /** A whole number as its integer ({@code 1}, not {@code 1.0}); another as Excel's General format shows it. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return NumberToTextConverter.toText(value);
    }

    @Override
    public void close() {
    }
}
