-- PostgreSQL: a count reads the last rows that happened by a day's end from report_projection_last_by_occurred,
-- and looks up by key (the primary key) the row current then of each complaint whose last row came later. Those
-- complaints are found among the last rows recorded from an instant on, a range of a small partial index; the
-- index of the rows by their next event's record time, which no count used and which outgrew the table, goes.
-- Version 5 is left to another change.

CREATE INDEX report_projection_last_by_recorded ON report_projection (council_id, recorded_at)
    INCLUDE (occurred_at, received_day, complaint_id)
    WHERE next_occurred_at IS NULL;

DROP INDEX report_projection_followed_by_next_recorded;
