/**
 * The JDBC {@link uk.councilcomplaints.store.ComplaintStore}: {@link uk.councilcomplaints.store.jdbc.JdbcComplaintStore}
 * over H2 or PostgreSQL, its schema scripts ({@link uk.councilcomplaints.store.jdbc.ComplaintsSchema}) and its
 * options.
 */
package uk.councilcomplaints.store.jdbc;
