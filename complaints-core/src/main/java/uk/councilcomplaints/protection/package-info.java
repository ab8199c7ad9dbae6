/**
 * Data protection: how long each procedure's personal data is kept after a complaint closes
 * ({@link uk.councilcomplaints.protection.RetentionPolicy}), and everything held about one complainant
 * ({@link uk.councilcomplaints.protection.SubjectAccessReport}). The {@code Complaints} facade anonymises and
 * answers subject access requests with them; anonymising is the one erasure command, so no report changes.
 */
package uk.councilcomplaints.protection;
