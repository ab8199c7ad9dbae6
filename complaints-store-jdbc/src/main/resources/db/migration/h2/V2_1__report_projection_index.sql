-- H2: the rows that happened before an instant, as one range of an index (H2 has no covering columns).

CREATE INDEX report_projection_by_occurred ON report_projection (council_id, occurred_at);
