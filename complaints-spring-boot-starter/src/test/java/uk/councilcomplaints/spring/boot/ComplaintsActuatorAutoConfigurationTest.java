package uk.councilcomplaints.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import uk.councilcomplaints.event.KnownAt;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.store.ClockQuery;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.testing.ForwardingStore;
import uk.councilcomplaints.store.jdbc.ComplaintsSchema;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.CommandRejectedException;
import uk.councilcomplaints.workflow.Complaints;

/** The {@code complaints} health indicator and the meters. */
class ComplaintsActuatorAutoConfigurationTest {

    private final ApplicationContextRunner memory = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ComplaintsAutoConfiguration.class));

    private final ApplicationContextRunner jdbc = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    ComplaintsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + ComplaintsAutoConfigurationTest.h2Url(),
                    "complaints.council=north-somewhere");

    private static Health health(ApplicationContext context) {
        return context.getBean("complaintsHealthIndicator", HealthIndicator.class).health(true);
    }

    @Test
    void theMemoryStoreIsUp() {
        memory.run(context -> {
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("store", "memory");
        });
    }

    @Test
    void theJdbcStoreIsUpWithItsSchemaVersionAndCouncilAndDownWhenItsDatabaseIsGone() {
        jdbc.run(context -> {
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("store", "jdbc").containsEntry("council", "north-somewhere")
                    .containsEntry("dialect", "H2").containsEntry("schemaVersion", ComplaintsSchema.latestVersion());

            context.getBean(HikariDataSource.class).close();
            Health gone = health(context);
            assertThat(gone.getStatus()).isEqualTo(Status.DOWN);
            assertThat(gone.getDetails()).containsKey("error");
        });
    }

    @Test
    void aSchemaWithoutTheStoresScriptsIsDown() {
        jdbc.withPropertyValues("complaints.schema=none").run(context -> {
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("schemaVersion", "none")
                    .containsEntry("expectedSchemaVersion", ComplaintsSchema.latestVersion());
        });
    }

    @Test
    void actuatorRegistersTheIndicatorAsComplaints() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ComplaintsAutoConfiguration.class,
                HealthContributorRegistryAutoConfiguration.class)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(HealthContributorRegistry.class).getContributor("complaints"))
                            .isSameAs(context.getBean("complaintsHealthIndicator"));
                });
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        memory.withPropertyValues("management.health.complaints.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("complaintsHealthIndicator"));
    }

    @Test
    void withoutAMeterRegistryTheFacadesStoreIsTheAppsStore() {
        memory.run(context -> assertThat(context.getBean(FacadeStore.class).store())
                .isSameAs(context.getBean(ComplaintStore.class)));
    }

    @Test
    void bootsOwnMeterRegistryMetersTheFacade() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                ComplaintsAutoConfiguration.class)).run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(MeterRegistry.class);
                    assertThat(context.getBean(FacadeStore.class).store()).isInstanceOf(MeteredComplaintStore.class);
                    TestContacts.receive(context.getBean(Complaints.class));
                    assertThat(commands(context.getBean(MeterRegistry.class), "received", "accepted")).isEqualTo(1);
                });
    }

    @Test
    void theMetersCountCommandsAsTheStoreSeesThemAndTimeQueuesAndReports() {
        FailingStore store = new FailingStore();
        memory.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withBean(ComplaintStore.class, () -> store)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    Complaints complaints = context.getBean(Complaints.class);

                    Complaint received = TestContacts.receive(complaints);
                    complaints.execute(received.id(), Command.Triage.asReceived(), TestContacts.OFFICER);
                    assertThat(commands(meters, "received", "accepted")).isEqualTo(1);
                    assertThat(commands(meters, "triaged", "accepted")).isEqualTo(1);

                    store.nextAppendFails(new VersionConflictException(received.id(), 2, 3));
                    assertThatThrownBy(() -> complaints.execute(received.id(),
                            new Command.Allocate("j.smith", "Voice of the customer"), TestContacts.OFFICER))
                            .isInstanceOf(VersionConflictException.class);
                    assertThat(commands(meters, "allocated", "conflict")).isEqualTo(1);
                    assertThat(meters.get(MeteredComplaintStore.CONFLICTS).counter().count()).isEqualTo(1);

                    store.nextAppendFails(new DuplicateReferenceException("OWN-1"));
                    assertThatThrownBy(() -> complaints.receive(TestContacts.contact(complaints.clock().instant())
                            .withReference("OWN-1"), TestContacts.OFFICER))
                            .isInstanceOf(DuplicateReferenceException.class);
                    assertThat(commands(meters, "received", "failed")).isEqualTo(1);

                    // refused by the facade: never reaches the store, so not counted
                    assertThatThrownBy(() -> complaints.execute(received.id(), new Command.SubmitDraft(),
                            TestContacts.OFFICER)).isInstanceOf(CommandRejectedException.class);
                    assertThat(meters.find(MeteredComplaintStore.COMMANDS).counters())
                            .extracting(c -> c.getId().getTag("outcome")).doesNotContain("rejected", "invalid");

                    complaints.queues().find(ClockQuery.running().build());
                    assertThat(meters.get(MeteredComplaintStore.QUEUES).tag("kind", "page").timer().count())
                            .as("each read of running_clocks the queue made").isPositive();

                    Reports reports = context.getBean(Reports.class);
                    LocalDate today = LocalDate.now(complaints.clock().withZone(ZoneOffset.UTC));
                    reports.slaPerformance(today.minusDays(7), today, today, KnownAt.latest());
                    assertThat(meters.get(MeteredComplaintStore.REPORTS).tag("call", "histories").timer().count())
                            .as("each stream of histories the report read, timed until closed").isPositive();
                });
    }

    private static double commands(MeterRegistry meters, String type, String outcome) {
        return meters.get(MeteredComplaintStore.COMMANDS).tag("type", type).tag("outcome", outcome).counter().count();
    }

    /** The memory store, with an append made to fail on demand. */
    static final class FailingStore extends ForwardingStore {
        private final AtomicReference<RuntimeException> next = new AtomicReference<>();

        FailingStore() {
            super(new InMemoryComplaintStore());
        }

        void nextAppendFails(RuntimeException failure) {
            next.set(failure);
        }

        @Override
        public void append(Commit commit) {
            RuntimeException failure = next.getAndSet(null);
            if (failure != null) {
                throw failure;
            }
            store.append(commit);
        }
    }
}
