package uk.councilcomplaints.store;

import static java.util.Objects.requireNonNull;

import uk.councilcomplaints.ComplaintsException;

/**
 * One item of a batch failed, and nothing of the batch was stored: it names the item by its index in the
 * batch. The cause says why.
 */
public final class BatchFailedException extends ComplaintsException {
    private static final long serialVersionUID = 1L;

    private final int index;

    /**
     * @param index the failed item's position in the batch, from 0
     * @param item what the failed item was, for the message
     * @param cause why it failed
     */
    public BatchFailedException(int index, String item, RuntimeException cause) {
        super(String.format("Item %d of the batch (%s) failed, nothing of the batch was stored: %s", index, item,
                requireNonNull(cause, "cause").getMessage()), cause);
        this.index = index;
    }

    /** Commit {@code index} of a batch failed, for {@code cause}; named by its complaint and expected version. */
    public static BatchFailedException of(int index, Commit commit, RuntimeException cause) {
        return new BatchFailedException(index, "complaint " + commit.id() + " after version "
                + commit.expectedVersion(), cause);
    }

    /** The failed item's position in the batch, from 0. */
    public int index() {
        return index;
    }
}
