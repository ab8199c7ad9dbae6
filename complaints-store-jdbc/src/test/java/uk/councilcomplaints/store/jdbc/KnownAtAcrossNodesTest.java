package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.LondonDays;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.report.Grouping;
import uk.councilcomplaints.report.Population;
import uk.councilcomplaints.report.ReportQuery;
import uk.councilcomplaints.report.ReportTable;
import uk.councilcomplaints.report.Reports;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/**
 * "Known at K" across nodes: two stores with their own pools on one PostgreSQL, their clocks in step. Once
 * the settle window has passed K, a report as known at K taken on one node is the report every node gives
 * later, whatever is written since: a commit stamped before K that arrives later is refused.
 */
class KnownAtAcrossNodesTest {

    private static final Duration WINDOW = Duration.ofSeconds(30);

    /** Two nodes on one database, sharing a clock; {@code windowOnA} false turns node A's check off. */
    private static final class Nodes implements AutoCloseable {
        final HikariDataSource poolA = TestDatabases.newPostgresDatabase(4);
        final HikariDataSource poolB = TestDatabases.newPool(poolA, 4);
        final SettableClock clock = SettableClock.at("2022-04-04T08:00:00Z");
        final String council = TestDatabases.freshCouncil();
        final JdbcComplaintStore nodeA;
        final JdbcComplaintStore nodeB;
        final Complaints deskA;
        final Complaints deskB;

        Nodes(boolean windowOnA) {
            JdbcComplaintStore.Builder a = JdbcComplaintStore.builder(poolA).council(council).clock(clock);
            nodeA = (windowOnA ? a.settleWindow(WINDOW) : a.noSettleWindow()).build();
            nodeB = JdbcComplaintStore.builder(poolB).council(council).clock(clock).settleWindow(WINDOW).build();
            deskA = Complaints.builder(nodeA).clock(clock).build();
            deskB = Complaints.builder(nodeB).clock(clock).build();
        }

        @Override
        public void close() {
            poolB.close();
            poolA.close();
        }
    }

    /** Both nodes receive and allocate complaints for an hour; returns node A's. */
    private static List<Complaint> morning(Nodes n) {
        List<Complaint> onA = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            n.clock.advance(Duration.ofMinutes(10));
            onA.add(Fixtures.allocated(n.deskA, Procedure.CORPORATE, ServiceArea.CORPORATE, "a" + i));
            n.clock.advance(Duration.ofMinutes(10));
            Fixtures.allocated(n.deskB, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "b" + i);
        }
        return onA;
    }

    private static ReportQuery knownAt(Instant k) {
        return ReportQuery.builder(Population.all(), Grouping.TYPE, LondonDays.dayOf(k)).knownAt(k).build();
    }

    @Test
    void aReportKnownAtKIsTheSameOnEveryNodeOnceTheWindowHasPassed() {
        try (Nodes n = new Nodes(true)) {
            List<Complaint> onA = morning(n);
            Instant k = n.clock.advance(Duration.ofMinutes(5));
            n.clock.advance(WINDOW.plusSeconds(1));
            ReportTable givenOnB = Reports.over(n.nodeB).table(knownAt(k));

            // a command decided on node A a second before K, its commit arriving only now
            Complaints slow = Complaints.builder(n.nodeA).clock(new SettableClock(k.minusSeconds(1))).build();
            CommitTooLateException late = assertThrows(CommitTooLateException.class,
                    () -> slow.execute(onA.get(0).id(), Command.Close.withdrawn(), Fixtures.OFFICER));
            assertTrue(late.getMessage().contains(k.minusSeconds(1).toString()), late.getMessage());
            assertEquals(onA.get(0), n.nodeA.load(onA.get(0).id()).orElseThrow(), "nothing was stored");

            // work after K on both nodes
            n.deskA.execute(onA.get(1).id(), Command.Close.withdrawn(), Fixtures.OFFICER);
            n.deskB.execute(onA.get(2).id(), new Command.Acknowledge(), Fixtures.OFFICER);
            Fixtures.receive(n.deskB, Procedure.CORPORATE, ServiceArea.OTHER);

            ReportTable laterOnA = Reports.over(n.nodeA).table(knownAt(k));
            assertEquals(givenOnB, laterOnA);
            assertNotEquals(laterOnA, Reports.over(n.nodeA).table(knownAt(n.clock.instant())), "later work counts");
            assertEquals(recordedBy(k, n), laterOnA, "the report of exactly what was recorded by K");
        }
    }

    @Test
    void withoutTheWindowALateCommitChangesAReportAlreadyGiven() {
        try (Nodes n = new Nodes(false)) {
            List<Complaint> onA = morning(n);
            Instant k = n.clock.advance(Duration.ofMinutes(5));
            n.clock.advance(WINDOW.plusSeconds(1));
            ReportTable givenOnB = Reports.over(n.nodeB).table(knownAt(k));

            Complaints slow = Complaints.builder(n.nodeA).clock(new SettableClock(k.minusSeconds(1))).build();
            slow.execute(onA.get(0).id(), Command.Close.withdrawn(), Fixtures.OFFICER);

            assertNotEquals(givenOnB, Reports.over(n.nodeA).table(knownAt(k)),
                    "the figure given for K changed after it was given: what the window prevents");
        }
    }

    /** The report, known now, of a copy holding only the events recorded by {@code k}. */
    private static ReportTable recordedBy(Instant k, Nodes n) {
        JdbcComplaintStore copy = JdbcComplaintStore.builder(n.poolA).council(TestDatabases.freshCouncil())
                .schema(SchemaMode.NONE).noSettleWindow().build();
        try (Stream<ComplaintHistory> histories = n.nodeA.histories(HistoryFilter.all())) {
            histories.forEach(h -> {
                List<ComplaintEvent> recorded = h.events().stream().filter(e -> !e.recordedAt().isAfter(k)).toList();
                if (!recorded.isEmpty()) {
                    copy.append(Commit.of(0, recorded, new ComplaintHistory(recorded).current()));
                }
            });
        }
        return Reports.over(copy).table(ReportQuery.builder(Population.all(), Grouping.TYPE, LondonDays.dayOf(k))
                .build());
    }
}
