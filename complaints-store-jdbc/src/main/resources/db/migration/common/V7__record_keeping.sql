-- Council complaints, schema version 7: the record a council keeps for learning and for the Complaint Handling
-- Code's annual report. New columns of complaint_events, filled only by the event types that carry them (see
-- uk.councilcomplaints.event.EventData): the exclusion a complaint was refused for; its themes (codes joined by
-- commas); a payment in pence (a response's financial remedy, or the Ombudsman's recommended one); the
-- Ombudsman's decision; a due day and a done day (remedies due and complied with; a learning action due and
-- done); a learning action's number and its text (what will change, or the evidence it did), written by staff and
-- published, so never personal data; and the complaints a learning action is also linked to (ids joined by
-- commas). Existing rows keep NULL in each. No data moves. IF NOT EXISTS: a rerun after a stop part-way adds the rest.

ALTER TABLE complaint_events ADD COLUMN IF NOT EXISTS exclusion VARCHAR(32);

ALTER TABLE complaint_events ADD COLUMN IF NOT EXISTS themes VARCHAR(500);

ALTER TABLE complaint_events ADD COLUMN IF NOT EXISTS payment_pence BIGINT;

ALTER TABLE complaint_events ADD COLUMN IF NOT EXISTS ombudsman_decision VARCHAR(40);

ALTER TABLE complaint_events ADD COLUMN IF NOT EXISTS due_date DATE;

ALTER TABLE complaint_events ADD COLUMN IF NOT EXISTS done_date DATE;

ALTER TABLE complaint_events ADD COLUMN IF NOT EXISTS action_number INTEGER;

ALTER TABLE complaint_events ADD COLUMN IF NOT EXISTS details VARCHAR(500);

ALTER TABLE complaint_events ADD COLUMN IF NOT EXISTS linked_complaints VARCHAR(2000);
