package uk.councilcomplaints.examples.cli.legacy;

/** A spreadsheet row that cannot be imported, and why (naming the column). Nothing of it is stored. */
final class RowRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RowRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
