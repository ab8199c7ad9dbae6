package uk.councilcomplaints.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import uk.councilcomplaints.report.ProjectionContract;
import uk.councilcomplaints.report.ReportContract;
import uk.councilcomplaints.store.ComplaintStore;

/** The contract suites (reports and the report projection included) on H2 in memory, through H2's connection pool. */
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

    @Nested
    class Projection extends ProjectionContract {
        @Override
        protected ComplaintStore createStore() {
            return ContractStores.fresh(database());
        }
    }
}
