-- H2: the work queues' indexes, in the queues' order: running clocks by due instant (paused rows, with no due
-- instant, sort first and a due bound skips them), an officer's by due instant, paused clocks by when they were
-- paused. H2 has no partial indexes. Texts get room for twice their limits, as in 2.3.

ALTER TABLE running_clocks ALTER COLUMN service_area_name SET DATA TYPE VARCHAR(200);
ALTER TABLE running_clocks ALTER COLUMN officer SET DATA TYPE VARCHAR(400);
ALTER TABLE running_clocks ALTER COLUMN team SET DATA TYPE VARCHAR(400);

CREATE INDEX running_clocks_by_due ON running_clocks (council_id, due, complaint_id, stage, kind);

CREATE INDEX running_clocks_by_officer ON running_clocks (council_id, officer, due, complaint_id, stage, kind);

CREATE INDEX running_clocks_by_paused ON running_clocks (council_id, paused_since, complaint_id, stage, kind);
