-- PostgreSQL: the work queues' indexes, in the queues' order, partial so each holds only the rows its queries
-- read: running clocks by due instant, an officer's running clocks by due instant, paused clocks by when they
-- were paused. A queue's first page is then the first rows of one index range.

CREATE INDEX running_clocks_by_due ON running_clocks (council_id, due, complaint_id, stage, kind)
    WHERE due IS NOT NULL;

CREATE INDEX running_clocks_by_officer ON running_clocks (council_id, officer, due, complaint_id, stage, kind)
    WHERE due IS NOT NULL;

CREATE INDEX running_clocks_by_paused ON running_clocks (council_id, paused_since, complaint_id, stage, kind)
    WHERE paused_since IS NOT NULL;
