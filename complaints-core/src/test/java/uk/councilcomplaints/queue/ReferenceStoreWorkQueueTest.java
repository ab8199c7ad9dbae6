package uk.councilcomplaints.queue;

import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.testing.ReferenceStore;

class ReferenceStoreWorkQueueTest extends WorkQueueContract {

    @Override
    protected ComplaintStore createStore() {
        return ReferenceStore.correct();
    }
}
