package uk.councilcomplaints.workflow;

import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.testing.ReferenceStore;

/** The hostile input corpus on the simplest correct store. */
class ReferenceStoreHostileInputTest extends HostileInputContract {

    @Override
    protected ComplaintStore createStore() {
        return ReferenceStore.correct();
    }
}
