package uk.councilcomplaints.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.workflow.Complaints;

/**
 * An app's {@code @Transactional} method that writes its own row and receives a complaint keeps both or neither,
 * on H2 and on PostgreSQL: the JDBC store joins the app's transaction.
 */
class TransactionalStarterTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    /** The app's service: its own row and a complaint, in one transaction. */
    static class Intake {
        private final JdbcTemplate db;
        private final Complaints complaints;

        Intake(JdbcTemplate db, Complaints complaints) {
            this.db = db;
            this.complaints = complaints;
        }

        @Transactional
        public Complaint noteAndReceive(String note, boolean fail) {
            db.update("INSERT INTO app_intake (note) VALUES (?)", note);
            Complaint received = TestContacts.receive(complaints);
            if (fail) {
                throw new IllegalStateException("the app fails after receiving " + received.reference());
            }
            return received;
        }
    }

    private static String url(String database) throws SQLException {
        if (database.equals("h2")) {
            return ComplaintsAutoConfigurationTest.h2Url();
        }
        String name = "starter_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theAppsRowAndTheComplaintCommitOrRollBackTogether(String database) throws SQLException {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, ComplaintsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url(database), "spring.datasource.username=postgres")
                .withBean(Intake.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcTemplate db = context.getBean(JdbcTemplate.class);
                    db.execute("CREATE TABLE app_intake (note VARCHAR(100) NOT NULL)");
                    Intake intake = context.getBean(Intake.class);
                    ComplaintStore store = context.getBean(ComplaintStore.class);

                    assertThatThrownBy(() -> intake.noteAndReceive("lost", true))
                            .isInstanceOf(IllegalStateException.class);
                    assertThat(db.queryForObject("SELECT COUNT(*) FROM app_intake", Integer.class)).isZero();
                    assertThat(db.queryForObject("SELECT COUNT(*) FROM complaints", Integer.class))
                            .as("the complaint rolled back with the app's row").isZero();

                    Complaint kept = intake.noteAndReceive("kept", false);
                    assertThat(db.queryForList("SELECT note FROM app_intake", String.class)).containsExactly("kept");
                    assertThat(store.load(kept.id())).contains(kept);
                    assertThat(db.queryForObject("SELECT COUNT(*) FROM complaints", Integer.class)).isOne();

                    // outside a transaction the store commits on its own
                    Complaint alone = TestContacts.receive(context.getBean(Complaints.class));
                    assertThat(store.load(alone.id())).contains(alone);
                });
    }
}
