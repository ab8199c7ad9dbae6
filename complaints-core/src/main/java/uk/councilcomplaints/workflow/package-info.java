/** The API a council's app calls ({@link uk.councilcomplaints.workflow.Complaints}): validated commands, the transition table and its guards. */
package uk.councilcomplaints.workflow;
