-- PostgreSQL: a cohort's count decides whether each complaint in flight was open at the cohort's start from the
-- bucket of its last row, among the last rows recorded from an instant on. Known at an early instant that range
-- holds most complaints; the index of the last rows by record time now holds the bucket too, so the range is read
-- from the index alone rather than from the table's pages (at 1,000,000 complaints a cohort known at an instant
-- took 1.08 s, of which 0.57 s on those pages; 0.67 s with this index).

DROP INDEX report_projection_last_by_recorded;

CREATE INDEX report_projection_last_by_recorded ON report_projection (council_id, recorded_at)
    INCLUDE (occurred_at, received_day, complaint_id, bucket)
    WHERE next_occurred_at IS NULL;
