package uk.councilcomplaints.workflow;

import uk.councilcomplaints.ComplaintsException;

/** No complaint has the given id or reference. */
public final class ComplaintNotFoundException extends ComplaintsException {
    private static final long serialVersionUID = 1L;

    public ComplaintNotFoundException(String what) {
        super("No complaint " + what);
    }
}
