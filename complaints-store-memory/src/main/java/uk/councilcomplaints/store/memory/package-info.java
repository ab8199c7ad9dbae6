/** The in-memory {@link uk.councilcomplaints.store.ComplaintStore}. */
package uk.councilcomplaints.store.memory;
