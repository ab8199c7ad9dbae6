-- Council complaints, schema version 1, for every database: current states, append-only events, personal
-- data apart, reference sequences. Every table leads its keys with council_id, so one database serves
-- several councils and a distributed database could shard every table by council. Instants are
-- TIMESTAMP WITH TIME ZONE to the microsecond; enums are stored by name; no serialized values.
-- Run by ComplaintsSchema.migrate, or by Flyway with db/migration/common plus the database's own folder.

CREATE TABLE complaints (
    council_id             VARCHAR(64)   NOT NULL,
    id                     UUID          NOT NULL,
    version                BIGINT        NOT NULL,
    reference              VARCHAR(200)  NOT NULL,
    classification         VARCHAR(32)   NOT NULL,
    procedure_code         VARCHAR(32)   NOT NULL,
    stage                  SMALLINT      NOT NULL,
    service_area_code      VARCHAR(40)   NOT NULL,
    service_area_name      VARCHAR(100)  NOT NULL,
    channel                VARCHAR(32)   NOT NULL,
    received_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    matter_date            DATE,
    status                 VARCHAR(32)   NOT NULL,
    officer                VARCHAR(200),
    team                   VARCHAR(200),
    previous_stage_officer VARCHAR(200),
    stage_started_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    acknowledged_at        TIMESTAMP(6) WITH TIME ZONE,
    responded_at           TIMESTAMP(6) WITH TIME ZONE,
    outcome                VARCHAR(32),
    remedies               VARCHAR(200)  NOT NULL,
    closure_reason         VARCHAR(32),
    duplicate_of           UUID,
    accepted_late          BOOLEAN       NOT NULL,
    referred_to_ombudsman  BOOLEAN       NOT NULL,
    paused                 BOOLEAN       NOT NULL,
    extension_working_days INTEGER       NOT NULL,
    agreed_response_date   DATE,
    personal_data_erased   BOOLEAN       NOT NULL,
    last_occurred_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT complaints_pk PRIMARY KEY (council_id, id),
    CONSTRAINT complaints_reference_uq UNIQUE (council_id, reference)
);

CREATE INDEX complaints_by_received ON complaints (council_id, received_at, id);

CREATE INDEX complaints_by_last_activity ON complaints (council_id, last_occurred_at, id);

CREATE INDEX complaints_by_status ON complaints (council_id, status);

CREATE INDEX complaints_by_officer ON complaints (council_id, officer);

-- One row per event, never updated. The event's data is spread over typed columns, one set per event
-- type (a column left empty where the type has no such field); remedies are enum names joined by commas.
CREATE TABLE complaint_events (
    council_id             VARCHAR(64)   NOT NULL,
    complaint_id           UUID          NOT NULL,
    version                BIGINT        NOT NULL,
    event_type             VARCHAR(40)   NOT NULL,
    status                 VARCHAR(32)   NOT NULL,
    occurred_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor                  VARCHAR(200)  NOT NULL,
    reason                 VARCHAR(2000),
    reference              VARCHAR(200),
    procedure_code         VARCHAR(32),
    service_area_code      VARCHAR(40),
    service_area_name      VARCHAR(100),
    channel                VARCHAR(32),
    matter_date            DATE,
    classification         VARCHAR(32),
    officer                VARCHAR(200),
    team                   VARCHAR(200),
    outcome                VARCHAR(32),
    remedies               VARCHAR(200),
    stage                  SMALLINT,
    closure_reason         VARCHAR(32),
    duplicate_of           UUID,
    working_days           INTEGER,
    agreed_response_date   DATE,
    late_request_accepted  BOOLEAN,
    CONSTRAINT complaint_events_pk PRIMARY KEY (council_id, complaint_id, version),
    CONSTRAINT complaint_events_complaint_fk FOREIGN KEY (council_id, complaint_id)
        REFERENCES complaints (council_id, id)
);

-- Personal data, apart from the facts reports count: erasing a complaint's personal data deletes its row.
CREATE TABLE complainants (
    council_id             VARCHAR(64)   NOT NULL,
    complaint_id           UUID          NOT NULL,
    complainant_name       VARCHAR(200)  NOT NULL,
    email                  VARCHAR(254),
    phone                  VARCHAR(40),
    address                VARCHAR(500),
    summary                VARCHAR(4000) NOT NULL,
    CONSTRAINT complainants_pk PRIMARY KEY (council_id, complaint_id),
    CONSTRAINT complainants_complaint_fk FOREIGN KEY (council_id, complaint_id)
        REFERENCES complaints (council_id, id)
);

-- The last number given for generated references, per council and year.
CREATE TABLE reference_sequences (
    council_id             VARCHAR(64)   NOT NULL,
    reference_year         INTEGER       NOT NULL,
    last_number            BIGINT        NOT NULL,
    CONSTRAINT reference_sequences_pk PRIMARY KEY (council_id, reference_year)
);
