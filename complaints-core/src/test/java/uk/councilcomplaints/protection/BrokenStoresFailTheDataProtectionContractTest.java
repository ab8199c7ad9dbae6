package uk.councilcomplaints.protection;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.councilcomplaints.testing.SuiteRun.failureOf;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.event.ComplaintEvent;
import uk.councilcomplaints.event.ComplaintHistory;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.PersonalData;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.DataSubject;
import uk.councilcomplaints.store.Page;
import uk.councilcomplaints.testing.ReferenceStore;

/**
 * The data protection contract catches each deliberate flaw of a store, shown on the reference store behind a
 * wrapper that adds it; the correct store passes ({@link ReferenceStoreDataProtectionContractTest}).
 */
class BrokenStoresFailTheDataProtectionContractTest {

    /** The reference store, every call passed on. */
    private static class Forwarding implements ComplaintStore {
        final ComplaintStore store = ReferenceStore.correct();

        @Override
        public void append(Commit commit) {
            store.append(commit);
        }

        @Override
        public Optional<Complaint> load(ComplaintId id) {
            return store.load(id);
        }

        @Override
        public List<ComplaintEvent> history(ComplaintId id) {
            return store.history(id);
        }

        @Override
        public Page<Complaint> find(ComplaintQuery query) {
            return store.find(query);
        }

        @Override
        public Stream<ComplaintHistory> histories() {
            return store.histories();
        }

        @Override
        public Optional<PersonalData> personalData(ComplaintId id) {
            return store.personalData(id);
        }

        @Override
        public long nextReferenceNumber(int year) {
            return store.nextReferenceNumber(year);
        }
    }

    /** Stores the erasure event but keeps the personal data and the reasons. */
    static class IgnoresErasure extends DataProtectionContract {
        @Override
        protected ComplaintStore createStore() {
            return new Forwarding() {
                @Override
                public void append(Commit c) {
                    store.append(new Commit(c.id(), c.expectedVersion(), c.events(), c.state(), c.personalData(),
                            false, c.projection()));
                }
            };
        }
    }

    /** Finds only the closed complaints that were responded to, not those closed for another reason. */
    static class MissesClosedOther extends DataProtectionContract {
        @Override
        protected ComplaintStore createStore() {
            return new Forwarding() {
                @Override
                public List<Complaint> closedWithPersonalData(Instant lastEventBefore) {
                    return store.closedWithPersonalData(lastEventBefore).stream()
                            .filter(c -> c.status() == Status.RESPONDED).toList();
                }
            };
        }
    }

    /** Matches email addresses and names with their case. */
    static class CaseSensitiveSubjects extends DataProtectionContract {
        @Override
        protected ComplaintStore createStore() {
            return new Forwarding() {
                @Override
                public List<ComplaintId> complaintsOf(DataSubject subject) {
                    return store.complaintsOf(subject).stream().filter(id -> personalData(id)
                            .map(p -> subject.field() == DataSubject.Field.EMAIL
                                    ? p.complainant().email().orElse("").equals(subject.value())
                                    : p.complainant().name().equals(subject.value()))
                            .orElse(false)).toList();
                }
            };
        }
    }

    @Test
    void aStoreThatIgnoresErasureFails() {
        Throwable why = failureOf(IgnoresErasure.class, "theReasonsOfEarlierEventsAreErasedWithThePersonalData");
        assertTrue(why.getMessage().contains("erased with the personal data"), why.getMessage());
        failureOf(IgnoresErasure.class, "anonymisingChangesNoReportAndErasesOnlyPersonalData");
    }

    @Test
    void aStoreThatMissesComplaintsClosedForAnotherReasonFails() {
        Throwable why = failureOf(MissesClosedOther.class,
                "personalDataIsKeptToTheEndOfTheRetentionPeriodAndAnonymisedTheDayAfter");
        assertTrue(why.getMessage().contains("anonymised the day after"), why.getMessage());
    }

    @Test
    void aStoreThatMatchesSubjectsWithTheirCaseFails() {
        Throwable why = failureOf(CaseSensitiveSubjects.class,
                "aSubjectAccessRequestFindsExactlyTheSubjectsComplaintsInItsCouncil");
        assertTrue(why.getMessage().contains("Property falsified"), why.getMessage());
    }
}
