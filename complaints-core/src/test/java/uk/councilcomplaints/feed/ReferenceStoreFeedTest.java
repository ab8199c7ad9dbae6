package uk.councilcomplaints.feed;

import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.testing.ReferenceStore;

class ReferenceStoreFeedTest extends FeedContract {

    @Override
    protected ComplaintStore createStore() {
        return ReferenceStore.correct();
    }

    @Override
    protected ComplaintStore otherNode(ComplaintStore store) {
        return store;
    }
}
