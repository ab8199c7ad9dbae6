package uk.councilcomplaints.store.memory;

import uk.councilcomplaints.protection.DataProtectionContract;
import uk.councilcomplaints.store.ComplaintStore;

class InMemoryDataProtectionContractTest extends DataProtectionContract {

    @Override
    protected ComplaintStore createStore() {
        return new InMemoryComplaintStore();
    }
}
