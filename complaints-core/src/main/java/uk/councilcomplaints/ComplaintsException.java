package uk.councilcomplaints;

/** The base of every exception this library throws on purpose. */
public abstract class ComplaintsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ComplaintsException(String message) {
        super(message);
    }

    protected ComplaintsException(String message, Throwable cause) {
        super(message, cause);
    }
}
