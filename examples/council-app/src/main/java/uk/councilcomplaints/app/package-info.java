/**
 * The reference app: pages (controllers and Thymeleaf templates styled with GOV.UK Frontend), sign-in and roles,
 * the access log of personal data, and the demonstration data loaded on first start.
 */
package uk.councilcomplaints.app;
