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
import uk.councilcomplaints.store.ComplaintQuery;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.DataSubject;
import uk.councilcomplaints.store.Page;
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
                public Page<Complaint> find(ComplaintQuery query) {
                    Page<Complaint> page = store.find(query);
                    return query.lastEventBefore().isEmpty() ? page : new Page<>(page.items().stream()
                            .filter(c -> c.status() == Status.RESPONDED).toList(), page.next());
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
                public Page<Complaint> find(ComplaintQuery query) {
                    Page<Complaint> page = store.find(query);
                    if (query.subject().isEmpty()) {
                        return page;
                    }
                    DataSubject subject = query.subject().get();
                    return new Page<>(page.items().stream().filter(c -> personalData(c.id())
                            .map(p -> subject.field() == DataSubject.Field.EMAIL
                                    ? p.complainant().email().orElse("").equals(subject.value())
                                    : p.complainant().name().equals(subject.value()))
                            .orElse(false)).toList(), page.next());
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
