-- Flow logic (issue 17): where the inbound flow waits (a data action call or a transfer to ACD), as JSON
-- {"path": [...], "step": "callDataAction" | "transferToAcd", "requestId": ...}, so another instance or a restart
-- resumes it. What a transfer to ACD asks of routing (priority, skills, language) is in V20.
ALTER TABLE agent_session ADD COLUMN flow_wait JSONB;
