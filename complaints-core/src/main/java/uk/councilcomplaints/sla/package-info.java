/** Service-level timescales: the working-day calendar and the targets each procedure sets. */
package uk.councilcomplaints.sla;
