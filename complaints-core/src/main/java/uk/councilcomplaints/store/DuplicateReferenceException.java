package uk.councilcomplaints.store;

import uk.councilcomplaints.ComplaintsException;

/** Another complaint in the store already has this reference; nothing was stored. */
public final class DuplicateReferenceException extends ComplaintsException {
    private static final long serialVersionUID = 1L;

    private final String reference;

    public DuplicateReferenceException(String reference) {
        super("Reference " + reference + " is already used by another complaint");
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }
}
