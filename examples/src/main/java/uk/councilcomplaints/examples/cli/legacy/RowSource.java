package uk.councilcomplaints.examples.cli.legacy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The rows of a spreadsheet, whatever kind of file holds it (CSV or an {@code .xlsx} workbook): the header row's
 * cells, then each row's cells with its row number as the spreadsheet shows it. The importer's rules do not
 * depend on where a row came from.
 */
interface RowSource extends AutoCloseable {

    /**
     * One row: its number in the spreadsheet (the first row is 1), its cells, trimmed, and why a cell of it
     * cannot be read (it is then rejected with that reason), if so.
     */
    record SourceRow(int number, List<String> cells, Optional<String> unreadable) {

        public SourceRow {
            cells = List.copyOf(cells);
        }

        SourceRow(int number, List<String> cells) {
            this(number, cells, Optional.empty());
        }

        /** Whether every cell is blank (or it has none): such a row is skipped and counted. */
        boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    /** The header row's cells, trimmed. */
    List<String> header();

    /** The header's row number (1 unless blank rows come first). */
    int headerRow();

    /**
     * The next row, blank ones included, or empty after the last.
     *
     * @throws LegacyImportException if the rest of the file cannot be read (naming the row)
     */
    Optional<SourceRow> next() throws IOException;

    @Override
    void close() throws IOException;

    /** A file that can be read from its first row more than once (a check pass, then the import). */
    interface Opener extends AutoCloseable {

        /** Reads the file from the start; its header is checked by the caller. */
        RowSource open() throws IOException;

        /** What the file was read as, for messages: "CSV, separated by commas", "sheet 'Cases'". */
        String describe();

        /**
         * Added to a message about a header without the required columns: how the header row was read and what
         * it was.
         */
        String headerHint();

        /** What is empty when there is no header row: the file, or (" sheet 'Notes'") the sheet read. */
        default String emptyPart() {
            return "";
        }

        /**
         * What is worth saying before the import on the error stream, if anything: a separator other than the
         * comma, or which sheet of several is read.
         */
        default Optional<String> notice() {
            return Optional.empty();
        }

        @Override
        void close() throws IOException;
    }

    /**
     * Opens {@code file} by its content: an {@code .xlsx} workbook (a zip file) or else CSV text.
     *
     * @throws LegacyImportException if it is neither, or {@code options} do not fit the kind of file
     */
    static Opener of(Path file, ReadOptions options) throws IOException {
        return switch (FileKind.of(file)) {
            case XLSX -> {
                if (options.separator().isPresent()) {
                    throw new LegacyImportException(file + " is an Excel workbook: --separator is for CSV files",
                            null);
                }
                yield XlsxRows.opener(file, options.sheet());
            }
            case XLS -> throw new LegacyImportException(file + " is an Excel 97-2003 workbook (.xls), which cannot "
                    + "be read: save it from Excel as .xlsx or as \"CSV UTF-8\"", null);
            case TEXT -> {
                if (options.sheet().isPresent()) {
                    throw new LegacyImportException(file + " is not an Excel workbook (.xlsx): --sheet is for "
                            + "workbooks", null);
                }
                yield CsvRows.opener(file, options.separator());
            }
        };
    }
}
