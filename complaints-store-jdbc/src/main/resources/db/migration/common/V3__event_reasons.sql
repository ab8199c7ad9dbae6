-- Council complaints, schema version 3: the events' reasons in a table of their own. A reason is free text
-- an officer wrote and may hold personal data, so erasing a complaint's personal data rewrites its events'
-- reasons here, and complaint_events is only ever inserted into. One row per event that has a reason.

CREATE TABLE event_reasons (
    council_id             VARCHAR(64)   NOT NULL,
    complaint_id           UUID          NOT NULL,
    version                BIGINT        NOT NULL,
    reason                 VARCHAR(2000) NOT NULL,
    CONSTRAINT event_reasons_pk PRIMARY KEY (council_id, complaint_id, version),
    CONSTRAINT event_reasons_event_fk FOREIGN KEY (council_id, complaint_id, version)
        REFERENCES complaint_events (council_id, complaint_id, version)
);

INSERT INTO event_reasons (council_id, complaint_id, version, reason)
    SELECT council_id, complaint_id, version, reason FROM complaint_events WHERE reason IS NOT NULL;

ALTER TABLE complaint_events DROP COLUMN reason;
