package uk.councilcomplaints.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import uk.councilcomplaints.report.ProjectionContract;
import uk.councilcomplaints.report.ReportContract;
import uk.councilcomplaints.store.ComplaintStore;

/** The contract suites (reports and the report projection in the full matrix) on PostgreSQL 17, through a HikariCP pool with autocommit on (the usual pool). */
class PostgresContractTest extends ContractSuites {

    @Override
    DataSource database() {
        return TestDatabases.postgres(true);
    }

    @Nested
    @Tag(FULL_MATRIX)
    class Reports extends ReportContract {
        @Override
        protected ComplaintStore createStore() {
            return ContractStores.fresh(database());
        }
    }

    @Nested
    @Tag(FULL_MATRIX)
    class Projection extends ProjectionContract {
        @Override
        protected ComplaintStore createStore() {
            return ContractStores.fresh(database());
        }
    }
}
