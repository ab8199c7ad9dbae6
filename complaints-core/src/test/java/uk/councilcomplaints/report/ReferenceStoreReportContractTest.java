package uk.councilcomplaints.report;

import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.testing.ReferenceStore;

/** The report contract passes on the simplest correct store. */
class ReferenceStoreReportContractTest extends ReportContract {

    @Override
    protected ComplaintStore createStore() {
        return ReferenceStore.correct();
    }
}
