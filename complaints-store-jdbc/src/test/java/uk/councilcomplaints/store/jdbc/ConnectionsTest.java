package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Connections: every operation commits its own work and leaves its connection as it found it, with
 * autocommit on or off; a stream of histories holds its connection until it is closed, then gives it back.
 */
class ConnectionsTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyOperationLeavesTheConnectionAsItFoundIt(boolean autoCommit) throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Connection other = DriverManager.getConnection(url, "sa", "")) {
            connection.setAutoCommit(autoCommit);
            JdbcComplaintStore store = JdbcComplaintStore.builder(only(connection)).noSettleWindow().build();
            assertEquals(autoCommit, connection.getAutoCommit(), "after migrating");
            Complaints complaints = Complaints.builder(store).clock(SettableClock.at("2022-02-07T09:00:00Z")).build();

            Complaint c = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
            assertEquals(autoCommit, connection.getAutoCommit(), "after appending");
            store.find(ComplaintQuery.builder().officer("jo").build());
            store.personalData(c.id());
            store.nextReferenceNumber(2022);
            try (Stream<ComplaintHistory> histories = store.histories(HistoryFilter.all())) {
                assertEquals(1, histories.count());
            }
            assertEquals(autoCommit, connection.getAutoCommit(), "after reading");
            assertThrows(VersionConflictException.class,
                    () -> store.append(Commit.of(2, store.history(c.id()).subList(2, 3), c)));
            assertEquals(autoCommit, connection.getAutoCommit(), "after a failed append");

            connection.rollback();
            JdbcComplaintStore elsewhere = JdbcComplaintStore.builder(only(other)).schema(SchemaMode.VALIDATE)
                    .noSettleWindow().build();
            assertEquals(c, elsewhere.load(c.id()).orElseThrow(), "committed by the store, not left to the caller");
            assertEquals(3, elsewhere.history(c.id()).size());
        }
    }

    @Test
    void aStreamOfHistoriesHoldsItsConnectionUntilClosed() {
        try (HikariDataSource pool = TestDatabases.newPostgresDatabase(1)) {
            pool.setConnectionTimeout(250);
            JdbcComplaintStore store = JdbcComplaintStore.builder(pool).fetchSize(2).noSettleWindow().build();
            Complaints complaints = Complaints.builder(store).clock(SettableClock.at("2022-02-07T09:00:00Z")).build();
            List<Complaint> received = Stream.generate(() -> Fixtures.receive(complaints, Procedure.CORPORATE,
                    ServiceArea.CORPORATE)).limit(5).toList();
            complaints.execute(received.get(0).id(), Command.Triage.asReceived(), Fixtures.OFFICER);

            Stream<ComplaintHistory> histories = store.histories(HistoryFilter.all());
            Iterator<ComplaintHistory> it = histories.iterator();
            assertTrue(it.hasNext());
            it.next();
            JdbcStoreException busy = assertThrows(JdbcStoreException.class, () -> store.load(received.get(1).id()));
            assertTrue(busy.getMessage().contains("load a complaint"), busy.getMessage());
            histories.close();
            assertEquals(received.get(1), store.load(received.get(1).id()).orElseThrow(), "the connection is back");
            try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
                assertEquals(6, all.mapToInt(h -> h.events().size()).sum(), "five histories, two rows a fetch");
            }
        }
    }

    /** A data source that hands out {@code connection} every time and never closes it. */
    private static DataSource only(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(ConnectionsTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(ConnectionsTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
