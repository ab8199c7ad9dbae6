package uk.councilcomplaints.spring.boot;

import uk.councilcomplaints.store.ComplaintStore;

/** Wraps the store the auto-configured facade is built on (for metrics); names no optional type. */
@FunctionalInterface
interface StoreDecorator {
    ComplaintStore decorate(ComplaintStore store);
}
