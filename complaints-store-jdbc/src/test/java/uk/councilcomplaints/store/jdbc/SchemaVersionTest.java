package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema version a store reports (for health checks): the newest of its scripts applied, by the store's
 * migrate or by Flyway, ignoring an application's own scripts in Flyway's history; and the dialect detected.
 */
class SchemaVersionTest {

    /** Runs {@code test} on a new, empty database of {@code dialect}. */
    private static void onNewDatabase(Dialect dialect, Consumer<DataSource> test) {
        if (dialect == Dialect.H2) {
            test.accept(TestDatabases.newH2Memory());
        } else {
            try (HikariDataSource pool = TestDatabases.newPostgresDatabase(2)) {
                test.accept(pool);
            }
        }
    }

    private static JdbcComplaintStore store(DataSource ds) {
        return JdbcComplaintStore.builder(ds).schema(SchemaMode.NONE).build();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void noneBeforeMigratingTheLatestAfter(Dialect dialect) {
        onNewDatabase(dialect, ds -> {
            assertEquals(dialect, Dialect.of(ds));
            assertEquals(Optional.empty(), store(ds).schemaVersion());
            ComplaintsSchema.migrate(ds);
            assertEquals(Optional.of(ComplaintsSchema.latestVersion()), store(ds).schemaVersion());
            assertEquals("10", ComplaintsSchema.latestVersion());
        });
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void flywaysHistoryCountsOnlyTheStoresScripts(Dialect dialect) {
        onNewDatabase(dialect, ds -> {
            List<String> locations = new ArrayList<>(ComplaintsSchema.flywayLocations(dialect));
            locations.add("classpath:db/app-scripts");
            Flyway flyway = Flyway.configure().dataSource(ds).locations(locations.toArray(String[]::new)).target("3")
                    .load();
            flyway.migrate();
            assertEquals(Optional.of("3"), store(ds).schemaVersion(), "stopped at 3: behind the latest");
            Flyway.configure().dataSource(ds).locations(locations.toArray(String[]::new)).load().migrate();
            assertEquals(Optional.of(ComplaintsSchema.latestVersion()), store(ds).schemaVersion(),
                    "the app's version 100 is not the store's");
        });
    }
}
