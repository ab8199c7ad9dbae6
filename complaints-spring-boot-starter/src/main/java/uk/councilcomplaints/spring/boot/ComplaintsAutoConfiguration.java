package uk.councilcomplaints.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.model.Theme;
import uk.councilcomplaints.model.Themes;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.sla.SlaPolicy;
import uk.councilcomplaints.sla.StageTarget;
import uk.councilcomplaints.sla.TriageTarget;
import uk.councilcomplaints.sla.WorkingCalendar;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.jdbc.ComplaintsSchema;
import uk.councilcomplaints.store.jdbc.Dialect;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.store.jdbc.SchemaMode;
import uk.councilcomplaints.store.jdbc.TransactionJoin;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Auto-configures {@link Complaints}: its {@link ComplaintStore} (JDBC on the app's {@link DataSource}, or memory
 * when there is none), {@link WorkingCalendar} and {@link SlaPolicy} from {@link ComplaintsProperties}, and the
 * app's {@link Clock} if it has one, and {@link Reports} over the same store and rules. Each bean backs off when the
 * app defines its own.
 *
 * <p>With the app's other Spring Boot parts:
 * <ul>
 * <li>spring-jdbc: the JDBC store joins the app's Spring transaction on the same {@code DataSource}, so that a
 * complaint received in a {@code @Transactional} method commits or rolls back with the app's own writes (a
 * {@link TransactionJoin} bean; see {@link JdbcComplaintStore.Builder#transactionJoin} for what joins).</li>
 * <li>Flyway: the store's scripts are added to the app's Flyway locations and the store then only validates its
 * schema (see {@link ComplaintsProperties#getSchema()}).</li>
 * <li>Actuator health: a {@code complaints} health indicator.</li>
 * <li>Micrometer (a {@code MeterRegistry} bean): meters {@code complaints.commands},
 * {@code complaints.version.conflicts}, {@code complaints.queues} and {@code complaints.reports}, recorded for the
 * facade and the reports this auto-configuration builds (not for the {@code ComplaintStore} bean used directly).</li>
 * </ul>
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@EnableConfigurationProperties(ComplaintsProperties.class)
public class ComplaintsAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintsAutoConfiguration.class);

    /** The England and Wales calendar, with {@code complaints.calendar.*}. */
    @Bean
    @ConditionalOnMissingBean
    public WorkingCalendar complaintsWorkingCalendar(ComplaintsProperties properties, ResourceLoader resources) {
        ComplaintsProperties.Calendar calendar = properties.getCalendar();
        WorkingCalendar.Builder builder = WorkingCalendar.builder();
        if (calendar.getGovUkJson() != null && !calendar.getGovUkJson().isBlank()) {
            Resource json = resources.getResource(calendar.getGovUkJson());
            try (InputStream in = json.getInputStream()) {
                builder.addGovUkBankHolidays(in);
            } catch (IOException e) {
                throw new UncheckedIOException("complaints.calendar.gov-uk-json: cannot read "
                        + calendar.getGovUkJson(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("complaints.calendar.gov-uk-json: " + calendar.getGovUkJson()
                        + ": " + e.getMessage(), e);
            }
        }
        try {
            builder.addClosureDays(calendar.getClosureDays());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("complaints.calendar.closure-days: " + e.getMessage(), e);
        }
        return builder.build();
    }

    /** The England defaults, with {@code complaints.sla.*} overrides. */
    @Bean
    @ConditionalOnMissingBean
    public SlaPolicy complaintsSlaPolicy(ComplaintsProperties properties) {
        return SlaPolicies.of(properties.getSla());
    }

    /** The store as the facade and reports use it: with the meters when there are. */
    @Bean
    FacadeStore complaintsFacadeStore(ComplaintStore store, ObjectProvider<StoreDecorator> decorators) {
        ComplaintStore decorated = store;
        for (StoreDecorator decorator : decorators.orderedStream().toList()) {
            decorated = decorator.decorate(decorated);
        }
        return new FacadeStore(decorated);
    }

    /** The facade, on the store, calendar, SLA policy and clock. */
    @Bean
    @ConditionalOnMissingBean
    public Complaints complaints(FacadeStore store, WorkingCalendar calendar, SlaPolicy policy,
            ComplaintsProperties properties, ObjectProvider<Clock> clock) {
        Complaints.Builder builder = Complaints.builder(store.store());
        try {
            builder.referencePrefix(properties.getReferencePrefix());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("complaints.reference-prefix: " + e.getMessage(), e);
        }
        return builder.clock(clock.getIfUnique(Clock::systemUTC)).calendar(calendar).slaPolicy(policy)
                .themes(themes(properties.getThemes())).build();
    }

    /**
     * The council's themes from {@code complaints.themes}, or {@link Themes#DEFAULT} when none are set; a bad entry
     * fails start-up naming it.
     */
    static Themes themes(List<ComplaintsProperties.ThemeEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            return Themes.DEFAULT;
        }
        List<Theme> themes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ComplaintsProperties.ThemeEntry e = entries.get(i);
            String name = "complaints.themes[" + i + "]";
            if (e == null || e.getCode() == null || e.getCode().isBlank()) {
                throw new IllegalArgumentException(name + ".code: a theme needs a code");
            }
            if (e.getLabel() == null || e.getLabel().isBlank()) {
                throw new IllegalArgumentException(name + ".label: theme '" + e.getCode() + "' needs a label");
            }
            try {
                themes.add(new Theme(e.getCode(), e.getLabel()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(name + ": " + ex.getMessage(), ex);
            }
        }
        try {
            return Themes.of(themes);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("complaints.themes: " + ex.getMessage(), ex);
        }
    }

    /**
     * The facade's reports ({@link Complaints#reports()}), as a bean for the app to inject: over the facade's store
     * (with the meters, for the auto-configured facade) and its SLA policy and calendar.
     */
    @Bean
    @ConditionalOnMissingBean
    public Reports complaintsReports(Complaints complaints) {
        return complaints.reports();
    }

    /** A {@link JdbcComplaintStore} on the app's one {@link DataSource}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    static class JdbcStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean(ComplaintStore.class)
        @DependsOnDatabaseInitialization
        JdbcComplaintStore complaintStore(DataSource dataSource, ComplaintsProperties properties,
                ObjectProvider<Clock> clock, ObjectProvider<TransactionJoin> join,
                ObjectProvider<FlywayStoreScripts> flyway) {
            SchemaMode schema = schemaMode(properties, flyway.getIfAvailable(FlywayStoreScripts::new));
            JdbcComplaintStore.Builder builder = JdbcComplaintStore.builder(dataSource);
            try {
                builder.council(properties.getCouncil());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("complaints.council: " + e.getMessage(), e);
            }
            try {
                builder.settleWindow(properties.getSettleWindow());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("complaints.settle-window: " + e.getMessage(), e);
            }
            return builder.clock(clock.getIfUnique(Clock::systemUTC))
                    .transactionJoin(join.getIfUnique(() -> TransactionJoin.NONE))
                    .schema(schema)
                    .build();
        }

        /**
         * {@code complaints.schema} if set; else validate when Flyway runs the store's scripts and records them where
         * {@code ComplaintsSchema.validate} looks, none when it records them elsewhere, migrate without Flyway.
         */
        static SchemaMode schemaMode(ComplaintsProperties properties, FlywayStoreScripts flyway) {
            if (properties.getSchema() != null) {
                return properties.getSchema();
            }
            if (flyway.table().isEmpty()) {
                return SchemaMode.MIGRATE;
            }
            if (flyway.validatable()) {
                return SchemaMode.VALIDATE;
            }
            LOG.warn("Flyway records the complaints store's scripts in {}, not {}, where the store looks for them: the"
                    + " store does not check its schema (complaints.schema=none). Set complaints.schema to choose.",
                    flyway.table().get(), FlywayStoreScripts.VALIDATED_TABLE);
            return SchemaMode.NONE;
        }
    }

    /** The JDBC store joins the app's Spring transaction on its {@code DataSource}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.jdbc.datasource.ConnectionHolder",
            "org.springframework.transaction.support.TransactionSynchronizationManager"})
    static class TransactionJoinConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TransactionJoin complaintsTransactionJoin() {
            return new SpringTransactionJoin();
        }
    }

    /**
     * Adds the store's migration locations for the app's database to the app's Flyway (its own locations kept), and
     * records that it did, so that the store validates instead of migrating; unless {@code complaints.schema} is
     * migrate or none, which leave Flyway's locations as they are.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.flywaydb.core.Flyway",
            "org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer"})
    @ConditionalOnBean(DataSource.class)
    static class FlywayConfiguration {

        @Bean
        FlywayStoreScripts complaintsFlywayStoreScripts() {
            return new FlywayStoreScripts();
        }

        @Bean
        FlywayConfigurationCustomizer complaintsFlywayLocations(FlywayStoreScripts scripts,
                ComplaintsProperties properties) {
            boolean add = properties.getSchema() == null || properties.getSchema() == SchemaMode.VALIDATE;
            return configuration -> {
                List<String> locations = new ArrayList<>();
                for (Location location : configuration.getLocations()) {
                    if (coversStoreScripts(location.getDescriptor())) {
                        throw new IllegalStateException("spring.flyway.locations: " + location.getDescriptor()
                                + " also holds the complaints store's scripts for every database (db/migration/common,"
                                + " db/migration/h2, db/migration/postgresql), whose versions would clash; keep the"
                                + " app's own scripts in another folder and name it, e.g."
                                + " spring.flyway.locations=classpath:db/app (the store's are added for the database"
                                + " in use)");
                    }
                    locations.add(location.getDescriptor());
                }
                if (!add) {
                    return; // complaints.schema=migrate or none: the store's scripts are not Flyway's business
                }
                for (String location : ComplaintsSchema.flywayLocations(Dialect.of(configuration.getDataSource()))) {
                    if (!locations.contains(location)) {
                        locations.add(location);
                    }
                }
                configuration.locations(locations.toArray(String[]::new));
                scripts.added(configuration.getTable());
            };
        }

        /**
         * Whether a Flyway location ({@code classpath:db/migration}; no prefix means the classpath) holds the store's
         * scripts' folders: Flyway scans a location's subfolders too.
         */
        static boolean coversStoreScripts(String descriptor) {
            String path;
            if (descriptor.startsWith("classpath:")) {
                path = descriptor.substring("classpath:".length());
            } else if (descriptor.contains(":")) {
                return false;
            } else {
                path = descriptor;
            }
            String folder = path.replaceAll("^/+|/+$", "");
            return folder.isEmpty() || "db/migration/".startsWith(folder + "/");
        }
    }

    /** The {@code complaints} health indicator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnEnabledHealthIndicator("complaints")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "complaintsHealthIndicator")
        HealthIndicator complaintsHealthIndicator(ComplaintStore store) {
            return new ComplaintsHealthIndicator(store);
        }
    }

    /** Meters for the facade this auto-configuration builds. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnBean(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        StoreDecorator complaintsMeteredStore(MeterRegistry registry) {
            return store -> new MeteredComplaintStore(store, registry);
        }
    }

    /** Without a {@link DataSource}: the memory store, which keeps nothing once the app stops. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(DataSource.class)
    static class MemoryStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean(ComplaintStore.class)
        InMemoryComplaintStore complaintStore() {
            LOG.warn("No DataSource: complaints are kept in memory and lost when the app stops. Add a database "
                    + "(spring.datasource.url) to keep them.");
            return new InMemoryComplaintStore();
        }
    }

    /** Builds the policy from the properties, naming the property when a value breaks a procedure's rules. */
    static final class SlaPolicies {
        private SlaPolicies() {
        }

        static SlaPolicy of(ComplaintsProperties.Sla sla) {
            SlaPolicy defaults = SlaPolicy.englandDefaults();
            SlaPolicy.Builder builder = SlaPolicy.builder();
            if (sla.getTriageWorkingHours() != null) {
                try {
                    builder.triage(sla.getTriageWorkingHours(), TriageTarget.HourKind.WORKING);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("complaints.sla.triage-working-hours: " + e.getMessage(), e);
                }
            }
            if (sla.getAtRiskWorkingDays() != null) {
                try {
                    builder.atRiskWorkingDays(sla.getAtRiskWorkingDays());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("complaints.sla.at-risk-working-days: " + e.getMessage(), e);
                }
            }
            for (Map.Entry<Procedure, Map<Stage, ComplaintsProperties.StageOverride>> p : sla.getProcedures().entrySet()) {
                for (Map.Entry<Stage, ComplaintsProperties.StageOverride> s : p.getValue().entrySet()) {
                    String name = "complaints.sla.procedures." + p.getKey().name().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', '-') + ".stage-" + s.getKey().number();
                    if (!p.getKey().hasStage(s.getKey())) {
                        throw new IllegalArgumentException(name + ": " + p.getKey().label() + " has no "
                                + s.getKey());
                    }
                    StageTarget base = defaults.target(p.getKey(), s.getKey());
                    ComplaintsProperties.StageOverride o = s.getValue();
                    StageTarget target = new StageTarget(
                            o.getAcknowledgeWorkingDays() != null ? o.getAcknowledgeWorkingDays() : base.acknowledgeWorkingDays(),
                            o.getResponseWorkingDays() != null ? o.getResponseWorkingDays() : base.responseWorkingDays(),
                            base.responseFrom(),
                            o.getMaxExtensionWorkingDays() != null ? o.getMaxExtensionWorkingDays()
                                    : base.maxExtensionWorkingDays(),
                            base.responseLimit());
                    try {
                        builder.target(p.getKey(), s.getKey(), target);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
                    }
                }
            }
            return builder.build();
        }
    }
}
