package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.ReferenceStore;

/** What a case page offers: the commands the status allows that no guard refuses whatever their values. */
class AllowedNowTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2022-01-04T09:00:00Z"));
    private final Complaints complaints = Complaints.builder(ReferenceStore.correct()).clock(clock).build();
    private final Audit why = Fixtures.OFFICER.because("waiting for the complainant's documents");

    @Test
    void aNewContactCanBeTriagedReclassifiedOrClosed() {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        Set<CommandType> now = complaints.allowedNow(c.id());
        assertTrue(now.containsAll(EnumSet.of(CommandType.TRIAGE, CommandType.RECLASSIFY, CommandType.CLOSE)), now::toString);
        assertFalse(now.contains(CommandType.RESPOND), now::toString);
        assertFalse(now.contains(CommandType.RESUME), "nothing is paused: " + now);
    }

    @Test
    void pauseAndResumeAreOfferedInTurnAndOnlyWhereTheProcedureAllowsPausing() {
        Complaint corporate = Fixtures.allocated(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE, "jo");
        assertTrue(complaints.allowedNow(corporate.id()).contains(CommandType.PAUSE));
        assertFalse(complaints.allowedNow(corporate.id()).contains(CommandType.RESUME));
        complaints.execute(corporate.id(), new Command.Pause(), why);
        assertFalse(complaints.allowedNow(corporate.id()).contains(CommandType.PAUSE));
        assertTrue(complaints.allowedNow(corporate.id()).contains(CommandType.RESUME));

        Complaint adults = Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "jo");
        assertFalse(complaints.allowedNow(adults.id()).contains(CommandType.PAUSE));
    }

    @Test
    void everyCommandOfferedIsOneTheStatusAllows() {
        Complaint c = Fixtures.allocated(complaints, Procedure.CHILDRENS_SOCIAL_CARE, ServiceArea.CHILDRENS, "jo");
        Set<CommandType> now = complaints.allowedNow(c.id());
        assertTrue(Transitions.allowedFrom(c.status()).containsAll(now), now::toString);
        assertEquals(now, complaints.allowedNow(c.id()), "asking changes nothing");
        assertThrows(ComplaintNotFoundException.class, () -> complaints.allowedNow(ComplaintId.random()));
    }
}
