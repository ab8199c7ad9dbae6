package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.councilcomplaints.store.jdbc.MigrationFixtures.count;
import static uk.councilcomplaints.store.jdbc.MigrationFixtures.execute;
import static uk.councilcomplaints.store.jdbc.MigrationFixtures.histories;
import static uk.councilcomplaints.store.jdbc.MigrationFixtures.play;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.model.ComplaintId;

/**
 * A migration stopped half-way (a statement refused) is taken up by the next one after a restart: on an H2 file,
 * where every DDL statement commits on its own, a script failing after some of its statements does not leave the
 * database unable to migrate; and the report projection's backfill commits a council at a time, on H2 and
 * PostgreSQL, so a failure keeps the councils done. Every complaint stored before reads back unchanged.
 */
class InterruptedMigrationTest {


    @TempDir
    Path dir;

    /** A database that can be restarted: an H2 file, or a PostgreSQL database reached through a new pool. */
    private final class Db implements AutoCloseable {
        private final Dialect dialect;
        private final String postgresUrl;
        private DataSource ds;

        Db(Dialect dialect) {
            this.dialect = dialect;
            if (dialect == Dialect.H2) {
                postgresUrl = null;
                ds = h2();
            } else {
                HikariDataSource pool = TestDatabases.newPostgresDatabase(5);
                postgresUrl = pool.getJdbcUrl();
                ds = pool;
            }
        }

        private DataSource h2() {
            // no DB_CLOSE_DELAY: the database closes with its last connection, and opens again from the file
            return JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("complaints").toAbsolutePath(), "sa", "");
        }

        DataSource ds() {
            return ds;
        }

        /** Closes every connection and opens the database anew. */
        void restart() {
            close();
            if (dialect == Dialect.H2) {
                ds = h2();
            } else {
                HikariDataSource pool = new HikariDataSource();
                pool.setJdbcUrl(postgresUrl);
                pool.setMaximumPoolSize(5);
                ds = pool;
            }
        }

        @Override
        public void close() {
            if (ds instanceof JdbcConnectionPool h2) {
                h2.dispose();
            } else {
                ((HikariDataSource) ds).close();
            }
        }
    }

    /** Version 3 fails at its second statement (copying the reasons) or its third (dropping their old column). */
    @ParameterizedTest
    @ValueSource(strings = {"INSERT INTO event_reasons", "ALTER TABLE complaint_events DROP COLUMN reason"})
    void anH2ScriptFailingHalfWayIsTakenUpAfterARestart(String failing) throws SQLException {
        try (Db db = new Db(Dialect.H2)) {
            ComplaintsSchema.migrate(db.ds());
            JdbcComplaintStore store = ContractStores.fresh(db.ds());
            play(store);
            Map<ComplaintId, List<ComplaintEvent>> before = histories(store);
            assertTrue(before.values().stream().flatMap(List::stream).anyMatch(e -> e.reason().isPresent()),
                    "played no event with a reason");
            // back to version 2.3: reasons in the events table
            execute(db.ds(), "ALTER TABLE complaint_events ADD COLUMN reason VARCHAR(4000)",
                    "UPDATE complaint_events SET reason = (SELECT r.reason FROM event_reasons r"
                            + " WHERE r.council_id = complaint_events.council_id"
                            + " AND r.complaint_id = complaint_events.complaint_id"
                            + " AND r.version = complaint_events.version)",
                    "DROP TABLE event_reasons",
                    "DELETE FROM " + ComplaintsSchema.HISTORY_TABLE + " WHERE version IN ('3', '3.1')");

            FaultyDataSource faulty = new FaultyDataSource(db.ds());
            faulty.failAt(1, FaultyDataSource.Fault.STATEMENT_FAILS, sql -> sql.startsWith(failing));
            assertThrows(JdbcStoreException.class, () -> ComplaintsSchema.migrate(faulty, Dialect.H2));
            assertTrue(faulty.failedStep().isPresent(), "the fault was injected");
            assertEquals(ComplaintsSchema.SCRIPTS.size() - 2, count(db.ds(), "SELECT COUNT(*) FROM "
                    + ComplaintsSchema.HISTORY_TABLE));

            db.restart();
            assertEquals(List.of("db/migration/common/V3__event_reasons.sql",
                    "db/migration/h2/V3_1__event_reason_length.sql"), ComplaintsSchema.migrate(db.ds()));

            assertEquals(ComplaintsSchema.SCRIPTS.size(), count(db.ds(), "SELECT COUNT(*) FROM "
                    + ComplaintsSchema.HISTORY_TABLE));
            assertEquals(0, count(db.ds(), "SELECT COUNT(*) FROM " + ComplaintsSchema.PROGRESS_TABLE));
            ComplaintsSchema.validate(db.ds());
            JdbcComplaintStore after = JdbcComplaintStore.builder(db.ds()).council(store.council())
                    .schema(SchemaMode.VALIDATE).noSettleWindow().build();
            assertEquals(before, histories(after), "every event, its reason included, reads back");
        }
    }

    /** The backfill of version 2 fails in the second council: the first council's rows stay, and the rest follow. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theProjectionBackfillCommitsACouncilAtATime(Dialect dialect) throws SQLException {
        try (Db db = new Db(dialect)) {
            ComplaintsSchema.migrate(db.ds());
            JdbcComplaintStore one = ContractStores.fresh(db.ds());
            JdbcComplaintStore two = ContractStores.fresh(db.ds());
            play(one);
            play(two);
            Map<ComplaintId, List<ComplaintEvent>> before = histories(one);
            before.putAll(histories(two));
            String first = one.council().compareTo(two.council()) < 0 ? one.council() : two.council();
            String second = first.equals(one.council()) ? two.council() : one.council();
            long firstEvents = count(db.ds(), "SELECT COUNT(*) FROM complaint_events WHERE council_id = '" + first + "'");
            // back to version 1.1: reasons in the events table, no projection
            MigrationFixtures.backToVersion11(db.ds());

            FaultyDataSource faulty = new FaultyDataSource(db.ds());
            Predicate<String> insertRows = sql -> sql.equals(ProjectionTable.INSERT);
            faulty.failAt(2, FaultyDataSource.Fault.STATEMENT_FAILS, insertRows);
            assertThrows(JdbcStoreException.class, () -> ComplaintsSchema.migrate(faulty, dialect));
            assertTrue(faulty.failedStep().isPresent(), "the fault was injected");
            assertEquals(firstEvents, count(db.ds(), "SELECT COUNT(*) FROM report_projection WHERE council_id = '"
                    + first + "'"), "the first council's rows were committed");
            assertEquals(0, count(db.ds(), "SELECT COUNT(*) FROM report_projection WHERE council_id = '"
                    + second + "'"));
            assertEquals(0, count(db.ds(), "SELECT COUNT(*) FROM " + ComplaintsSchema.HISTORY_TABLE
                    + " WHERE version = '2'"), "version 2 is not recorded before its backfill is done");

            db.restart();
            ComplaintsSchema.migrate(db.ds());

            assertEquals(ComplaintsSchema.SCRIPTS.size(), count(db.ds(), "SELECT COUNT(*) FROM "
                    + ComplaintsSchema.HISTORY_TABLE));
            assertEquals(count(db.ds(), "SELECT COUNT(*) FROM complaint_events"),
                    count(db.ds(), "SELECT COUNT(*) FROM report_projection"), "a row for every event, none twice");
            for (JdbcComplaintStore store : List.of(one, two)) {
                JdbcComplaintStore after = JdbcComplaintStore.builder(db.ds()).council(store.council())
                        .schema(SchemaMode.VALIDATE).noSettleWindow().build();
                Map<ComplaintId, List<ComplaintEvent>> read = histories(after);
                assertEquals(before.entrySet().stream().filter(e -> read.containsKey(e.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), read);
                assertEquals(0, after.rebuildProjection(), "no complaint is left without its rows");
            }
            assertEquals(before.size(), count(db.ds(), "SELECT COUNT(*) FROM complaints"));
        }
    }
}
