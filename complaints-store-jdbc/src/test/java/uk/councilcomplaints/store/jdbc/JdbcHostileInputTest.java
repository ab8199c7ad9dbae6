package uk.councilcomplaints.store.jdbc;

import org.junit.jupiter.api.Nested;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.workflow.HostileInputContract;

/** Core's hostile input corpus through the facade on H2 and on PostgreSQL. */
class JdbcHostileInputTest {

    @Nested
    class OnH2 extends HostileInputContract {
        @Override
        protected ComplaintStore createStore() {
            return ContractStores.fresh(TestDatabases.h2Memory());
        }
    }

    @Nested
    class OnPostgres extends HostileInputContract {
        @Override
        protected ComplaintStore createStore() {
            return ContractStores.fresh(TestDatabases.postgres(true));
        }
    }
}
