-- Interactions as script-service knows them from the IVR and telephony events. One row per interaction; version
-- grows with every change and numbers the session states published on 'sessions'.
CREATE TABLE interaction (
    id          VARCHAR(128) PRIMARY KEY,
    state       VARCHAR(16)  NOT NULL,
    ani         VARCHAR(64),
    dnis        VARCHAR(64),
    attributes  JSONB        NOT NULL DEFAULT '{}'::jsonb,
    queue_id    VARCHAR(128),
    queue_name  VARCHAR(256),
    agent_id    VARCHAR(128),
    agent_name  VARCHAR(256),
    agent_email VARCHAR(256),
    version     BIGINT       NOT NULL,
    started_at  TIMESTAMPTZ,
    updated_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX interaction_agent ON interaction (agent_id) WHERE state <> 'ended';
