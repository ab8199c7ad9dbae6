package uk.councilcomplaints.report;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static uk.councilcomplaints.testing.SuiteRun.failureOf;

import org.junit.jupiter.api.Test;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.testing.ReferenceStore;
import uk.councilcomplaints.testing.ReferenceStore.Flaw;

/**
 * A store that overrides {@code aggregate} is really checked: one case counted in the wrong bucket, every
 * total still adding up, fails the comparison with the oracle.
 */
class BrokenReportsFailTheContractTest {

    static class MiscountsABucket extends ReportContract {
        @Override
        protected ComplaintStore createStore() {
            return ReferenceStore.with(Flaw.MISCOUNTS_A_REPORT_BUCKET);
        }
    }

    @Test
    void aStoreThatMiscountsOneBucketFailsTheOracle() {
        assertInstanceOf(AssertionError.class,
                failureOf(MiscountsABucket.class, "theTableIsTheCompleteFoldOfEveryHistoryCountingEachMemberOnce"));
    }
}
