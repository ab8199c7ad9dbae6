-- PostgreSQL: the work queues' lookups. The bases of the council's clock rows, so that its lowest and highest
-- (two reads at the ends of this small index) tell whether any row was computed under another SLA policy or
-- calendar than the one asking, without reading the rows (the first queue read of every facade asks).

CREATE INDEX running_clocks_by_basis ON running_clocks (council_id, basis);
