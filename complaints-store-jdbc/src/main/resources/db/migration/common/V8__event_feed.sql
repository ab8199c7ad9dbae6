-- Council complaints, schema version 8: the event feed. Every event gets a position in its council's feed, taken
-- in the transaction that stores it from feed_counters, whose row stays locked until that transaction ends: the
-- next writer's positions are taken only after it commits (or rolls back, leaving no row), so positions become
-- visible in the order they are taken and a reader that has read up to a position never misses one below it.
-- The events stored before this version get positions in the order they were recorded. Holds no personal data.

CREATE TABLE feed_counters (
    council_id     VARCHAR(64)   NOT NULL,
    last_position  BIGINT        NOT NULL,
    CONSTRAINT feed_counters_pk PRIMARY KEY (council_id)
);

CREATE TABLE event_feed (
    council_id     VARCHAR(64)   NOT NULL,
    feed_position  BIGINT        NOT NULL,
    complaint_id   UUID          NOT NULL,
    version        BIGINT        NOT NULL,
    CONSTRAINT event_feed_pk PRIMARY KEY (council_id, feed_position)
);

INSERT INTO event_feed (council_id, feed_position, complaint_id, version)
SELECT council_id, ROW_NUMBER() OVER (PARTITION BY council_id ORDER BY recorded_at, complaint_id, version),
       complaint_id, version
FROM complaint_events;

INSERT INTO feed_counters (council_id, last_position)
SELECT council_id, COUNT(*) FROM complaint_events GROUP BY council_id;

-- The letter a LETTER_SENT event names (its message id goes in the details column of version 7).
ALTER TABLE complaint_events ADD COLUMN IF NOT EXISTS letter VARCHAR(40);

-- A consumer of the feed (JdbcFeedConsumer): its position per council and name. A consumer instance works with
-- this row locked, so two instances of one name never process the same events at once.
CREATE TABLE feed_consumers (
    council_id     VARCHAR(64)   NOT NULL,
    consumer_name  VARCHAR(64)   NOT NULL,
    last_position  BIGINT        NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT feed_consumers_pk PRIMARY KEY (council_id, consumer_name)
);
