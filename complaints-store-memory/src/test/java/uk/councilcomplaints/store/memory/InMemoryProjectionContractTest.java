package uk.councilcomplaints.store.memory;

import uk.councilcomplaints.report.ProjectionContract;
import uk.councilcomplaints.store.ComplaintStore;

class InMemoryProjectionContractTest extends ProjectionContract {

    @Override
    protected ComplaintStore createStore() {
        return new InMemoryComplaintStore();
    }
}
