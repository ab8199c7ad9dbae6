package uk.councilcomplaints.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import uk.councilcomplaints.report.ReportContract;
import uk.councilcomplaints.store.ComplaintStore;

/** The three contract suites on H2 in memory, through H2's connection pool. */
class H2MemoryContractTest extends ContractSuites {

    @Override
    DataSource database() {
        return TestDatabases.h2Memory();
    }

    @Nested
    class Reports extends ReportContract {
        @Override
        protected ComplaintStore createStore() {
            return ContractStores.fresh(database());
        }
    }
}
