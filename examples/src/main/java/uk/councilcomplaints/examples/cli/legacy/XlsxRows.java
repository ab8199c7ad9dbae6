package uk.councilcomplaints.examples.cli.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.ExcelNumberFormat;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.SAXException;

/**
 * One sheet of an {@code .xlsx} workbook, read as a stream (the sheet's XML pulled a row at a time with StAX, the
 * shared strings and styles through POI's event API), so that a workbook of any length reads in little memory:
 * each cell as the text the importer reads. A cell formatted as a date is its day ({@code 2021-12-01}), or its day
 * and time ({@code 2021-12-01 09:30}); a whole number is its integer ({@code 1}, not {@code 1.0}), another number as
 * Excel shows it in General format; a formula is its cached value (what Excel last computed; an error as
 * {@code #N/A}; a row with a formula never computed in a column the importer reads is rejected); TRUE or FALSE. A
 * row's number is the sheet's; blank rows (and rows the sheet leaves out) are blank.
 */
final class XlsxRows implements RowSource {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private final Workbook workbook;
    private final InputStream in;
    private final XMLStreamReader xml;
    private final List<String> header;
    private final int headerRow;
    /** The next row number to return. */
    private int next;
    /** A row read ahead of rows the sheet leaves out; empty when none is waiting. */
    private Optional<SheetRow> pending = Optional.empty();
    private boolean ended;
    /** The number of the last row read, for a row that does not say its number. */
    private int lastRead;

    /** One cell as read: its column (from 0), its text, and its formula if it has no saved value. */
    private record SheetCell(int column, String text, Optional<String> uncomputed) {
    }

    /** One row as the sheet has it: its number (from 1) and the cells it holds. */
    private record SheetRow(int number, List<SheetCell> cells) {
    }

    /** The parts of the workbook every sheet's cells need, and its sheets in order. */
    private record Workbook(Path file, XSSFReader reader, ReadOnlySharedStringsTable strings,
            StylesTable styles, boolean date1904, List<String> sheetNames, List<String> sheetIds) {
    }

    private XlsxRows(Workbook workbook, int sheet) throws IOException {
        this.workbook = workbook;
        try {
            this.in = workbook.reader().getSheet(workbook.sheetIds().get(sheet));
            this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
        } catch (OpenXML4JException | XMLStreamException | RuntimeException e) {
            throw new UnreadableFileException(workbook.file() + " cannot be read as an Excel workbook (.xlsx): "
                    + e.getMessage(), e);
        }
        List<String> found = List.of();
        int at = 0;
        for (Optional<SheetRow> row = readRow(); row.isPresent(); row = readRow()) {
            at = row.get().number();
            List<String> cells = cells(row.get(), 0);
            if (!cells.stream().allMatch(String::isEmpty)) {
                found = cells;
                break;
            }
        }
        this.header = found;
        this.headerRow = found.isEmpty() ? at + 1 : at;
        this.next = headerRow + 1;
    }

    /** Opens the workbook once (read only) and picks the sheet: the first, or {@code wanted} by name or number. */
    static Opener opener(Path file, Optional<String> wanted) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw unreadable(file, e);
        }
        Workbook workbook;
        int sheet;
        try {
            XSSFReader reader = new XSSFReader(pkg);
            List<String> names = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            boolean date1904 = sheets(reader, names, ids);
            workbook = new Workbook(file, reader, new ReadOnlySharedStringsTable(pkg, false),
                    reader.getStylesTable(), date1904, List.copyOf(names), List.copyOf(ids));
        } catch (IOException | OpenXML4JException | SAXException | XMLStreamException | RuntimeException e) {
            pkg.revert();
            throw unreadable(file, e);
        }
        try {
            sheet = sheet(file, workbook.sheetNames(), wanted);
        } catch (RuntimeException e) {
            pkg.revert();
            throw e;
        }
        String name = "sheet " + LegacyLabels.quote(workbook.sheetNames().get(sheet));
        return new Opener() {
            @Override
            public RowSource open() throws IOException {
                return new XlsxRows(workbook, sheet);
            }

            @Override
            public String describe() {
                return name;
            }

            @Override
            public String headerHint() {
                try (XlsxRows rows = new XlsxRows(workbook, sheet)) {
                    return " (" + name + ", the header row " + rows.headerRow + " was "
                            + LegacyLabels.quote(String.join(" | ", rows.header)) + ")";
                } catch (IOException e) {
                    return " (" + name + ")";
                }
            }

            @Override
            public String emptyPart() {
                return ": " + name;
            }

            @Override
            public Optional<String> notice() {
                int count = workbook.sheetNames().size();
                return count == 1 ? Optional.empty() : Optional.of(file.getFileName() + ": reading " + name + ", "
                        + (sheet + 1) + " of " + count + " sheets (--sheet NAME|NUMBER reads another)");
            }

            @Override
            public void close() {
                pkg.revert(); // opened read only: nothing to save
            }
        };
    }

    private static UnreadableFileException unreadable(Path file, Exception e) {
        return new UnreadableFileException(file + " cannot be read as an Excel workbook (.xlsx): " + e.getMessage(),
                e);
    }

    /** Reads the workbook part: its sheets' names and ids in order, and whether its dates count from 1904. */
    private static boolean sheets(XSSFReader reader, List<String> names, List<String> ids)
            throws IOException, OpenXML4JException, XMLStreamException {
        boolean date1904 = false;
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    if (xml.getLocalName().equals("workbookPr")) {
                        String value = attribute(xml, "date1904");
                        date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
                    } else if (xml.getLocalName().equals("sheet")) {
                        names.add(Optional.ofNullable(attribute(xml, "name")).orElse(""));
                        ids.add(relationshipId(xml));
                    }
                }
            } finally {
                xml.close();
            }
        }
        return date1904;
    }

    /** The {@code r:id} attribute of a sheet element, whatever prefix the relationships' namespace has. */
    private static String relationshipId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals("id") && xml.getAttributeNamespace(i) != null
                    && xml.getAttributeNamespace(i).endsWith("/relationships")) {
                return xml.getAttributeValue(i);
            }
        }
        throw new IllegalArgumentException("a sheet without a relationship id");
    }

    /** An attribute without a namespace, or null. */
    private static String attribute(XMLStreamReader xml, String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(name)
                    && (xml.getAttributeNamespace(i) == null || xml.getAttributeNamespace(i).isEmpty())) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /** The index of the sheet to read: the first, or the one named (case aside) or numbered from 1. */
    private static int sheet(Path file, List<String> names, Optional<String> wanted) {
        int count = names.size();
        if (count == 0) {
            throw new LegacyImportException(file + " has no sheets", null);
        }
        if (wanted.isEmpty()) {
            return 0;
        }
        String w = wanted.get().strip();
        for (int i = 0; i < count; i++) {
            if (names.get(i).strip().equalsIgnoreCase(w)) {
                return i;
            }
        }
        if (w.matches("[0-9]{1,4}")) {
            int number = Integer.parseInt(w);
            if (number >= 1 && number <= count) {
                return number - 1;
            }
        }
        List<String> sheets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sheets.add((i + 1) + " " + LegacyLabels.quote(names.get(i)));
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
        if (header.isEmpty()) {
            return Optional.empty();
        }
        if (pending.isEmpty()) {
            pending = readRow();
        }
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        int at = next++;
        SheetRow row = pending.get();
        if (row.number() > at) {
            return Optional.of(new SourceRow(at, cells(new SheetRow(at, List.of()), header.size())));
        }
        pending = Optional.empty();
        return Optional.of(new SourceRow(at, cells(row, header.size()), unsaved(row)));
    }

    /**
     * A formula without a cached value (a workbook written by a program that does not compute formulas): its
     * value is unknown, so the row is rejected rather than read as 0 or blank.
     */
    private Optional<String> unsaved(SheetRow row) {
        for (SheetCell cell : row.cells()) {
            int i = cell.column();
            String column = i < header.size() ? header.get(i).strip().toLowerCase(Locale.ROOT) : "";
            if (Columns.KNOWN.contains(column) && cell.uncomputed().isPresent()) {
                return Optional.of(column + ": the formula =" + cell.uncomputed().get() + " has no saved value (open "
                        + "the workbook in Excel and save it, so that Excel computes it)");
            }
        }
        return Optional.empty();
    }

    /**
     * A row's cells: at least {@code width} (blank ones added), and any further cell up to the last that is not
     * blank (such a row is wider than the header).
     */
    private static List<String> cells(SheetRow row, int width) {
        List<String> cells = new ArrayList<>();
        for (SheetCell cell : row.cells()) {
            while (cells.size() < cell.column()) {
                cells.add("");
            }
            cells.add(cell.text());
        }
        while (cells.size() > width && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        while (cells.size() < width) {
            cells.add("");
        }
        return cells;
    }

    /**
     * The next {@code <row>} of the sheet, its cells read, or empty after the last.
     *
     * @throws LegacyImportException if the sheet's XML cannot be read, naming the row after the last read
     */
    private Optional<SheetRow> readRow() {
        if (ended) {
            return Optional.empty();
        }
        int number = lastRead + 1;
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sheetData")) {
                    break;
                }
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                    String r = attribute(xml, "r");
                    number = r == null ? number : Integer.parseInt(r);
                    lastRead = number;
                    return Optional.of(new SheetRow(number, rowCells(number)));
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new LegacyImportException(workbook.file() + ": row " + number + " of the sheet cannot be read: "
                    + e.getMessage(), e);
        }
        ended = true;
        return Optional.empty();
    }

    /** The cells of the row whose start the reader is at, up to its end. */
    private List<SheetCell> rowCells(int row) throws XMLStreamException {
        List<SheetCell> cells = new ArrayList<>();
        int column = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                String ref = attribute(xml, "r");
                column = ref == null ? column + 1 : new CellReference(ref).getCol();
                cells.add(cell(column));
            }
        }
        return cells;
    }

    /** The cell whose start the reader is at: its type, style, formula and value, read to its end. */
    private SheetCell cell(int column) throws XMLStreamException {
        String type = Optional.ofNullable(attribute(xml, "t")).orElse("n");
        String style = attribute(xml, "s");
        String formula = null;
        String value = null;
        StringBuilder inline = null;
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                switch (xml.getLocalName()) {
                    case "f" -> formula = xml.getElementText();
                    case "v" -> value = xml.getElementText();
                    case "is" -> {
                        inline = new StringBuilder();
                        continue; // its runs are read as they come
                    }
                    case "rPh" -> skip(); // a phonetic reading, not the text
                    case "t" -> {
                        if (inline != null) {
                            inline.append(xml.getElementText());
                        } else {
                            xml.getElementText();
                        }
                    }
                    default -> {
                        continue;
                    }
                }
                depth--; // getElementText and skip end at the element's end
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (formula != null && value == null) {
            return new SheetCell(column, "", Optional.of(formula));
        }
        String text = switch (type) {
            case "s" -> value == null ? "" : workbook.strings().getItemAt(Integer.parseInt(value.trim())).getString();
            case "inlineStr" -> inline == null ? Optional.ofNullable(value).orElse("") : inline.toString();
            case "b" -> value == null ? "" : "1".equals(value.trim()) || "true".equalsIgnoreCase(value.trim())
                    ? "TRUE" : "FALSE";
            case "n" -> value == null || value.isBlank() ? "" : numeric(Double.parseDouble(value), style);
            default -> Optional.ofNullable(value).orElse(""); // str (a formula's text), e (an error), d
        };
        return new SheetCell(column, text.trim(), Optional.empty());
    }

    /** Skips the element whose start the reader is at, to its end. */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** A number: a date if its style's format is a date's, else the number. */
    private String numeric(double value, String style) {
        if (style != null && workbook.styles() != null && DateUtil.isValidExcelDate(value)) {
            ExcelNumberFormat format = ExcelNumberFormat.from(workbook.styles().getStyleAt(Integer.parseInt(style)));
            if (format != null && DateUtil.isADateFormat(format)) {
                return dateText(DateUtil.getLocalDateTime(value, workbook.date1904()));
            }
        }
        return number(value);
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
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing a reader frees nothing the stream's close does not
        } finally {
            in.close();
        }
    }
}
