-- Wrap-up: the after-call work of the agent an interaction left (SessionState.Wrapup, as JSON), and whether the
-- queue the inbound flow routed it to asks for a wrap-up whatever the script says.
ALTER TABLE agent_session ADD COLUMN wrapup JSONB;
ALTER TABLE agent_session ADD COLUMN queue_wrapup_required BOOLEAN NOT NULL DEFAULT false;
