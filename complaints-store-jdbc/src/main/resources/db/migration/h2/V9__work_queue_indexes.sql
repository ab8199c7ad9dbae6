-- H2: the work queues' lookups, as PostgreSQL's version 9 (H2 has no partial indexes). The bases of the council's
-- clock rows, so that its lowest and highest tell whether any row was computed under another SLA policy or
-- calendar than the one asking.

CREATE INDEX running_clocks_by_basis ON running_clocks (council_id, basis);
