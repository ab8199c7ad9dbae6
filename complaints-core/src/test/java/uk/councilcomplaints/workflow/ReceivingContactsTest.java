package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Channel;
import uk.councilcomplaints.model.Complainant;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.DuplicateReferenceException;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.ForwardingStore;
import uk.councilcomplaints.testing.ReferenceStore;

/**
 * Receiving a contact: when it happened and when it is recorded, a late receipt's reason, and references
 * taken already.
 */
class ReceivingContactsTest {

    private static final Instant NOW = Instant.parse("2022-03-15T10:00:00Z");

    private final SettableClock clock = new SettableClock(NOW);
    private final CountingStore store = new CountingStore();
    private final Complaints complaints = Complaints.builder(store).clock(clock).build();

    private static ReceiveContact contactAt(Instant receivedAt) {
        return Fixtures.contact(Procedure.CORPORATE, ServiceArea.CORPORATE, receivedAt);
    }

    private List<Violation> refused(ReceiveContact contact, Audit audit) {
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> complaints.receive(contact, audit));
        assertEquals(0, store.appends, "a refused contact stores nothing");
        return e.violations();
    }

    @Test
    void anOccurredTimeMustBeTheReceivedTimeToTheMicrosecond() {
        Instant received = NOW.minusSeconds(3600).plusNanos(123_456_789);
        List<Violation> violations = refused(contactAt(received),
                Audit.by("jo").occurredAt(received.minusSeconds(60)));
        assertEquals("occurredAt", violations.get(0).path());
        assertTrue(violations.get(0).message().contains("equal to receivedAt"), violations.toString());

        Complaint c = complaints.receive(contactAt(received), Audit.by("jo").occurredAt(received.minusNanos(789)));
        assertEquals(received.minusNanos(789), c.receivedAt(), "the same microsecond, kept to the microsecond");
        assertEquals(NOW, store.history(c.id()).get(0).recordedAt());
    }

    @Test
    void aContactReceivedMoreThanADayBeforeItIsRecordedNeedsAReason() {
        Complaint dayAgo = complaints.receive(contactAt(NOW.minus(Duration.ofDays(1))), Audit.by("jo"));
        assertEquals(NOW.minus(Duration.ofDays(1)), dayAgo.receivedAt(), "exactly one day back: no reason needed");
        store.appends = 0;
        List<Violation> violations = refused(contactAt(NOW.minus(Duration.ofDays(1)).minusNanos(1000)),
                Audit.by("jo"));
        assertEquals("reason", violations.get(0).path());
        assertTrue(violations.get(0).message().contains("more than one day"), violations.toString());
        Complaint withReason = complaints.receive(contactAt(NOW.minus(Duration.ofDays(40))),
                Audit.by("jo").because("from the old spreadsheet"));
        assertEquals(NOW.minus(Duration.ofDays(40)), withReason.receivedAt());
    }

    @Test
    void everyFaultOfAContactIsListedTheCalendarsYearsIncluded() {
        // received in 1989, before the working-day calendar; the matter a day after that; and a bad email
        Instant in1989 = Instant.parse("1989-06-01T10:00:00Z");
        ReceiveContact contact = ReceiveContact.of(Procedure.CORPORATE, ServiceArea.CORPORATE, Channel.EMAIL, in1989,
                Complainant.named("A. Resident").withEmail("not an email"), "Bins");
        List<Violation> violations = refused(contact, Audit.by("jo").because("old record"));
        assertEquals(List.of("complainant.email", "receivedAt"), violations.stream().map(Violation::path).toList());
        assertTrue(violations.get(1).message().contains("1990 to 2199"), violations.toString());

        // received yesterday evening, about a matter of today
        violations = refused(contactAt(NOW.minus(Duration.ofHours(12))).withMatterDate(LocalDate.of(2022, 3, 15)),
                Audit.by(" "));
        assertEquals(List.of("actor", "matterDate"), violations.stream().map(Violation::path).toList());
        assertTrue(violations.get(1).message().contains("2022-03-15 is after 2022-03-14"), violations.toString());
    }

    @Test
    void aCouncilsOwnReferenceAlreadyTakenIsRefusedAtOnce() {
        complaints.receive(contactAt(NOW).withReference("VOC-0412"), Audit.by("jo"));
        store.appends = 0;
        DuplicateReferenceException e = assertThrows(DuplicateReferenceException.class,
                () -> complaints.receive(contactAt(NOW).withReference("VOC-0412"), Audit.by("jo")));
        assertTrue(e.getMessage().contains("VOC-0412"), e.getMessage());
        assertEquals(1, store.appends, "not retried: the council chose that reference");
    }

    @Test
    void aGeneratedReferenceTakenAHundredTimesOverGivesUp() {
        complaints.receive(contactAt(NOW).withReference("CMP-2022-000007"), Audit.by("jo"));
        store.appends = 0;
        store.stuckAt = 7;
        DuplicateReferenceException e = assertThrows(DuplicateReferenceException.class,
                () -> complaints.receive(contactAt(NOW), Audit.by("jo")));
        assertTrue(e.getMessage().contains("CMP-2022-000007"), e.getMessage());
        assertEquals(100, store.appends, "one hundred numbers tried");
        store.stuckAt = 0;
        store.appends = 0;
        assertEquals("CMP-2022-000001", complaints.receive(contactAt(NOW), Audit.by("jo")).reference());
        assertEquals(1, store.appends);
    }

    /** The reference store, counting appends; its reference numbers can be stuck at one number. */
    private static final class CountingStore extends ForwardingStore {
        int appends;
        long stuckAt;

        CountingStore() {
            super(ReferenceStore.correct());
        }

        @Override
        public void append(Commit commit) {
            appends++;
            store.append(commit);
        }

        @Override
        public long nextReferenceNumber(int year) {
            return stuckAt > 0 ? stuckAt : store.nextReferenceNumber(year);
        }
    }
}
