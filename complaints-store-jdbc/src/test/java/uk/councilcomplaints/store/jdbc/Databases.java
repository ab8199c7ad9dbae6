package uk.councilcomplaints.store.jdbc;

import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A shared, migrated database as an argument of parameterized tests: a record, not the pool itself, so JUnit
 * does not close the pool after the test as it closes arguments that are {@link AutoCloseable}.
 */
record Databases(String name, DataSource dataSource) {

    /** H2 in memory and PostgreSQL 17. */
    static Stream<Databases> both() {
        return Stream.of(new Databases("H2", TestDatabases.h2Memory()),
                new Databases("PostgreSQL", TestDatabases.postgres(true)));
    }

    /** A store for a council of its own, whose settle window is off (the test writes whatever times it likes). */
    JdbcComplaintStore store() {
        return ContractStores.fresh(dataSource);
    }

    @Override
    public String toString() {
        return name;
    }
}
