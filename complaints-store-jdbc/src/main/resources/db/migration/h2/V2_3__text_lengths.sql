-- H2: a VARCHAR's length counts UTF-16 code units, the core's limits count characters (code points), so a text
-- of emoji at its limit takes twice the units. Every column holding a user's text gets room for twice its limit;
-- the core's validation keeps the limit itself. The summary's limit is 10,000 characters.

ALTER TABLE complaints ALTER COLUMN service_area_name SET DATA TYPE VARCHAR(200);
ALTER TABLE complaints ALTER COLUMN officer SET DATA TYPE VARCHAR(400);
ALTER TABLE complaints ALTER COLUMN team SET DATA TYPE VARCHAR(400);
ALTER TABLE complaints ALTER COLUMN previous_stage_officer SET DATA TYPE VARCHAR(400);

ALTER TABLE complaint_events ALTER COLUMN actor SET DATA TYPE VARCHAR(400);
ALTER TABLE complaint_events ALTER COLUMN reason SET DATA TYPE VARCHAR(4000);
ALTER TABLE complaint_events ALTER COLUMN service_area_name SET DATA TYPE VARCHAR(200);
ALTER TABLE complaint_events ALTER COLUMN officer SET DATA TYPE VARCHAR(400);
ALTER TABLE complaint_events ALTER COLUMN team SET DATA TYPE VARCHAR(400);

ALTER TABLE complainants ALTER COLUMN complainant_name SET DATA TYPE VARCHAR(400);
ALTER TABLE complainants ALTER COLUMN email SET DATA TYPE VARCHAR(508);
ALTER TABLE complainants ALTER COLUMN phone SET DATA TYPE VARCHAR(80);
ALTER TABLE complainants ALTER COLUMN address SET DATA TYPE VARCHAR(1000);
ALTER TABLE complainants ALTER COLUMN summary SET DATA TYPE VARCHAR(20000);

ALTER TABLE report_projection ALTER COLUMN service_area_name SET DATA TYPE VARCHAR(200);
ALTER TABLE report_projection ALTER COLUMN officer SET DATA TYPE VARCHAR(400);
ALTER TABLE report_projection ALTER COLUMN team SET DATA TYPE VARCHAR(400);
