package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.councilcomplaints.store.jdbc.HeldConnections.count;
import static uk.councilcomplaints.store.jdbc.HeldConnections.invoke;
import static uk.councilcomplaints.store.jdbc.HeldConnections.waitingForALock;
import static uk.councilcomplaints.store.jdbc.HeldConnections.wrap;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.sla.SlaEvaluator;
import uk.councilcomplaints.sla.SlaPolicy;
import uk.councilcomplaints.sla.WorkingCalendar;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.HistoryFilter;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.store.jdbc.HeldConnections.HeldAppend;
import uk.councilcomplaints.store.jdbc.HeldConnections.TwoNodes;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Complaints;

/**
 * Commits of clocks only (what {@code WorkQueues.rebuildClocks()} stores) from two nodes of one PostgreSQL at once:
 * two batches over the same complaints in opposite orders, each held after locking its first complaint until the
 * other has locked its own or waits for one, both finish and leave the rows of the last; and a commit of clocks only
 * racing an append in flight waits for it, then fails its version check, so the append's event and clock rows stay.
 */
class ConcurrentClockCommitsTest {

    private static final int COMPLAINTS = 12;
    /** Another policy (a wider at-risk margin), so another basis: the rows a rebuild under it writes. */
    private static final SlaEvaluator OTHER = SlaEvaluator.of(SlaPolicy.builder().atRiskWorkingDays(4).build(),
            WorkingCalendar.englandAndWales());

    @Test
    void twoBatchesOfClocksOnlyInOppositeOrdersBothFinish() throws Exception {
        try (TwoNodes nodes = TwoNodes.start(3)) {
            DataSource poolA = nodes.a();
            String council = nodes.council();
            JdbcComplaintStore setUp = nodes.storeA();
            Complaints desk = Complaints.builder(setUp).clock(SettableClock.at("2022-04-04T08:00:00Z")).build();
            for (int i = 0; i < COMPLAINTS; i++) {
                Fixtures.allocated(desk, Procedure.CORPORATE, ServiceArea.CORPORATE, "officer." + i);
            }
            List<Commit> rebuilt = new ArrayList<>();
            long rows = 0;
            try (Stream<ComplaintHistory> all = setUp.histories(HistoryFilter.all())) {
                for (ComplaintHistory h : (Iterable<ComplaintHistory>) all::iterator) {
                    Commit c = Commit.clocksOf(h.current(), OTHER.clockRows(h));
                    rebuilt.add(c);
                    rows += c.clocks().clocks().size();
                }
            }
            List<Commit> reversed = new ArrayList<>(rebuilt);
            Collections.reverse(reversed);

            CountDownLatch aLocked = new CountDownLatch(1);
            CountDownLatch bLocked = new CountDownLatch(1);
            // A, once it holds its first row, goes on when B holds its own first row or waits for A's
            DataSource a = onFirstLock(poolA, () -> { }, () -> {
                aLocked.countDown();
                while (bLocked.getCount() > 0 && !waitingForALock(poolA)) {
                    Thread.onSpinWait();
                }
            });
            DataSource b = onFirstLock(nodes.b(), () -> aLocked.await(60, TimeUnit.SECONDS), bLocked::countDown);
            JdbcComplaintStore nodeA = JdbcComplaintStore.builder(a).council(council).schema(SchemaMode.NONE)
                    .noSettleWindow().build();
            JdbcComplaintStore nodeB = JdbcComplaintStore.builder(b).council(council).schema(SchemaMode.NONE)
                    .noSettleWindow().build();

            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> nodeA.appendAll(rebuilt));
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> nodeB.appendAll(reversed));
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);

            assertEquals(rows, count(poolA, "SELECT COUNT(*) FROM running_clocks WHERE council_id = ?", council));
            assertEquals(rows, count(poolA, "SELECT COUNT(*) FROM running_clocks WHERE council_id = ? AND basis = "
                    + OTHER.basis(), council), "every row is a rebuilt one");
        }
    }

    @Test
    void aCommitOfClocksOnlyRacingAnAppendLeavesTheAppendAndItsClocks() throws Exception {
        try (TwoNodes nodes = TwoNodes.start(3)) {
            DataSource poolA = nodes.a();
            String council = nodes.council();
            SettableClock clock = SettableClock.at("2022-04-04T08:00:00Z");
            JdbcComplaintStore nodeA = nodes.storeA();
            Complaints deskA = Complaints.builder(nodeA).clock(clock).build();
            Complaint stored = Fixtures.allocated(deskA, Procedure.CORPORATE, ServiceArea.CORPORATE, "a.patel");
            ComplaintHistory before = new ComplaintHistory(nodeA.history(stored.id()));
            Commit rebuild = Commit.clocksOf(before.current(), OTHER.clockRows(before));

            HeldAppend append = new HeldAppend(nodes.b(), council, clock, stored.id());

            CompletableFuture<Void> clocksOnly = CompletableFuture.runAsync(() -> nodeA.append(rebuild));
            while (!clocksOnly.isDone() && !waitingForALock(poolA)) {
                Thread.onSpinWait();
            }
            append.release.countDown();
            Complaint acknowledged = append.done.get(60, TimeUnit.SECONDS);
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> clocksOnly.get(60, TimeUnit.SECONDS));
            assertInstanceOf(VersionConflictException.class, failed.getCause(), "the append came first");

            ComplaintHistory after = new ComplaintHistory(nodeA.history(stored.id()));
            assertEquals(acknowledged.version(), after.current().version(), "the append is kept");
            long expected = deskA.sla().clockRows(after).clocks().size();
            assertEquals(expected, count(poolA, "SELECT COUNT(*) FROM running_clocks WHERE council_id = ?", council));
            assertEquals(expected, count(poolA, "SELECT COUNT(*) FROM running_clocks WHERE council_id = ? AND basis = "
                    + deskA.sla().basis(), council), "the append's rows, none of the stale commit's");
        }
    }

    /** Runs a step that may wait, or throw. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Connections of {@code db} whose first lock of a complaint's row (the version check of a commit of clocks
     * only) runs {@code before} first and {@code after} once it holds the row.
     */
    private static DataSource onFirstLock(DataSource db, Step before, Step after) {
        AtomicBoolean first = new AtomicBoolean(true);
        return wrap(db, (connection, m, a) -> {
            Object result = invoke(connection, m, a);
            if (!m.getName().equals("prepareStatement") || !ComplaintsTable.LOCK_VERSION.equals(a[0])) {
                return result;
            }
            PreparedStatement ps = (PreparedStatement) result;
            return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (p, pm, pa) -> {
                        boolean hooked = pm.getName().equals("executeQuery") && first.getAndSet(false);
                        if (hooked) {
                            before.run();
                        }
                        Object r = invoke(ps, pm, pa);
                        if (hooked) {
                            after.run();
                        }
                        return r;
                    });
        });
    }
}
