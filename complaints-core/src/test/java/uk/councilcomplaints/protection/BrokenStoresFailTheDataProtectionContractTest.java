package uk.councilcomplaints.protection;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.councilcomplaints.testing.SuiteRun.failureOf;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.councilcomplaints.model.Complaint;
import uk.councilcomplaints.model.ComplaintId;
import uk.councilcomplaints.model.Status;
import uk.councilcomplaints.store.Commit;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.DataSubject;
import uk.councilcomplaints.testing.ForwardingStore;
import uk.councilcomplaints.testing.ReferenceStore;

/**
 * The data protection contract catches each deliberate flaw of a store, shown on the reference store behind a
 * wrapper that adds it; the correct store passes ({@link ReferenceStoreDataProtectionContractTest}).
 */
class BrokenStoresFailTheDataProtectionContractTest {

    /** The reference store, every call passed on. */
    private static class Forwarding extends ForwardingStore {
        Forwarding() {
            super(ReferenceStore.correct());
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
