package uk.councilcomplaints.store.memory;

import uk.councilcomplaints.feed.FeedContract;
import uk.councilcomplaints.store.ComplaintStore;

class InMemoryFeedTest extends FeedContract {

    @Override
    protected ComplaintStore createStore() {
        return new InMemoryComplaintStore();
    }

    @Override
    protected ComplaintStore otherNode(ComplaintStore store) {
        return store; // one JVM's memory: every node of an app shares the one store
    }
}
