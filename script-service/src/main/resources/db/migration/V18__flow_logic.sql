-- Flow logic (issue 17): where the inbound flow waits (a data action call or a transfer to ACD), as JSON
-- {"path": [...], "step": "callDataAction" | "transferToAcd", "requestId": ...}, so another instance or a restart
-- resumes it; and what a transfer to ACD asks of routing (read by the built-in router).
ALTER TABLE agent_session ADD COLUMN flow_wait JSONB;
ALTER TABLE agent_session ADD COLUMN routing_priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agent_session ADD COLUMN routing_skills JSONB NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE agent_session ADD COLUMN routing_language VARCHAR(128);
