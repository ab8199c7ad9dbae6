package uk.councilcomplaints.examples.cli;

import static java.util.Objects.requireNonNull;

import uk.councilcomplaints.store.ComplaintStore;

/**
 * A store opened for one command, and how to release what it holds (a connection pool, say).
 *
 * @param store the store
 * @param onClose releases it
 */
public record OpenStore(ComplaintStore store, Runnable onClose) implements AutoCloseable {

    public OpenStore {
        requireNonNull(store, "store");
        requireNonNull(onClose, "onClose");
    }

    /** A store with nothing to release. */
    public static OpenStore of(ComplaintStore store) {
        return new OpenStore(store, () -> { });
    }

    @Override
    public void close() {
        onClose.run();
    }
}
