package uk.councilcomplaints.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import uk.councilcomplaints.report.ReportContract;
import uk.councilcomplaints.store.ComplaintStore;

/** The three contract suites on H2 in a file, through H2's connection pool. */
class H2FileContractTest extends ContractSuites {

    @Override
    DataSource database() {
        return TestDatabases.h2File();
    }

    @Nested
    @Tag(FULL_MATRIX)
    class Reports extends ReportContract {
        @Override
        protected ComplaintStore createStore() {
            return ContractStores.fresh(database());
        }
    }
}
