package uk.councilcomplaints.spring.boot;

import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.jdbc.ComplaintsSchema;
import uk.councilcomplaints.store.jdbc.JdbcComplaintStore;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;

/**
 * The {@code complaints} health: for a {@link JdbcComplaintStore}, UP when its database answers and holds every
 * schema script the store ships (details: council, dialect, schema version applied and expected), DOWN when the
 * database fails or the schema is behind; any other store is UP, with {@code store=memory} for the memory store.
 */
final class ComplaintsHealthIndicator extends AbstractHealthIndicator {

    private final ComplaintStore store;

    ComplaintsHealthIndicator(ComplaintStore store) {
        super("Complaints store health check failed");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (store instanceof JdbcComplaintStore jdbc) {
            builder.withDetail("store", "jdbc").withDetail("council", jdbc.council())
                    .withDetail("dialect", jdbc.dialect().name());
            Optional<String> applied = jdbc.schemaVersion(); // a query: fails when the database does not answer
            String expected = ComplaintsSchema.latestVersion();
            builder.withDetail("schemaVersion", applied.orElse("none")).withDetail("expectedSchemaVersion", expected);
            if (applied.isPresent() && applied.get().equals(expected)) {
                builder.up();
            } else {
                builder.down();
            }
        } else {
            builder.up().withDetail("store", store instanceof InMemoryComplaintStore ? "memory"
                    : store.getClass().getName());
        }
    }
}
