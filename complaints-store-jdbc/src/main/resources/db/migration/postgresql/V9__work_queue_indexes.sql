-- PostgreSQL: the work queues' lookups, partial as version 5.1's. A team's running clocks by due instant, and one
-- kind's (the triage queue), so that their first page is the first rows of one index range instead of a walk
-- along running_clocks_by_due past other teams' or kinds' rows. And the bases of the council's clock rows, so that
-- its lowest and highest (two reads at the ends of this small index) tell whether any row was computed under
-- another SLA policy or calendar than the one asking, without reading the rows (the first queue read of every
-- facade asks).

CREATE INDEX running_clocks_by_team ON running_clocks (council_id, team, due, complaint_id, stage, kind)
    WHERE due IS NOT NULL;

CREATE INDEX running_clocks_by_kind ON running_clocks (council_id, kind, due, complaint_id, stage)
    WHERE due IS NOT NULL;

CREATE INDEX running_clocks_by_basis ON running_clocks (council_id, basis);
