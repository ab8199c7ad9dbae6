package uk.councilcomplaints.examples.cli.legacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A spreadsheet saved as CSV (UTF-8, with or without a byte-order mark): the cells separated by a comma, a
 * semicolon or a tab, detected from the header row (the one that finds the required columns) unless given. A row's
 * number is its record's number in the file, empty lines included, so it is the row a spreadsheet shows (a cell's
 * line break does not start a row).
 */
final class CsvRows implements RowSource {

    /** The separators tried, in order, and their names in messages. */
    static final List<Character> SEPARATORS = List.of(',', ';', '\t');

    private final Path file;
    private final char separator;
    private final BufferedReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final int headerRow;
    private int lastRow;

    private CsvRows(Path file, char separator) throws IOException {
        this.file = file;
        this.separator = separator;
        BufferedReader r = null;
        try {
            r = utf8(file);
            this.reader = r;
            this.parser = CSVParser.parse(reader, format(separator));
            this.records = parser.iterator();
            List<String> first = List.of();
            int row = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                row = (int) record.getRecordNumber();
                first = record.toList();
                if (!first.stream().allMatch(String::isEmpty)) {
                    break;
                }
            }
            this.header = first.stream().allMatch(String::isEmpty) ? List.of() : first;
            this.headerRow = Math.max(row, 1);
            this.lastRow = row;
        } catch (UncheckedIOException e) {
            close(r);
            throw unreadable(e.getCause());
        } catch (IOException e) {
            close(r);
            throw unreadable(e);
        }
    }

    private static void close(BufferedReader r) throws IOException {
        if (r != null) {
            r.close();
        }
    }

    /**
     * The file's opener: the separator given, or the first of comma, semicolon and tab that finds every required
     * column in the header row; if none does, the one that finds the most known columns (the header check then
     * says what is missing, the separators tried and what the header row was).
     */
    static Opener opener(Path file, Optional<Character> given) throws IOException {
        String line = headerLine(file);
        char separator = given.orElseGet(() -> detect(line));
        String tried = given.isPresent() ? "read with " + name(separator) + " between columns (--separator)"
                : "read with a comma, a semicolon and a tab between columns";
        String hint = " (" + tried + ", the header row was " + LegacyLabels.quote(line.replace("\t", "\\t")) + ")";
        return new Opener() {
            @Override
            public RowSource open() throws IOException {
                return new CsvRows(file, separator);
            }

            @Override
            public String describe() {
                return "CSV, " + name(separator) + " between columns";
            }

            @Override
            public String headerHint() {
                return hint;
            }

            @Override
            public Optional<String> notice() {
                return separator == ',' ? Optional.empty() : Optional.of(file.getFileName() + ": read as CSV with "
                        + name(separator) + " between columns");
            }

            @Override
            public void close() {
            }
        };
    }

    static String name(char separator) {
        return switch (separator) {
            case ',' -> "a comma";
            case ';' -> "a semicolon";
            case '\t' -> "a tab";
            default -> "'" + separator + "'";
        };
    }

    private static char detect(String line) {
        char best = SEPARATORS.get(0);
        long bestKnown = -1;
        for (char separator : SEPARATORS) {
            List<String> names = names(line, separator);
            if (names.containsAll(Columns.REQUIRED)) {
                return separator;
            }
            long known = names.stream().filter(Columns.KNOWN::contains).count();
            if (known > bestKnown) {
                best = separator;
                bestKnown = known;
            }
        }
        return best;
    }

    /** The header line's cells read with {@code separator}, lower case; none if it does not parse. */
    private static List<String> names(String line, char separator) {
        try (CSVParser p = CSVParser.parse(line, format(separator))) {
            List<CSVRecord> all = p.getRecords();
            return all.isEmpty() ? List.of()
                    : all.get(0).stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** The first line that is not empty (up to 64 KiB of it), without the byte-order mark. */
    private static String headerLine(Path file) throws IOException {
        try (BufferedReader r = utf8(file)) {
            StringBuilder line = new StringBuilder();
            for (int c = r.read(); c >= 0 && line.length() < 65_536; c = r.read()) {
                if (c == '\n' || c == '\r') {
                    if (!line.toString().isBlank()) {
                        break;
                    }
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
            return line.toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(file, ',');
        }
    }

    private static CSVFormat format(char separator) {
        return CSVFormat.DEFAULT.builder().setDelimiter(separator).setTrim(true).setIgnoreEmptyLines(false).get();
    }

    private static BufferedReader utf8(Path file) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset(); // no byte-order mark, as spreadsheets sometimes write
        }
        return reader;
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
    public Optional<SourceRow> next() throws IOException {
        try {
            if (!records.hasNext()) {
                return Optional.empty();
            }
            CSVRecord record = records.next();
            lastRow = (int) record.getRecordNumber();
            return Optional.of(new SourceRow(lastRow, record.toList()));
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        }
    }

    private UnreadableFileException unreadable(IOException cause) throws IOException {
        if (cause instanceof CharacterCodingException) {
            UnreadableFileException e = notUtf8(file, separator);
            e.initCause(cause);
            return e;
        }
        return new UnreadableFileException(file + " cannot be read as CSV (after row " + Math.max(lastRow, 1) + "): "
                + cause.getMessage(), cause);
    }

    /**
     * The file is not UTF-8: the message names the row of the first byte that UTF-8 does not allow. The reader
     * decodes ahead of the row being parsed, so the row is found here, from the bytes.
     */
    static UnreadableFileException notUtf8(Path file, char separator) throws IOException {
        String where = Utf8Check.firstBadByte(file, separator)
                .map(b -> ": row " + b.row() + " has a byte UTF-8 does not allow (" + String.format(Locale.ROOT,
                        "0x%02X", b.value()) + " at byte " + b.offset() + " of the file)")
                .orElse("");
        return new UnreadableFileException(file + " is not UTF-8 text" + where + ": save it from the spreadsheet as "
                + "\"CSV UTF-8\", or import the .xlsx workbook itself", null);
    }

    @Override
    public void close() throws IOException {
        parser.close();
        reader.close();
    }

    /** Finds the first byte of a file that is not UTF-8, and the CSV row it is on. */
    static final class Utf8Check {

        /** A byte that is not UTF-8: its row, its offset from 0, and its value. */
        record BadByte(int row, long offset, int value) {
        }

        private enum State { CELL_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

        private Utf8Check() {
        }

        static Optional<BadByte> firstBadByte(Path file, char separator) throws IOException {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.allocate(1 << 16);
            CharBuffer out = CharBuffer.allocate(1 << 16);
            Rows rows = new Rows(separator);
            long before = 0; // bytes of the file before in's position 0
            boolean eof = false;
            try (ReadableByteChannel channel = Files.newByteChannel(file)) {
                while (true) {
                    if (!eof && channel.read(in) < 0) {
                        eof = true;
                    }
                    in.flip();
                    CoderResult result;
                    do {
                        result = decoder.decode(in, out, eof);
                        out.flip();
                        rows.read(out);
                        out.clear();
                        if (result.isError()) {
                            return Optional.of(new BadByte(rows.row, before + in.position(),
                                    in.get(in.position()) & 0xFF));
                        }
                    } while (result.isOverflow());
                    before += in.position();
                    in.compact();
                    if (eof) {
                        return Optional.empty();
                    }
                }
            }
        }

        /** Counts rows as the CSV parser does: a line break ends a row unless it is inside a quoted cell. */
        private static final class Rows {
            private final char separator;
            private State state = State.CELL_START;
            private boolean afterCr;
            private int row = 1;

            Rows(char separator) {
                this.separator = separator;
            }

            void read(CharBuffer chars) {
                while (chars.hasRemaining()) {
                    char c = chars.get();
                    boolean lf = c == '\n';
                    boolean crlf = lf && afterCr;
                    afterCr = c == '\r';
                    if (state == State.QUOTED) {
                        if (c == '"') {
                            state = State.QUOTE_IN_QUOTED;
                        }
                    } else if (c == '\r' || lf) {
                        if (!crlf) {
                            row++;
                        }
                        state = State.CELL_START;
                    } else if (c == separator) {
                        state = State.CELL_START;
                    } else if (c == '"' && (state == State.CELL_START || state == State.QUOTE_IN_QUOTED)) {
                        state = State.QUOTED; // opens a quoted cell, or an escaped quote inside one
                    } else {
                        state = State.UNQUOTED;
                    }
                }
            }
        }
    }
}
