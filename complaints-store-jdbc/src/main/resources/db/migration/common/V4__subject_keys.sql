-- The keys a complainant's personal data is found by in a subject access request, computed by the library
-- (uk.councilcomplaints.store.SubjectKeys: Unicode NFKC, full case folding, white space collapsed; the plain
-- name key without accents). Rows stored before this version get them from ComplaintsSchema.migrate, or from
-- JdbcComplaintStore.rebuildProjection() after a Flyway migration.
ALTER TABLE complainants ADD COLUMN name_key VARCHAR(500);
ALTER TABLE complainants ADD COLUMN plain_name_key VARCHAR(500);
ALTER TABLE complainants ADD COLUMN email_key VARCHAR(500);
CREATE INDEX complainants_name_key ON complainants (council_id, name_key);
CREATE INDEX complainants_plain_name_key ON complainants (council_id, plain_name_key);
CREATE INDEX complainants_email_key ON complainants (council_id, email_key);
