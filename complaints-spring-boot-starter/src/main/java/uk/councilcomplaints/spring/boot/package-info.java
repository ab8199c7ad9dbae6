/**
 * Spring Boot auto-configuration of the {@link uk.councilcomplaints.workflow.Complaints} facade: a JDBC store on
 * the app's {@code DataSource} (or the memory store without one), the working calendar, the SLA policy and the
 * app's {@code Clock}, each backing off when the app defines its own bean. Properties are under
 * {@code complaints.*} ({@link uk.councilcomplaints.spring.boot.ComplaintsProperties}). With spring-jdbc the store
 * joins the app's transactions, with Flyway the app's Flyway runs the store's scripts, with Actuator there is a
 * {@code complaints} health indicator, and with Micrometer meters
 * ({@link uk.councilcomplaints.spring.boot.ComplaintsAutoConfiguration} says which).
 */
package uk.councilcomplaints.spring.boot;
