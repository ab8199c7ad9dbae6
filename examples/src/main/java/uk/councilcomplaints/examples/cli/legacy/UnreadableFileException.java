package uk.councilcomplaints.examples.cli.legacy;

import java.io.IOException;

/**
 * The spreadsheet cannot be read from some row on (not UTF-8, broken quoting, not a workbook); the message names
 * the file, the row and what to do, and the importer adds what was imported.
 */
final class UnreadableFileException extends IOException {
    private static final long serialVersionUID = 1L;

    UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
