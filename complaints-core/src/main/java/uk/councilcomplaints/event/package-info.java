/** The history: immutable events with the time each happened and the time it was recorded, and the fold that turns a history into the state as of any instant, as known at any instant. */
package uk.councilcomplaints.event;
