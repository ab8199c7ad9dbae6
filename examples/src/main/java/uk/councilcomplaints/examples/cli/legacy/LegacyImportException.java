package uk.councilcomplaints.examples.cli.legacy;

/** The spreadsheet cannot be read at all (no such columns, not CSV, not UTF-8); says what to do. */
public final class LegacyImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LegacyImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
