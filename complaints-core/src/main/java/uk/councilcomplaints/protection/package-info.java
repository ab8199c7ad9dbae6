/**
 * Data protection: how long each procedure's personal data is kept after a complaint closes
 * ({@link uk.councilcomplaints.protection.RetentionPolicy}), anonymising the complaints whose period ended and
 * answering subject access requests ({@link uk.councilcomplaints.protection.DataProtection}, handed out by the
 * {@code Complaints} facade's {@code dataProtection()}), and everything held about one complainant
 * ({@link uk.councilcomplaints.protection.SubjectAccessReport}). Anonymising is the one erasure command, issued
 * through the facade ({@link uk.councilcomplaints.protection.Erasure}), so no report changes. This package does
 * not depend on the workflow.
 */
package uk.councilcomplaints.protection;
