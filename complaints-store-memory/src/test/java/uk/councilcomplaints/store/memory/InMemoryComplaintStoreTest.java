package uk.councilcomplaints.store.memory;

import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.store.ComplaintStoreContract;

class InMemoryComplaintStoreTest extends ComplaintStoreContract {

    @Override
    protected ComplaintStore createStore() {
        return new InMemoryComplaintStore();
    }
}
