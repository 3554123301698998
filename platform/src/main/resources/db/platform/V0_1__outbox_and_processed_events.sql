-- The transactional outbox: a service writes its events here in the transaction that makes the change;
-- the relay publishes them to Kafka in id order and deletes what the broker acknowledged.
CREATE TABLE outbox_event (
    id             BIGSERIAL PRIMARY KEY,
    event_id       VARCHAR(64)  NOT NULL,
    topic          VARCHAR(255) NOT NULL,
    record_key     VARCHAR(512),
    type           VARCHAR(255) NOT NULL,
    source         VARCHAR(255) NOT NULL,
    correlation_id VARCHAR(128),
    payload        TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Wake the relay at commit instead of making it poll: NOTIFY is delivered when the inserting transaction commits.
CREATE FUNCTION outbox_event_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('rapport_outbox', '');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER outbox_event_inserted AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();

-- The events a consumer has handled, so a redelivered event changes nothing the second time.
CREATE TABLE processed_event (
    consumer   VARCHAR(128) NOT NULL,
    event_id   VARCHAR(128) NOT NULL,
    handled_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_event_handled_at ON processed_event (handled_at);
