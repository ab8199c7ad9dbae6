package uk.councilcomplaints.spring.boot;

import uk.councilcomplaints.store.ComplaintStore;

/**
 * The app's {@link ComplaintStore} as the auto-configured facade (and so its reports and queues) use it: wrapped by every
 * {@link StoreDecorator} (the meters), while the {@code ComplaintStore} bean itself stays as the app knows it.
 */
record FacadeStore(ComplaintStore store) {
}
