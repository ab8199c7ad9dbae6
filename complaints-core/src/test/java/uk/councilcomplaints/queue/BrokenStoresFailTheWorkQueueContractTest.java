package uk.councilcomplaints.queue;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static uk.councilcomplaints.testing.SuiteRun.failureOf;

import org.junit.jupiter.api.Test;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.testing.ReferenceStore;
import uk.councilcomplaints.testing.ReferenceStore.Flaw;

/**
 * The work-queue contract catches a store that keeps a stopped clock and one that keeps stale rows: the named
 * checks fail on copies of the reference store with those flaws, and pass on the correct one
 * ({@link ReferenceStoreWorkQueueTest}). The suites over flawed stores are nested classes, which surefire does not
 * run by themselves.
 */
class BrokenStoresFailTheWorkQueueContractTest {

    static class KeepsStoppedClocks extends WorkQueueContract {
        @Override
        protected ComplaintStore createStore() {
            return ReferenceStore.with(Flaw.KEEPS_STOPPED_CLOCKS);
        }
    }

    static class KeepsStaleClockRows extends WorkQueueContract {
        @Override
        protected ComplaintStore createStore() {
            return ReferenceStore.with(Flaw.KEEPS_STALE_CLOCK_ROWS);
        }
    }

    @Test
    void keepingAStoppedClockFailsTheContract() {
        assertInstanceOf(AssertionError.class, failureOf(KeepsStoppedClocks.class,
                "everyCommitLeavesTheComplaintsClocksAsComputedAndAStoppedClockGoes"));
        assertInstanceOf(AssertionError.class, failureOf(KeepsStoppedClocks.class,
                "theQueueListsExactlyTheClocksTheFoldFindsBreachedOrAtRiskInDueOrder"));
    }

    @Test
    void keepingStaleRowsFailsTheContract() {
        assertInstanceOf(AssertionError.class, failureOf(KeepsStaleClockRows.class,
                "everyCommitLeavesTheComplaintsClocksAsComputedAndAStoppedClockGoes"));
        assertInstanceOf(AssertionError.class, failureOf(KeepsStaleClockRows.class,
                "twoFacadesCommandingTheSameComplaintsLeaveTheClocksOfTheFinalState"));
    }
}
