package uk.councilcomplaints.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.SettableClock;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.Procedure;
import uk.councilcomplaints.model.ServiceArea;
import uk.councilcomplaints.protection.DataProtection;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.store.VersionConflictException;
import uk.councilcomplaints.testing.Fixtures;
import uk.councilcomplaints.testing.ForwardingStore;
import uk.councilcomplaints.testing.ReferenceStore;

/**
 * The facade's data-protection calls at their edges: what {@code anonymise} returns, the days
 * {@code dataProtection().expired} takes, and a retention run whose list of expired complaints went stale before
 * it erased them.
 */
class RetentionJobTest {

    private static final String JOB = "retention.job";
    /** Closed (withdrawn) on 10 March 2016: kept to 10 March 2022, expired from the 11th. */
    private static final LocalDate EXPIRED_ON = LocalDate.of(2022, 3, 11);

    private final SettableClock clock = SettableClock.at("2016-03-01T10:00:00Z");
    private final StaleListingStore store = new StaleListingStore();
    private final Complaints complaints = Complaints.builder(store).clock(clock).build();
    private final DataProtection protection = complaints.dataProtection();
    private Complaint closed;

    @BeforeEach
    void closeOne() {
        Complaint c = Fixtures.receive(complaints, Procedure.CORPORATE, ServiceArea.CORPORATE);
        clock.set(Instant.parse("2016-03-10T12:00:00Z"));
        closed = complaints.execute(c.id(), Command.Close.withdrawn(), Fixtures.OFFICER);
    }

    @Test
    void anonymiseReturnsTheStateAfterTheErasure() {
        Complaint after = complaints.anonymise(closed.id(), Audit.by("dpo").because("asked by the complainant"));

        assertTrue(after.personalDataErased());
        assertEquals(closed.version() + 1, after.version());
        assertEquals(store.load(closed.id()), Optional.of(after));
        assertEquals(Optional.empty(), store.personalData(closed.id()));
    }

    @Test
    void expiredTakesTheDaysFrom1900To2199() {
        clock.set(Instant.parse("2022-03-11T09:00:00Z"));
        for (LocalDate day : List.of(LocalDate.of(1899, 12, 31), LocalDate.of(2200, 1, 1))) {
            InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> protection.expired(day));
            assertTrue(e.getMessage().contains("day: must be from 1900-01-01 to 2199-12-31, was " + day),
                    e.getMessage());
        }
        assertEquals(List.of(), protection.expired(LocalDate.of(1900, 1, 1)));
        assertEquals(List.of(closed.id()),
                protection.expired(LocalDate.of(2199, 12, 31)).stream().map(Complaint::id).toList());
        assertEquals(List.of(closed.id()), protection.expired(EXPIRED_ON).stream().map(Complaint::id).toList());
    }

    @Test
    void aComplaintAnonymisedSinceTheListWasMadeIsLeft() {
        store.freezeListing(); // the list the run works from, as it was before the case was anonymised
        clock.set(Instant.parse("2016-03-11T09:00:00Z"));
        Complaint anonymised = complaints.anonymise(closed.id(), Audit.by("dpo").because("asked by the complainant"));
        clock.set(Instant.parse("2022-03-14T09:00:00Z")); // its erasure, on 11 March 2016, has expired too

        assertEquals(List.of(), protection.anonymiseExpired(LocalDate.of(2022, 3, 14), JOB));
        assertEquals(Optional.of(anonymised), store.load(closed.id()));
    }

    @Test
    void aComplaintChangedSinceTheListWasMadeIsJudgedAgain() {
        Complaint responded = Fixtures.respond(complaints,
                Fixtures.allocated(complaints, Procedure.ADULT_SOCIAL_CARE, ServiceArea.ADULTS, "jo"));
        store.freezeListing(); // both cases as they stood on 10 March 2016
        clock.set(Instant.parse("2017-01-10T09:00:00Z"));
        complaints.execute(responded.id(), new Command.ReferToOmbudsman(), Fixtures.OFFICER); // kept to 2023-01-10
        clock.set(Instant.parse("2023-01-11T09:00:00Z"));

        assertEquals(List.of(closed.id()), protection.anonymiseExpired(LocalDate.of(2023, 1, 10), JOB).stream()
                .map(Complaint::id).toList(), "the referred case, judged again after its version moved on, is kept");
        assertTrue(store.personalData(responded.id()).isPresent());

        List<Complaint> anonymised = protection.anonymiseExpired(LocalDate.of(2023, 1, 11), JOB);
        assertEquals(List.of(responded.id()), anonymised.stream().map(Complaint::id).toList(),
                "the referred case expired the day after; the other, anonymised since the list was made, is left");
        assertTrue(anonymised.get(0).personalDataErased());
        assertEquals(Optional.empty(), store.personalData(responded.id()));
    }

    @Test
    void aRunThatKeepsMeetingConcurrentChangesGivesUpAfterThreeAttempts() {
        clock.set(Instant.parse("2022-03-11T09:00:00Z"));
        store.refuseErasures();

        assertThrows(VersionConflictException.class, () -> protection.anonymiseExpired(EXPIRED_ON, JOB));

        assertEquals(3, store.refusedErasures);
        assertTrue(store.personalData(closed.id()).isPresent());
    }

    /**
     * The reference store, whose list of closed complaints with personal data can be frozen as it stood, and
     * which can refuse every erasure as if another node had just changed the complaint.
     */
    private static final class StaleListingStore extends ForwardingStore {
        private List<Complaint> frozen;
        private boolean refusingErasures;
        int refusedErasures;

        StaleListingStore() {
            super(ReferenceStore.correct());
        }

        void freezeListing() {
            frozen = new ArrayList<>(store.find(ComplaintQuery.builder().personalDataErased(false)
                    .limit(ComplaintQuery.MAX_LIMIT).build()).items());
        }

        void refuseErasures() {
            refusingErasures = true;
        }

        @Override
        public Page<Complaint> find(ComplaintQuery query) {
            return frozen != null ? new Page<>(frozen.stream().filter(c -> query.matches(c, Optional.empty()))
                    .toList(), Optional.empty()) : store.find(query);
        }

        @Override
        public void append(Commit commit) {
            if (refusingErasures && commit.erasePersonalData()) {
                refusedErasures++;
                throw new VersionConflictException(commit.id(), commit.expectedVersion(),
                        commit.expectedVersion() + 1);
            }
            store.append(commit);
        }
    }
}
