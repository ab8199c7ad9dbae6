package uk.councilcomplaints.feed;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.testing.ReferenceStore;

/** The feed contract fails a store that feeds the events of a failed batch, or skips one at each page boundary. */
class BrokenStoresFailTheFeedContractTest {

    private static FeedContract over(ReferenceStore.Flaw flaw) {
        return new FeedContract() {
            @Override
            protected ComplaintStore createStore() {
                return ReferenceStore.with(flaw);
            }

            @Override
            protected ComplaintStore otherNode(ComplaintStore store) {
                return store;
            }
        };
    }

    @Test
    void aStoreFeedingAFailedBatchFails() {
        assertThrows(AssertionError.class,
                () -> over(ReferenceStore.Flaw.FEEDS_FAILED_BATCHES).aFailedBatchLeavesNothingInTheFeedAndReasonsStayOut());
    }

    @Test
    void aStoreSkippingAnEventAtEachPageBoundaryFails() {
        assertThrows(AssertionError.class,
                () -> over(ReferenceStore.Flaw.SKIPS_AT_PAGE_BOUNDARIES).everyStoredEventOnceInOrderWhateverThePageSizes());
    }
}
