package uk.councilcomplaints.examples.cli;

import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/** Opens the store a command runs against, as its {@link StoreOptions} say. */
@FunctionalInterface
public interface StoreFactory {

    /** The store the options name; the caller closes it. Throws {@link CliException} if it cannot be opened. */
    OpenStore open(StoreOptions options);

    /** The stores of this build: a new memory store for {@code --store memory}, else the database. */
    static StoreFactory standard() {
        return options -> options.kind() == StoreOptions.Kind.MEMORY
                ? OpenStore.of(new InMemoryComplaintStore())
                : JdbcStores.open(options);
    }
}
