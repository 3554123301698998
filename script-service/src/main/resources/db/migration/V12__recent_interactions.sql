-- The admin console lists the latest interactions (all, or those that opened one script) newest first: both reads
-- take the first rows of an index instead of sorting every interaction ever recorded.
CREATE INDEX interaction_recent ON interaction (started_at DESC NULLS LAST, updated_at DESC);
CREATE INDEX agent_session_script ON agent_session (script_id);
