package uk.councilcomplaints.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.councilcomplaints.store.jdbc.HeldConnections.count;
import static uk.councilcomplaints.store.jdbc.HeldConnections.waitingForALock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.jdbc.HeldConnections.HeldAppend;
import uk.councilcomplaints.store.jdbc.HeldConnections.TwoNodes;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Complaints;

/**
 * {@link JdbcComplaintStore#rebuildProjection()} on one node while another node appends to a complaint it
 * rebuilds (PostgreSQL): the append, held just before its commit, keeps the rebuild waiting; once it commits,
 * the rebuild reads its event too. Without the rebuild's lock it would read the events before the append,
 * leaving two last rows for the complaint (each counted as current).
 */
class RebuildWhileAppendingTest {

    @Test
    void aRebuildWaitsForAnAppendInFlightAndBuildsItsEventToo() throws Exception {
        try (TwoNodes nodes = TwoNodes.start(2)) {
            DataSource poolA = nodes.a();
            String council = nodes.council();
            SettableClock clock = SettableClock.at("2022-04-04T08:00:00Z");
            JdbcComplaintStore nodeA = nodes.storeA();
            Complaint stored = Fixtures.allocated(Complaints.builder(nodeA).clock(clock).build(), Procedure.CORPORATE,
                    ServiceArea.CORPORATE, "a.patel");
            // stored before the projection existed: no rows
            execute(poolA, "DELETE FROM report_projection WHERE council_id = ?", council);

            HeldAppend append = new HeldAppend(nodes.b(), council, clock, stored.id());

            CompletableFuture<Integer> rebuild = CompletableFuture.supplyAsync(nodeA::rebuildProjection);
            while (!rebuild.isDone() && !waitingForALock(poolA)) {
                Thread.onSpinWait();
            }
            append.release.countDown();
            append.done.get(60, TimeUnit.SECONDS);
            assertEquals(4, rebuild.get(60, TimeUnit.SECONDS), "rows built: received, triaged, allocated, acknowledged");

            assertEquals(4, count(poolA, "SELECT COUNT(*) FROM report_projection WHERE council_id = ?", council));
            assertEquals(1, count(poolA, "SELECT COUNT(*) FROM report_projection WHERE council_id = ?"
                    + " AND next_occurred_at IS NULL", council), "one last row");
        }
    }

    private static void execute(DataSource db, String sql, String value) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.executeUpdate();
        }
    }
}
