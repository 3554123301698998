-- Sharded outbox relay (docs/decisions/0004-outbox-shards.md). A repeatable migration, not a versioned one: the
-- platform's migrations share each service's Flyway history, where any new version number below the service's own
-- latest would be refused, and a number above would block the service's next ones. So every statement here is
-- idempotent, and Flyway runs this file after the versioned migrations and again whenever it changes.

-- Each row belongs to one shard, a function of its record key: the instance that holds a shard's lease publishes
-- the shard's rows in id order, so one key's events stay in order while several instances publish at once.
-- Rows written before this column existed go to shard 0.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS shard INT NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS outbox_event_shard_id ON outbox_event (shard, id);

-- Which relay instance publishes which shard, until when. A lease nobody renewed before expires_at is free.
CREATE TABLE IF NOT EXISTS outbox_lease (
    shard      INT PRIMARY KEY,
    owner      VARCHAR(128),
    expires_at TIMESTAMPTZ NOT NULL DEFAULT '-infinity'
);

-- The live relay instances (heartbeat), so each takes about shards / instances leases.
CREATE TABLE IF NOT EXISTS outbox_relay_instance (
    owner      VARCHAR(128) PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);

-- No more NOTIFY on every commit: the committing instance wakes its relay in-process, the others poll.
DROP TRIGGER IF EXISTS outbox_event_inserted ON outbox_event;
DROP FUNCTION IF EXISTS outbox_event_notify();

-- A row without payload is a tombstone: published with no value, so a compacted topic forgets its key.
ALTER TABLE outbox_event ALTER COLUMN payload DROP NOT NULL;

-- Tracing (docs/running.md#tracing): the W3C trace context of the transaction that wrote the row, which the relay
-- puts in the record's 'traceparent' header; null when tracing is off.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS traceparent VARCHAR(64);
