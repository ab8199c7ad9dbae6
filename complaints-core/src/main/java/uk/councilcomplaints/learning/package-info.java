/**
 * What a complaint's record holds beyond its status, for learning and accountability: why it was refused, its
 * themes, payments offered, refused escalations, the Ombudsman's involvement and the learning actions agreed
 * from it ({@link uk.councilcomplaints.learning.CaseRecord}), folded from the history as every other fact is.
 */
package uk.councilcomplaints.learning;
