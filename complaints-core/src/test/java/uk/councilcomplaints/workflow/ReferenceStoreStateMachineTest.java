package uk.councilcomplaints.workflow;

import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.testing.ReferenceStore;

/** The state machine contract passes on the simplest correct store. */
class ReferenceStoreStateMachineTest extends StateMachineContract {

    @Override
    protected ComplaintStore createStore() {
        return ReferenceStore.correct();
    }

    @Override
    protected ComplaintStore createEmptyStore() {
        return ReferenceStore.correct();
    }
}
