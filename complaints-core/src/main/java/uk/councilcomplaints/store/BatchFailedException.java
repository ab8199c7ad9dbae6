package uk.councilcomplaints.store;

import static java.util.Objects.requireNonNull;

import uk.councilcomplaints.ComplaintsException;

/**
 * One item of a batch failed: it names the item by its index in the batch and says how many of the batch's
 * items were stored (none, for a store that writes a batch in one transaction). The cause says why.
 */
public final class BatchFailedException extends ComplaintsException {
    private static final long serialVersionUID = 1L;

    private final int index;
    private final int stored;

    /**
     * @param index the failed item's position in the batch, from 0
     * @param stored how many of the batch's items were stored
     * @param item what the failed item was, for the message
     * @param cause why it failed
     */
    public BatchFailedException(int index, int stored, String item, RuntimeException cause) {
        super(String.format("Item %d of the batch (%s) failed, %s: %s", index, item,
                stored == 0 ? "nothing of the batch was stored" : stored + " items before it were stored",
                requireNonNull(cause, "cause").getMessage()), cause);
        this.index = index;
        this.stored = stored;
    }

    /** The failed item's position in the batch, from 0. */
    public int index() {
        return index;
    }

    /** How many of the batch's items were stored: 0 when the store writes a batch all or nothing. */
    public int stored() {
        return stored;
    }
}
