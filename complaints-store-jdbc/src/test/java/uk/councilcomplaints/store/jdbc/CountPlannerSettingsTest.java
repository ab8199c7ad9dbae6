package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.CountQuery;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Complaints;

/**
 * A count on PostgreSQL is planned with hash and merge joins off, set in its own transaction only: the pooled
 * connection it ran on keeps its own settings afterwards. H2 sets nothing.
 */
class CountPlannerSettingsTest {

    private static final String SETTINGS = "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off";

    @Test
    void aCountSetsItsPlannerSettingsInItsOwnTransactionBeforeItsStatement() throws SQLException {
        try (HikariDataSource database = TestDatabases.newPostgresDatabase(1)) {
            FaultyDataSource recording = new FaultyDataSource(database);
            JdbcComplaintStore store = storeWithComplaints(recording);
            recording.clear();

            CountQuery query = knownNowByService(store);
            assertEquals(query.count(histories(store)), store.count(query));

            assertEquals(List.of("on", "on"), joinSettings(database), "the pooled connection's own settings");
            List<String> sent = recording.recorded();
            int settings = sent.indexOf(SETTINGS);
            int count = indexOfCount(sent);
            assertTrue(settings >= 0 && count > settings, "the settings come first, in the count's transaction: "
                    + sent);
            assertEquals(FaultyDataSource.COMMIT, sent.get(sent.size() - 1), sent.toString());
        }
    }

    @Test
    void anH2CountSetsNothing() {
        FaultyDataSource recording = new FaultyDataSource(TestDatabases.newH2Memory());
        JdbcComplaintStore store = storeWithComplaints(recording);
        recording.clear();

        CountQuery query = knownNowByService(store);
        assertEquals(query.count(histories(store)), store.count(query));

        assertTrue(recording.recorded().stream().noneMatch(sql -> sql.startsWith("SET")), recording.recorded()
                .toString());
    }

    private static JdbcComplaintStore storeWithComplaints(FaultyDataSource dataSource) {
        SettableClock clock = new SettableClock(Instant.parse("2024-03-04T10:00:00Z"));
        JdbcComplaintStore store = JdbcComplaintStore.builder(dataSource).council(TestDatabases.freshCouncil())
                .clock(clock).build();
        Complaints complaints = Complaints.builder(store).clock(clock).build();
        for (ServiceArea area : List.of(ServiceArea.CORPORATE, ServiceArea.ADULTS, ServiceArea.CORPORATE)) {
            Procedure procedure = area.equals(ServiceArea.ADULTS) ? Procedure.ADULT_SOCIAL_CARE : Procedure.CORPORATE;
            complaints.receive(Fixtures.contact(procedure, area, clock.instant()), Fixtures.OFFICER);
        }
        return store;
    }

    private static CountQuery knownNowByService(JdbcComplaintStore store) {
        LocalDate day = LondonDays.dayOf(Instant.parse("2024-03-04T10:00:00Z"));
        return CountQuery.of(new CountQuery.All(Optional.empty()), Set.of(CountQuery.Dimension.SERVICE_AREA),
                List.of(day.minusDays(1), day), Optional.empty());
    }

    private static Stream<ComplaintHistory> histories(JdbcComplaintStore store) {
        try (Stream<ComplaintHistory> all = store.histories(HistoryFilter.all())) {
            return all.collect(Collectors.toList()).stream();
        }
    }

    private static int indexOfCount(List<String> sent) {
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).startsWith("SELECT c.day_index")) {
                return i;
            }
        }
        return -1;
    }

    /** {@code enable_hashjoin} and {@code enable_mergejoin} on the pool's one connection. */
    private static List<String> joinSettings(HikariDataSource database) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('enable_hashjoin'),"
                        + " current_setting('enable_mergejoin')")) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2));
        }
    }
}
