-- Council complaints, schema version 5: the work queues. One row per clock still running or paused on a
-- complaint after its latest commit, computed by the library (uk.councilcomplaints.sla.DueClock) and replaced by
-- every commit on the complaint, with what a queue shows and filters by, so a queue is one indexed read. A running
-- clock has its due instant, day and at-risk instant; a paused one only the instant its pause began. Stage is its
-- number and kind the ordinal of uk.councilcomplaints.sla.ClockKind, so that ORDER BY gives the queues' order
-- (due or paused instant, complaint, stage, kind). basis fingerprints the SLA policy and calendar that computed
-- the row. A database migrated from version 4 starts with no rows: the facade's WorkQueues.rebuildClocks() fills
-- them (the store alone cannot: it knows no policy or calendar). Holds no personal data.

CREATE TABLE running_clocks (
    council_id             VARCHAR(64)   NOT NULL,
    complaint_id           UUID          NOT NULL,
    stage                  SMALLINT      NOT NULL,
    kind                   SMALLINT      NOT NULL,
    due                    TIMESTAMP(6) WITH TIME ZONE,
    due_date               DATE,
    at_risk_from           TIMESTAMP(6) WITH TIME ZONE,
    paused_since           TIMESTAMP(6) WITH TIME ZONE,
    working_days_left      INTEGER       NOT NULL,
    extension_working_days INTEGER       NOT NULL,
    date_agreed            BOOLEAN       NOT NULL,
    reference              VARCHAR(200)  NOT NULL,
    status                 VARCHAR(32)   NOT NULL,
    procedure_code         VARCHAR(32)   NOT NULL,
    service_area_code      VARCHAR(40)   NOT NULL,
    service_area_name      VARCHAR(100)  NOT NULL,
    officer                VARCHAR(200),
    team                   VARCHAR(200),
    received_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    basis                  BIGINT        NOT NULL,
    CONSTRAINT running_clocks_pk PRIMARY KEY (council_id, complaint_id, stage, kind),
    CONSTRAINT running_clocks_due_or_paused CHECK ((due IS NULL) = (paused_since IS NOT NULL)
        AND (due IS NULL) = (due_date IS NULL) AND (due IS NULL) = (at_risk_from IS NULL)),
    CONSTRAINT running_clocks_complaint_fk FOREIGN KEY (council_id, complaint_id)
        REFERENCES complaints (council_id, id)
);
