package uk.councilcomplaints.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import uk.councilcomplaints.report.ReportContract;
import uk.councilcomplaints.store.ComplaintStore;

/**
 * The three contract suites on PostgreSQL 17 through a HikariCP pool whose connections have autocommit off:
 * every operation must commit its own work and leave no transaction open.
 */
class PostgresAutoCommitOffContractTest extends ContractSuites {

    @Override
    DataSource database() {
        return TestDatabases.postgres(false);
    }

    @Nested
    class Reports extends ReportContract {
        @Override
        protected ComplaintStore createStore() {
            return ContractStores.fresh(database());
        }
    }
}
