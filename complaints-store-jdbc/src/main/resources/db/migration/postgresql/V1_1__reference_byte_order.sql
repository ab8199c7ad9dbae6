-- PostgreSQL: references sort by their UTF-8 bytes (the "C" collation) whatever the database's collation,
-- so keyset paging by reference has one order on every server. The unique index follows the column.

ALTER TABLE complaints ALTER COLUMN reference TYPE VARCHAR(200) COLLATE "C";
