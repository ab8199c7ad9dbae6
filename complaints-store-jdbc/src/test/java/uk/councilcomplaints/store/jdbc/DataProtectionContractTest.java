package uk.councilcomplaints.store.jdbc;

import org.junit.jupiter.api.Nested;
import uk.councilcomplaints.protection.DataProtectionContract;
import uk.councilcomplaints.store.ComplaintStore;

/**
 * Core's data protection contract on H2 in memory and on PostgreSQL 17: anonymising changes no report, a
 * subject access request stays in its council (each store is a council of its own in the shared database).
 */
class DataProtectionContractTest {

    @Nested
    class OnH2 extends DataProtectionContract {
        @Override
        protected ComplaintStore createStore() {
            return ContractStores.fresh(TestDatabases.h2Memory());
        }
    }

    @Nested
    class OnPostgres extends DataProtectionContract {
        @Override
        protected ComplaintStore createStore() {
            return ContractStores.fresh(TestDatabases.postgres(true));
        }
    }
}
