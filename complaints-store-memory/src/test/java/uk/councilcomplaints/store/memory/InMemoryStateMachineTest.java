package uk.councilcomplaints.store.memory;

import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.workflow.StateMachineContract;

class InMemoryStateMachineTest extends StateMachineContract {

    @Override
    protected ComplaintStore createStore() {
        return new InMemoryComplaintStore();
    }

    @Override
    protected ComplaintStore createEmptyStore() {
        return new InMemoryComplaintStore();
    }
}
