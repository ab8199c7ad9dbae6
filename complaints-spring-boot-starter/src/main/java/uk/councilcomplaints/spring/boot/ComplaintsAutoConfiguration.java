package uk.councilcomplaints.spring.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.Stage;
import uk.councilcomplaints.sla.SlaPolicy;
import uk.councilcomplaints.sla.StageTarget;
import uk.councilcomplaints.sla.TriageTarget;
import uk.councilcomplaints.sla.WorkingCalendar;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.store.jdbc.SchemaMode;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Auto-configures {@link Complaints}: its {@link ComplaintStore} (JDBC on the app's {@link DataSource}, or memory
 * when there is none), {@link WorkingCalendar} and {@link SlaPolicy} from {@link ComplaintsProperties}, and the
 * app's {@link Clock} if it has one. Each bean backs off when the app defines its own.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
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

    /** The facade, on the store, calendar, SLA policy and clock. */
    @Bean
    @ConditionalOnMissingBean
    public Complaints complaints(ComplaintStore store, WorkingCalendar calendar, SlaPolicy policy,
            ComplaintsProperties properties, ObjectProvider<Clock> clock) {
        try {
            return Complaints.builder(store)
                    .clock(clock.getIfUnique(Clock::systemUTC))
                    .calendar(calendar)
                    .slaPolicy(policy)
                    .referencePrefix(properties.getReferencePrefix())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("complaints.*: " + e.getMessage(), e);
        }
    }

    /** A {@link JdbcComplaintStore} on the app's one {@link DataSource}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    static class JdbcStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean(ComplaintStore.class)
        JdbcComplaintStore complaintStore(DataSource dataSource, ComplaintsProperties properties,
                ObjectProvider<Clock> clock) {
            SchemaMode schema = properties.getSchema() != null ? properties.getSchema() : SchemaMode.MIGRATE;
            try {
                return JdbcComplaintStore.builder(dataSource)
                        .council(properties.getCouncil())
                        .clock(clock.getIfUnique(Clock::systemUTC))
                        .settleWindow(properties.getSettleWindow())
                        .schema(schema)
                        .build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("complaints.*: " + e.getMessage(), e);
            }
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
