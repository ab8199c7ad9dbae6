package uk.councilcomplaints.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.sla.WorkingCalendar;
import uk.councilcomplaints.store.memory.InMemoryComplaintStore;
import uk.councilcomplaints.workflow.Audit;
import uk.councilcomplaints.workflow.Complaints;
import uk.councilcomplaints.workflow.ReceiveContact;

/** {@code complaints rebuild-clocks}: rows worked out under another calendar are worked out again under this one. */
class RebuildClocksCommandTest {

    @Test
    void rowsFromAnotherCalendarAreRebuiltAndNoneIsLeftStale() {
        InMemoryComplaintStore store = new InMemoryComplaintStore();
        SettableClock clock = new SettableClock(Instant.parse("2022-01-10T09:00:00Z"));
        WorkingCalendar withAClosure = WorkingCalendar.builder().addClosureDay(LocalDate.of(2022, 1, 12)).build();
        Complaints other = Complaints.builder(store).clock(clock).calendar(withAClosure).build();
        for (int i = 0; i < 3; i++) {
            other.receive(ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE, Channel.EMAIL, clock.instant(),
                    Complainant.named("A. Resident"), "Bins"), Audit.by("officer"));
        }
        Complaints ours = Complaints.builder(store).clock(clock).build();
        long stale = ours.queues().staleClocks();
        assertTrue(stale > 0);

        Cli.Result run = Cli.run(clock, options -> OpenStore.of(store), "rebuild-clocks");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Rebuilt the clocks of 3 open cases (" + stale + " clocks were from another calendar or "
                + "timescales)", run.out().strip());
        assertEquals(0, ours.queues().staleClocks());

        Cli.Result again = Cli.run(clock, options -> OpenStore.of(store), "rebuild-clocks");
        assertEquals("Rebuilt the clocks of 3 open cases (0 clocks were from another calendar or timescales)",
                again.out().strip());
    }
}
