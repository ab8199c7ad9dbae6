package uk.councilcomplaints.examples.cli;

import static java.util.Objects.requireNonNull;

import uk.councilcomplaints.store.ComplaintStore;

/**
 * A store opened for one command, and how to release it (a connection pool, say).
 *
 * @param store the store
 * @param description what it is, for messages, e.g. "an in-memory store" or the JDBC URL
 * @param onClose releases it
 */
public record OpenStore(ComplaintStore store, String description, Runnable onClose) implements AutoCloseable {

    public OpenStore {
        requireNonNull(store, "store");
        requireNonNull(description, "description");
        requireNonNull(onClose, "onClose");
    }

    @Override
    public void close() {
        onClose.run();
    }
}
