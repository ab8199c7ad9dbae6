package uk.councilcomplaints.store.jdbc;

import java.time.Clock;
import javax.sql.DataSource;

/** Stores for the contract suites: each for a council of its own in a shared, migrated database. */
final class ContractStores {

    private ContractStores() {
    }

    /** A new, empty store whose settle window runs on the suite's clock. */
    static JdbcComplaintStore withClock(DataSource ds, Clock clock) {
        return JdbcComplaintStore.builder(ds).council(TestDatabases.freshCouncil()).schema(SchemaMode.NONE)
                .clock(clock).build();
    }

    /** A new, empty store accepting any recorded time (the suites replay stored histories into copies). */
    static JdbcComplaintStore fresh(DataSource ds) {
        return JdbcComplaintStore.builder(ds).council(TestDatabases.freshCouncil()).schema(SchemaMode.NONE)
                .noSettleWindow().build();
    }
}
