-- PostgreSQL: the rows that happened before an instant, as one range of an index that also holds every
-- column a count reads, so a count is an index-only scan once the table is vacuumed.

CREATE INDEX report_projection_by_occurred ON report_projection (council_id, occurred_at)
    INCLUDE (recorded_at, next_occurred_at, next_recorded_at, bucket, classification, procedure_code, stage,
        service_area_code, service_area_name, officer, team, complaint_id, version, received_day);
