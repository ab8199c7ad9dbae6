package uk.councilcomplaints.app.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.councilcomplaints.learning.CaseRecord;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/**
 * The app with {@code council-app.notify.enabled=true}, its properties bound as a deployment would set them: the
 * scheduled poll emails an acknowledgement through the real client to a fake Notify and records it on the case.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:notify-app;DB_CLOSE_DELAY=-1",
        "council-app.demo-data=false", "council-app.notify.enabled=true",
        "council-app.notify.templates.acknowledgement=0e1b7bd1-2f43-4c1e-8b6a-7f3e2f8c1a01",
        "council-app.notify.templates.response=6a9d2c44-91b5-4f0a-a3d2-5c8e7b9f0a02",
        "council-app.notify.personalisation.name=full_name", "council-app.notify.poll-interval=200ms"})
@DirtiesContext // closed after the class, so its scheduler does not poll on in the cached context
class NotifyLettersAppTest {

    private static final FakeNotify NOTIFY;

    static {
        try {
            NOTIFY = new FakeNotify();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void notify(DynamicPropertyRegistry registry) {
        registry.add("council-app.notify.base-url", NOTIFY::baseUrl);
        registry.add("council-app.notify.api-key", () -> "app_test-" + UUID.randomUUID() + "-" + UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        NOTIFY.close();
    }

    @Autowired
    Complaints complaints;
    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;

    @Test
    void theScheduledPollSendsTheAcknowledgement() throws InterruptedException, SQLException {
        assertThat(context.getBeansOfType(NotifyLetters.class)).hasSize(1);
        Complaint c = complaints.receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE, Channel.EMAIL,
                Instant.now().minusSeconds(60), Complainant.named("Jo Bloggs").withEmail("jo@example.org"),
                "The bins were not collected"), Audit.by("contact"));
        complaints.execute(c.id(), Command.Triage.asReceived(), Audit.by("a.patel"));
        complaints.execute(c.id(), new Command.Allocate("a.patel", "Voice of the customer"), Audit.by("manager"));
        NOTIFY.holdSends();
        complaints.execute(c.id(), new Command.Acknowledge(), Audit.by("a.patel"));

        // the scheduled poll is sending, inside its transaction; let the send through, then wait for that
        // transaction to end by taking the consumer's row lock after it (no sleeping)
        assertThat(NOTIFY.awaitHeldSend()).as("the scheduled poll sent within 20 s").isTrue();
        NOTIFY.release();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("SELECT last_position FROM feed_consumers"
                    + " WHERE consumer_name = ? FOR UPDATE")) {
                lock.setString(1, NotifyLetters.CONSUMER);
                lock.executeQuery().close();
            }
            connection.rollback();
        }

        assertThat(NOTIFY.emails()).singleElement().satisfies(email -> {
            assertThat(email.emailAddress()).isEqualTo("jo@example.org");
            assertThat(email.personalisation().getString("full_name")).isEqualTo("Jo Bloggs");
            assertThat(email.personalisation().getString("council")).isEqualTo("Anyshire County Council");
        });
        assertThat(CaseRecord.of(complaints.history(c.id())).lettersSent()).singleElement()
                .extracting(CaseRecord.Letter::notificationId).isEqualTo(NOTIFY.emails().get(0).id());
    }
}
