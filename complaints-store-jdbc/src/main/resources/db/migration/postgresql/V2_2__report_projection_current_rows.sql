-- PostgreSQL: the rows current at an instant as two ranges of index, each holding every column a count reads
-- (index-only scans once vacuumed): the last rows of their complaints by when they happened, and the rows
-- followed by a later event by when that event was recorded. A count no longer reads the rows whose next
-- event happened and was known by then, most of the table; the index on occurred_at loses its columns.

CREATE INDEX report_projection_last_by_occurred ON report_projection (council_id, occurred_at)
    INCLUDE (recorded_at, bucket, classification, procedure_code, stage, service_area_code, service_area_name,
        officer, team, complaint_id, version, received_day)
    WHERE next_occurred_at IS NULL;

CREATE INDEX report_projection_followed_by_next_recorded ON report_projection (council_id, next_recorded_at)
    INCLUDE (occurred_at, recorded_at, next_occurred_at, bucket, classification, procedure_code, stage,
        service_area_code, service_area_name, officer, team, complaint_id, version, received_day)
    WHERE next_recorded_at IS NOT NULL;

DROP INDEX report_projection_by_occurred;

CREATE INDEX report_projection_by_occurred ON report_projection (council_id, occurred_at);
