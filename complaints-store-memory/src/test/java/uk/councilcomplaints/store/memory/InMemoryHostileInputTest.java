package uk.councilcomplaints.store.memory;

import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.workflow.HostileInputContract;

class InMemoryHostileInputTest extends HostileInputContract {

    @Override
    protected ComplaintStore createStore() {
        return new InMemoryComplaintStore();
    }
}
