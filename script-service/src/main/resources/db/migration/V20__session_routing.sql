-- What the flow asks of routing when it transfers the interaction to a queue (Session.routingPriority,
-- routingSkills, routingLanguage): built-in routing offers it by priority to an agent with the skills and language.
ALTER TABLE agent_session ADD COLUMN IF NOT EXISTS routing_priority INT NOT NULL DEFAULT 0;
ALTER TABLE agent_session ADD COLUMN IF NOT EXISTS routing_skills JSONB;
ALTER TABLE agent_session ADD COLUMN IF NOT EXISTS routing_language VARCHAR(256);
