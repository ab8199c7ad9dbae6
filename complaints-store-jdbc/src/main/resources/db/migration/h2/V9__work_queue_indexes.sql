-- H2: the work queues' lookups, as PostgreSQL's version 9 (H2 has no partial indexes): a team's running clocks by
-- due instant, one kind's (the triage queue), and the bases of the council's clock rows, so that its lowest and
-- highest tell whether any row was computed under another SLA policy or calendar than the one asking.

CREATE INDEX running_clocks_by_team ON running_clocks (council_id, team, due, complaint_id, stage, kind);

CREATE INDEX running_clocks_by_kind ON running_clocks (council_id, kind, due, complaint_id, stage);

CREATE INDEX running_clocks_by_basis ON running_clocks (council_id, basis);
