package uk.councilcomplaints.store.memory;

import uk.councilcomplaints.queue.WorkQueueContract;
import uk.councilcomplaints.store.ComplaintStore;

class InMemoryWorkQueueTest extends WorkQueueContract {

    @Override
    protected ComplaintStore createStore() {
        return new InMemoryComplaintStore();
    }
}
