package uk.councilcomplaints.examples.cli;

/** Something the user can put right: printed as one line, without a stack trace, and the run fails. */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
