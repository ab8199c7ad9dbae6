package uk.councilcomplaints.store;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.councilcomplaints.testing.SuiteRun.failureOf;

import org.junit.jupiter.api.Test;
import uk.councilcomplaints.testing.ReferenceStore;
import uk.councilcomplaints.testing.ReferenceStore.Flaw;

/**
 * The store contract catches each deliberate flaw: the named check fails on a copy of the reference store
 * with the flaw, and passes on the correct one ({@link ReferenceStoreContractTest}). The suites over flawed
 * stores are nested classes, which surefire does not run by themselves.
 */
class BrokenStoresFailTheContractTest {

    static class SkipsVersionCheck extends ComplaintStoreContract {
        @Override
        protected ComplaintStore createStore() {
            return ReferenceStore.with(Flaw.SKIPS_VERSION_CHECK);
        }
    }

    static class SkipsTimeOrderCheck extends ComplaintStoreContract {
        @Override
        protected ComplaintStore createStore() {
            return ReferenceStore.with(Flaw.SKIPS_TIME_ORDER_CHECK);
        }
    }

    static class ReordersEvents extends ComplaintStoreContract {
        @Override
        protected ComplaintStore createStore() {
            return ReferenceStore.with(Flaw.REORDERS_EVENTS);
        }
    }

    static class DropsRecordedTime extends ComplaintStoreContract {
        @Override
        protected ComplaintStore createStore() {
            return ReferenceStore.with(Flaw.DROPS_RECORDED_TIME);
        }
    }

    static class AllowsDuplicateReference extends ComplaintStoreContract {
        @Override
        protected ComplaintStore createStore() {
            return ReferenceStore.with(Flaw.ALLOWS_DUPLICATE_REFERENCE);
        }
    }

    static class CreateRetryIsDuplicateReference extends ComplaintStoreContract {
        @Override
        protected ComplaintStore createStore() {
            return ReferenceStore.with(Flaw.CREATE_RETRY_IS_DUPLICATE_REFERENCE);
        }
    }

    static class KeepsPersonalDataOfRefusedCreate extends ComplaintStoreContract {
        @Override
        protected ComplaintStore createStore() {
            return ReferenceStore.with(Flaw.KEEPS_PERSONAL_DATA_OF_REFUSED_CREATE);
        }
    }

    static class PagesInJavaOrder extends ComplaintStoreContract {
        @Override
        protected ComplaintStore createStore() {
            return ReferenceStore.with(Flaw.PAGES_IN_JAVA_ORDER);
        }
    }

    static class StoresAPrefix extends ComplaintStoreContract {
        @Override
        protected ComplaintStore createStore() {
            return ReferenceStore.with(Flaw.STORES_A_PREFIX);
        }
    }

    static class KeepsSubjectKeysAfterErasure extends ComplaintStoreContract {
        @Override
        protected ComplaintStore createStore() {
            return ReferenceStore.with(Flaw.KEEPS_SUBJECT_KEYS_AFTER_ERASURE);
        }
    }

    private static void assertAssertionNaming(Throwable failure, String words) {
        assertInstanceOf(AssertionError.class, failure, "a failed check, not an accident");
        assertTrue(failure.getMessage().contains(words), failure.getMessage());
    }

    @Test
    void aStoreThatSkipsTheVersionCheckLosesUpdatesUnderContention() {
        assertAssertionNaming(failureOf(SkipsVersionCheck.class, "concurrentAppendsAfterOneVersionLetExactlyOneThrough"),
                "every thread but one conflicts");
        assertInstanceOf(AssertionError.class, failureOf(SkipsVersionCheck.class, "staleVersionIsRejectedAndStoresNothing"));
    }

    @Test
    void aStoreThatSkipsCommitCheckFollowsTakesEventsDatedBeforeItsLast() {
        assertAssertionNaming(failureOf(SkipsTimeOrderCheck.class,
                "appendRefusesEventsDatedOrRecordedBeforeTheLatestStoredEvent"), "Commit.checkFollows");
    }

    @Test
    void aStoreThatReordersEventsFailsTheRoundTrip() {
        // the facade itself refuses the reordered history it reads back (ComplaintHistory checks versions)
        Throwable failure = failureOf(ReordersEvents.class, "everyEventTypeRoundTripsWithBothTimesUnchanged");
        assertTrue(failure instanceof AssertionError || failure instanceof IllegalArgumentException, failure::toString);
        assertInstanceOf(IllegalArgumentException.class, failureOf(ReordersEvents.class,
                "historiesStreamHoldsEveryComplaint"));
    }

    @Test
    void aStoreThatDropsTheRecordedTimeFailsTheRoundTrip() {
        assertAssertionNaming(failureOf(DropsRecordedTime.class, "everyEventTypeRoundTripsWithBothTimesUnchanged"),
                "recorded when the command was issued");
    }

    @Test
    void aStoreThatAllowsADuplicateReferenceIsCaught() {
        assertInstanceOf(AssertionError.class,
                failureOf(AllowsDuplicateReference.class, "referencesAreUniqueAndAClashStoresNothing"));
    }

    @Test
    void aStoreThatCallsARetriedCreateADuplicateReferenceIsCaught() {
        assertAssertionNaming(failureOf(CreateRetryIsDuplicateReference.class,
                "creatingAnExistingComplaintIsAConflict"), "must throw VersionConflictException");
        assertAssertionNaming(failureOf(CreateRetryIsDuplicateReference.class,
                "concurrentCreatesOfOneComplaintLetOneThroughAndConflictTheRest"), "must throw VersionConflictException");
    }

    @Test
    void aStoreThatKeepsPersonalDataOfARefusedCreateIsCaught() {
        assertAssertionNaming(failureOf(KeepsPersonalDataOfRefusedCreate.class,
                "personalDataIsStoredOnlyWithItsComplaint"), "personal data must be consistent with load");
    }

    @Test
    void aStoreThatPagesInJavaOrderIsCaught() {
        assertInstanceOf(AssertionError.class, failureOf(PagesInJavaOrder.class,
                "pagingWithRandomLimitsVisitsEveryMatchOnceInTheSqlOrder"));
    }

    @Test
    void aStoreThatStoresAPrefixOfAFailedBatchIsCaught() {
        assertAssertionNaming(failureOf(StoresAPrefix.class, "aBatchIsStoredWholeOrNotAtAll"),
                "nothing of a failed batch is stored");
    }

    @Test
    void aStoreThatFindsErasedPersonalDataByItsKeysIsCaught() {
        assertAssertionNaming(failureOf(KeepsSubjectKeysAfterErasure.class,
                "aSubjectIsFoundByTheKeysOfItsPersonalDataUntilTheyAreErased"), "erased personal data is found by nothing");
    }
}
