package uk.councilcomplaints.protection;

import uk.councilcomplaints.store.ComplaintStore;
import uk.councilcomplaints.testing.ReferenceStore;

/** The data protection contract on the reference store, through the SPI's default scans. */
class ReferenceStoreDataProtectionContractTest extends DataProtectionContract {

    @Override
    protected ComplaintStore createStore() {
        return ReferenceStore.correct();
    }
}
