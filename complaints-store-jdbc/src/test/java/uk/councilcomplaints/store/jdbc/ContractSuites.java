package uk.councilcomplaints.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import uk.councilcomplaints.feed.FeedContract;
import uk.councilcomplaints.queue.WorkQueueContract;
import uk.councilcomplaints.report.ReportContract;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.ComplaintStoreContract;
import uk.councilcomplaints.workflow.StateMachineContract;

/**
 * Core's store, state-machine, work-queue and feed contract suites on one database; a subclass names the database and adds
 * the report suite ({@link ReportContract}) as a nested class of its own, tagged {@value #FULL_MATRIX} where
 * it runs only in the full matrix (several minutes a database on a busy 2-core machine). Each store the
 * suites ask for is a new council in that database, so it starts empty.
 */
abstract class ContractSuites {

    /** The tag of suites that run only with {@code -Pfull-matrix}. */
    static final String FULL_MATRIX = "full-matrix";

    /** The database, migrated, shared by every store of the suites. */
    abstract DataSource database();

    @Nested
    class Store extends ComplaintStoreContract {
        @Override
        protected ComplaintStore createStore() {
            return ContractStores.withClock(database(), clock);
        }
    }

    @Nested
    class StateMachine extends StateMachineContract {
        @Override
        protected ComplaintStore createStore() {
            return ContractStores.fresh(database());
        }

        @Override
        protected ComplaintStore createEmptyStore() {
            return ContractStores.fresh(database());
        }
    }

    @Nested
    class Queues extends WorkQueueContract {
        @Override
        protected ComplaintStore createStore() {
            return ContractStores.fresh(database());
        }

        @Override
        protected int examples() {
            return 25; // each a new council filled command by command, on four databases
        }
    }

    @Nested
    class Feed extends FeedContract {
        @Override
        protected ComplaintStore createStore() {
            return ContractStores.fresh(database());
        }

        @Override
        protected ComplaintStore otherNode(ComplaintStore store) {
            return JdbcComplaintStore.builder(database()).council(((JdbcComplaintStore) store).council())
                    .schema(SchemaMode.NONE).noSettleWindow().build();
        }
    }
}
