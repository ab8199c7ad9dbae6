package uk.councilcomplaints.store;

import uk.councilcomplaints.testing.ReferenceStore;

/** The store contract passes on the simplest correct store, so a failure on a broken copy is the flaw's. */
class ReferenceStoreContractTest extends ComplaintStoreContract {

    @Override
    protected ComplaintStore createStore() {
        return ReferenceStore.correct();
    }
}
