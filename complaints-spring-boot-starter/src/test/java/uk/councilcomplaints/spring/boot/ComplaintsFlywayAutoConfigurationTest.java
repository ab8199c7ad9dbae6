package uk.councilcomplaints.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.store.jdbc.ComplaintsSchema;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.workflow.Complaints;

/** With the app's Flyway: it runs the store's scripts beside the app's own, and the store only validates. */
class ComplaintsFlywayAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
                    ComplaintsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + ComplaintsAutoConfigurationTest.h2Url());

    @Test
    void flywayAppliesTheStoresScriptsAndTheAppsAndTheStoreValidates() {
        runner.withPropertyValues("spring.flyway.locations=classpath:db/app").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Flyway.class);
            JdbcTemplate db = context.getBean(JdbcTemplate.class);
            List<String> versions = db.queryForList("SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"", String.class);
            assertThat(versions).startsWith("1", "1.1", "2").contains(ComplaintsSchema.latestVersion()).endsWith("100");
            assertThat(tableExists(db, "APP_NOTES")).as("the app's own script ran").isTrue();
            assertThat(tableExists(db, ComplaintsSchema.HISTORY_TABLE.toUpperCase()))
                    .as("the store did not migrate: it validated what Flyway applied").isFalse();

            JdbcComplaintStore store = context.getBean(JdbcComplaintStore.class);
            assertThat(store.schemaVersion()).contains(ComplaintsSchema.latestVersion());
            Complaint received = TestContacts.receive(context.getBean(Complaints.class));
            assertThat(store.load(received.id())).contains(received);
        });
    }

    @Test
    void schemaMigrateLeavesFlywaysLocationsAloneAndTheStoreMigrates() {
        runner.withPropertyValues("spring.flyway.locations=classpath:db/app", "complaints.schema=migrate")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcTemplate db = context.getBean(JdbcTemplate.class);
                    assertThat(db.queryForList("SELECT \"version\" FROM \"flyway_schema_history\""
                            + " WHERE \"version\" IS NOT NULL", String.class)).containsExactly("100");
                    assertThat(tableExists(db, ComplaintsSchema.HISTORY_TABLE.toUpperCase())).isTrue();
                    assertThat(context.getBean(JdbcComplaintStore.class).schemaVersion())
                            .contains(ComplaintsSchema.latestVersion());
                });
    }

    @Test
    void withoutFlywayTheStoreMigratesItself() {
        runner.withPropertyValues("spring.flyway.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(Flyway.class);
            assertThat(tableExists(context.getBean(JdbcTemplate.class), ComplaintsSchema.HISTORY_TABLE.toUpperCase()))
                    .isTrue();
        });
    }

    @Test
    void flywaysDefaultFolderWouldFindEveryDatabasesScriptsSoStartUpSaysWhereToPutTheApps() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(ComplaintsAutoConfigurationTest.messages(context))
                    .anyMatch(m -> m.contains("spring.flyway.locations: classpath:db/migration"));
        });
        assertThat(ComplaintsAutoConfiguration.FlywayConfiguration.coversStoreScripts("classpath:db")).isTrue();
        assertThat(ComplaintsAutoConfiguration.FlywayConfiguration.coversStoreScripts("db/migration/")).isTrue();
        assertThat(ComplaintsAutoConfiguration.FlywayConfiguration.coversStoreScripts("classpath:db/app")).isFalse();
        assertThat(ComplaintsAutoConfiguration.FlywayConfiguration.coversStoreScripts("filesystem:db")).isFalse();
    }

    @Test
    void aHistoryTableTheStoreCannotReadLeavesTheSchemaUnchecked() {
        runner.withPropertyValues("spring.flyway.locations=classpath:db/app", "spring.flyway.table=app_history")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcTemplate db = context.getBean(JdbcTemplate.class);
                    assertThat(tableExists(db, ComplaintsSchema.HISTORY_TABLE.toUpperCase())).isFalse();
                    Complaint received = TestContacts.receive(context.getBean(Complaints.class));
                    assertThat(context.getBean(JdbcComplaintStore.class).load(received.id())).contains(received);
                });
        runner.withPropertyValues("spring.flyway.locations=classpath:db/app", "spring.flyway.table=app_history",
                "complaints.schema=validate").run(context -> assertThat(context).hasFailed());
    }

    private static boolean tableExists(JdbcTemplate db, String table) {
        return db.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?", Integer.class,
                table) > 0;
    }
}
