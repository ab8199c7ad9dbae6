package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * PostgreSQL stopped while the application runs: every operation fails with a {@link JdbcStoreException} saying
 * the database could not be reached; once it is started again (same data directory and port), the same store
 * instance works again with nothing lost and nothing restarted. A server of its own, since it is stopped.
 */
class PostgresRestartTest {

    @Test
    void operationsFailClearlyWhileTheDatabaseIsDownAndSucceedOnceItIsBack(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path data = dir.resolve("pgdata");
        EmbeddedPostgres server = start(data, port);
        // the driver's own DataSource, a connection per operation: how a pool reconnects is the pool's business
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(server.getJdbcUrl("postgres", "postgres"));
        database.setConnectTimeout(5);
        try {
            JdbcComplaintStore store = JdbcComplaintStore.builder(database).noSettleWindow().build();
            SettableClock clock = SettableClock.at("2022-02-07T09:00:00Z");
            Complaints complaints = Complaints.builder(store).clock(clock).build();
            Complaint before = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
            complaints.execute(before.id(), Command.Triage.asReceived(), Fixtures.OFFICER);
            List<ComplaintEvent> history = store.history(before.id());

            server.close();

            clock.advance(Duration.ofMinutes(5));
            for (Runnable operation : List.<Runnable>of(
                    () -> Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE),
                    () -> complaints.execute(before.id(), new Command.Allocate("jo", "VoC"), Fixtures.OFFICER),
                    () -> store.load(before.id()),
                    () -> store.histories(HistoryFilter.all()).count())) {
                JdbcStoreException e = assertThrows(JdbcStoreException.class, operation::run);
                assertTrue(e.getMessage().startsWith("Could not ")
                        && e.getMessage().contains("the database could not be reached"), e.getMessage());
                assertInstanceOf(SQLException.class, e.getCause());
            }

            server = start(data, port);

            Complaint allocated = complaints.execute(before.id(), new Command.Allocate("jo", "VoC"), Fixtures.OFFICER);
            assertEquals(Status.ALLOCATED, allocated.status());
            assertEquals(history, store.history(before.id()).subList(0, 2), "nothing lost");
            assertEquals(3, store.history(before.id()).size(), "the refused commands left nothing");
            Complaint after = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
            assertEquals(after, store.load(after.id()).orElseThrow());
        } finally {
            server.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "off").start();
    }
}
