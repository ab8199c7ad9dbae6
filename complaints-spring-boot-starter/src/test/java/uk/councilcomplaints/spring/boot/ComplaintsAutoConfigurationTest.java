package uk.councilcomplaints.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Theme;
import uk.councilcomplaints.model.Themes;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.sla.SlaPolicy;
import uk.councilcomplaints.sla.WorkingCalendar;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.store.jdbc.SchemaMode;
import uk.councilcomplaints.store.jdbc.TransactionJoin;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.InvalidCommandException;

/** The auto-configuration's beans, with and without a database, the app's own beans, and the properties. */
class ComplaintsAutoConfigurationTest {

    private final ApplicationContextRunner memory = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ComplaintsAutoConfiguration.class));

    private final ApplicationContextRunner jdbc = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    ComplaintsAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + h2Url());

    static String h2Url() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void withoutADataSourceTheFacadeRunsOnTheMemoryStore() {
        memory.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(InMemoryComplaintStore.class)
                    .doesNotHaveBean(JdbcComplaintStore.class);
            Complaints complaints = context.getBean(Complaints.class);
            Complaint received = TestContacts.receive(complaints);
            assertThat(context.getBean(ComplaintStore.class).load(received.id())).contains(received);
            assertThat(received.reference()).startsWith("CMP-");
            assertThat(context.getBean(Reports.class)).isSameAs(complaints.reports());
        });
    }

    @Test
    void withADataSourceTheFacadeRunsOnTheJdbcStoreOfTheCouncil() {
        jdbc.withPropertyValues("complaints.council=north-somewhere", "complaints.reference-prefix=NS").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(JdbcComplaintStore.class)
                    .doesNotHaveBean(InMemoryComplaintStore.class);
            JdbcComplaintStore store = context.getBean(JdbcComplaintStore.class);
            assertThat(store.council()).isEqualTo("north-somewhere");
            Complaints complaints = context.getBean(Complaints.class);
            Complaint received = TestContacts.receive(complaints);
            assertThat(received.reference()).startsWith("NS-");
            Complaint triaged = complaints.execute(received.id(), Command.Triage.asReceived(), TestContacts.OFFICER);
            assertThat(store.load(received.id())).contains(triaged);
            assertThat(store.schemaVersion()).as("migrated by the store at start-up").isPresent();
            assertThat(context).hasSingleBean(TransactionJoin.class);
        });
    }

    @Test
    void theAppsOwnBeansWin() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        WorkingCalendar calendar = WorkingCalendar.builder().addClosureDay(LocalDate.of(2026, 3, 3)).build();
        SlaPolicy policy = SlaPolicy.builder().atRiskWorkingDays(4).build();
        jdbc.withBean(Clock.class, () -> clock).withBean(ComplaintStore.class, () -> store)
                .withBean(WorkingCalendar.class, () -> calendar).withBean(SlaPolicy.class, () -> policy)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(JdbcComplaintStore.class);
                    assertThat(context.getBean(WorkingCalendar.class)).isSameAs(calendar);
                    assertThat(context.getBean(SlaPolicy.class)).isSameAs(policy);
                    Complaints complaints = context.getBean(Complaints.class);
                    assertThat(complaints.clock()).isSameAs(clock);
                    Complaint received = TestContacts.receive(complaints);
                    assertThat(received.receivedAt()).isEqualTo(clock.instant());
                    assertThat(store.load(received.id())).contains(received);
                });
        Complaints own = Complaints.builder(store).build();
        memory.withBean(Complaints.class, () -> own).run(context ->
                assertThat(context).hasNotFailed().getBean(Complaints.class).isSameAs(own));
    }

    @Test
    void theSlaPropertiesOverrideTheDefaults() {
        memory.withPropertyValues("complaints.sla.procedures.corporate.stage-1.response-working-days=8",
                "complaints.sla.at-risk-working-days=3").run(context -> {
                    SlaPolicy policy = context.getBean(SlaPolicy.class);
                    assertThat(policy.target(Procedure.CORPORATE, Stage.STAGE_1).responseWorkingDays()).isEqualTo(8);
                    assertThat(policy.target(Procedure.CORPORATE, Stage.STAGE_2))
                            .isEqualTo(SlaPolicy.englandDefaults().target(Procedure.CORPORATE, Stage.STAGE_2));
                    assertThat(policy.atRiskWorkingDays()).isEqualTo(3);
                });
    }

    @Test
    void aClosureDayIsNotAWorkingDay() {
        LocalDate tuesday = LocalDate.of(2026, 12, 29);
        memory.run(context -> assertThat(context.getBean(WorkingCalendar.class).isWorkingDay(tuesday)).isTrue());
        memory.withPropertyValues("complaints.calendar.closure-days=2026-12-29,2026-12-30").run(context -> {
            WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
            assertThat(calendar.isWorkingDay(tuesday)).isFalse();
            assertThat(calendar.isWorkingDay(tuesday.plusDays(1))).isFalse();
            assertThat(calendar.isWorkingDay(tuesday.plusDays(2))).isTrue();
        });
    }

    @Test
    void theGovUkListReplacesTheComputedHolidaysOfItsYears() {
        LocalDate proclaimed = LocalDate.of(2027, 6, 15);
        LocalDate earlyMay = LocalDate.of(2027, 5, 3);
        memory.run(context -> {
            WorkingCalendar computed = context.getBean(WorkingCalendar.class);
            assertThat(computed.isWorkingDay(proclaimed)).isTrue();
            assertThat(computed.isWorkingDay(earlyMay)).isFalse();
        });
        memory.withPropertyValues("complaints.calendar.gov-uk-json=classpath:bank-holidays-2027.json").run(context -> {
            WorkingCalendar official = context.getBean(WorkingCalendar.class);
            assertThat(official.isWorkingDay(proclaimed)).isFalse();
            assertThat(official.isWorkingDay(earlyMay)).as("not on the official list of 2027").isTrue();
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "complaints.council=bad council | complaints.council",
        "complaints.settle-window=0s | complaints.settle-window",
        "complaints.reference-prefix=lower | complaints.reference-prefix",
        "complaints.sla.procedures.adult-social-care.stage-1.response-working-days=200"
                + " | complaints.sla.procedures.adult-social-care.stage-1",
        "complaints.sla.procedures.corporate.stage-3.response-working-days=5 | complaints.sla.procedures.corporate.stage-3",
        "complaints.sla.triage-working-hours=-1 | complaints.sla.triage-working-hours",
        "complaints.calendar.gov-uk-json=classpath:missing.json | complaints.calendar.gov-uk-json",
        "complaints.calendar.closure-days=1900-01-01 | complaints.calendar.closure-days",
        "complaints.themes[0].code=Bad Code | complaints.themes[0]",
        "complaints.themes[0].label=No code | complaints.themes[0].code",
        "complaints.themes[0].code=delay | complaints.themes[0].label"})
    void aBadPropertyFailsStartUpNamingIt(String property, String named) {
        jdbc.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context)).as("the messages of the failure's causes").anyMatch(m -> m.contains(named));
        });
    }

    @Test
    void theThemesPropertyIsTheCouncilsTaxonomy() {
        memory.run(context -> assertThat(context.getBean(Complaints.class).themes()).isSameAs(Themes.DEFAULT));
        memory.withPropertyValues("complaints.themes[0].code=repairs", "complaints.themes[0].label=Repairs",
                "complaints.themes[1].code=damp-and-mould", "complaints.themes[1].label=Damp and mould").run(context -> {
                    Themes themes = context.getBean(Complaints.class).themes();
                    assertThat(themes.all()).containsExactly(new Theme("repairs", "Repairs"),
                            new Theme("damp-and-mould", "Damp and mould"));
                    Complaints complaints = context.getBean(Complaints.class);
                    Complaint received = TestContacts.receive(complaints);
                    Complaint triaged = complaints.execute(received.id(), Command.Triage.asReceived(),
                            Audit.by("officer"));
                    Complaint themed = complaints.execute(received.id(), triaged.version(),
                            Command.RecordThemes.of("damp-and-mould"), Audit.by("officer"));
                    assertThat(themed.version()).isGreaterThan(triaged.version());
                    assertThatThrownBy(() -> complaints.execute(received.id(), Command.RecordThemes.of("delay"),
                            Audit.by("officer"))).isInstanceOf(InvalidCommandException.class)
                            .hasMessageContaining("delay");
                });
    }

    @Test
    void aRepeatedThemeCodeFailsStartUpNamingTheProperty() {
        memory.withPropertyValues("complaints.themes[0].code=delay", "complaints.themes[0].label=Delay",
                "complaints.themes[1].code=delay", "complaints.themes[1].label=Waiting").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context)).anyMatch(m -> m.startsWith("complaints.themes: "));
                });
    }

    @Test
    void theSchemaPropertyDecidesWhatTheStoreDoes() {
        jdbc.withPropertyValues("complaints.schema=validate").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context)).anyMatch(m -> m.contains("The complaints schema is not there"));
        });
        jdbc.withPropertyValues("complaints.schema=none").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(JdbcComplaintStore.class).schemaVersion()).isEmpty();
        });
        assertThat(ComplaintsAutoConfiguration.JdbcStoreConfiguration.schemaMode(new ComplaintsProperties(),
                new FlywayStoreScripts())).isEqualTo(SchemaMode.MIGRATE);
    }

    static List<String> messages(AssertableApplicationContext context) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
