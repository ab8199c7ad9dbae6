/** The complaint model: the immutable {@link uk.councilcomplaints.model.Complaint} aggregate, its statuses and report buckets, and the value types it is made of. Personal data ({@link uk.councilcomplaints.model.PersonalData}) is held apart. */
package uk.councilcomplaints.model;
