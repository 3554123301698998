-- The session core (docs/sessions.md). An ended interaction's session is removed from the compacted 'sessions'
-- topic by a tombstone once its grace period is over: tombstoned_at says it was sent, the partial index finds the
-- ones due without reading the others.
ALTER TABLE interaction ADD COLUMN tombstoned_at TIMESTAMPTZ;
CREATE INDEX interaction_ended_due ON interaction (updated_at) WHERE state = 'ended' AND tombstoned_at IS NULL;

-- Retention (rapport.retention.tables) deletes old timeline entries by time.
CREATE INDEX timeline_entry_at ON timeline_entry (at);
