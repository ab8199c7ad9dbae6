package uk.councilcomplaints.store.memory;

import uk.councilcomplaints.report.ReportContract;
import uk.councilcomplaints.store.ComplaintStore;

class InMemoryReportContractTest extends ReportContract {

    @Override
    protected ComplaintStore createStore() {
        return new InMemoryComplaintStore();
    }
}
