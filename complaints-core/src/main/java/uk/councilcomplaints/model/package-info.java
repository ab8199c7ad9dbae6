/**
 * The complaint model: the immutable {@link uk.councilcomplaints.model.Complaint} aggregate, its statuses and
 * report buckets, the value types it is made of, and the constraints on text and dates
 * ({@link uk.councilcomplaints.model.CleanText}, {@link uk.councilcomplaints.model.SupportedDate}) that commands
 * and values share. Personal data ({@link uk.councilcomplaints.model.PersonalData}) is held apart.
 */
package uk.councilcomplaints.model;
