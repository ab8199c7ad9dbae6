-- H2: character strings compare as Java strings (UTF-16 code units), so references sort by a generated
-- column of their UTF-8 bytes (binary strings compare as unsigned bytes), indexed for keyset paging.

ALTER TABLE complaints ADD COLUMN reference_order VARBINARY(800) GENERATED ALWAYS AS (CAST(reference AS VARBINARY(800)));

CREATE INDEX complaints_by_reference_order ON complaints (council_id, reference_order, id);
