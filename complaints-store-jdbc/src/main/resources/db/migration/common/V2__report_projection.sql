-- Council complaints, schema version 2: the report projection. One row per event holding the complaint's
-- state after it in the fields reports group and filter by, with the event's two times and the next event's
-- (empty for the last row), so a report as of a day, known at an instant, is one range-filtered GROUP BY.
-- Rebuilt from complaint_events when lost (JdbcComplaintStore.rebuildProjection); holds no personal data.
-- Rows of complaints stored before this version are filled in by ComplaintsSchema.migrate, or, after
-- Flyway, by JdbcComplaintStore.rebuildProjection.

CREATE TABLE report_projection (
    council_id             VARCHAR(64)   NOT NULL,
    complaint_id           UUID          NOT NULL,
    version                BIGINT        NOT NULL,
    occurred_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    next_occurred_at       TIMESTAMP(6) WITH TIME ZONE,
    next_recorded_at       TIMESTAMP(6) WITH TIME ZONE,
    status                 VARCHAR(32)   NOT NULL,
    bucket                 VARCHAR(32)   NOT NULL,
    classification         VARCHAR(32)   NOT NULL,
    procedure_code         VARCHAR(32)   NOT NULL,
    stage                  SMALLINT      NOT NULL,
    service_area_code      VARCHAR(40)   NOT NULL,
    service_area_name      VARCHAR(100)  NOT NULL,
    officer                VARCHAR(200),
    team                   VARCHAR(200),
    received_day           DATE          NOT NULL,
    CONSTRAINT report_projection_pk PRIMARY KEY (council_id, complaint_id, version),
    CONSTRAINT report_projection_complaint_fk FOREIGN KEY (council_id, complaint_id)
        REFERENCES complaints (council_id, id)
);
