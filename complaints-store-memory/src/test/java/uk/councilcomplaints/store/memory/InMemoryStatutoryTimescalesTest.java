package uk.councilcomplaints.store.memory;

import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.workflow.StatutoryTimescalesContract;

class InMemoryStatutoryTimescalesTest extends StatutoryTimescalesContract {
    @Override
    protected ComplaintStore createStore() {
        return new InMemoryComplaintStore();
    }
}
