package uk.councilcomplaints.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.workflow.Command;
import uk.councilcomplaints.workflow.Complaints;

/** What the memory store adds to the contract: one entry per complaint, histories shared between snapshots. */
class InMemoryStoreEntryTest {

    private final SettableClock clock = SettableClock.at("2022-01-10T09:00:00Z");
    private final InMemoryComplaintStore store = new InMemoryComplaintStore();
    private final Complaints complaints = Complaints.builder(store).clock(clock).build();

    @Test
    void personalDataIsErasedWithTheStateThatSaysSo() {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        assertTrue(store.personalData(c.id()).isPresent());
        clock.advance(Duration.ofMinutes(1));
        Complaint erased = complaints.execute(c.id(), new Command.ErasePersonalData(),
                Fixtures.OFFICER.because("retention period ended"));
        assertTrue(erased.personalDataErased());
        assertEquals(erased, store.load(c.id()).orElseThrow());
        assertTrue(store.personalData(c.id()).isEmpty());
    }

    @Test
    void historiesHandedOutStaySnapshotsWhileTheComplaintGoesOn() {
        Complaint c = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
        List<ComplaintEvent> atThree = store.history(c.id());
        clock.advance(Duration.ofMinutes(1));
        complaints.execute(c.id(), new Command.Acknowledge(), Fixtures.OFFICER);
        List<ComplaintEvent> atFour = store.history(c.id());
        clock.advance(Duration.ofMinutes(1));
        complaints.execute(c.id(), new Command.SendToService(), Fixtures.OFFICER);

        assertEquals(3, atThree.size());
        assertEquals(4, atFour.size());
        assertEquals(atThree, atFour.subList(0, 3));
        assertEquals(5, store.history(c.id()).size());
        assertEquals(atFour, store.history(c.id()).subList(0, 4));
        assertThrows(UnsupportedOperationException.class, () -> atFour.add(atFour.get(0)));
    }
}
