-- The agent session of an interaction: the flow it ran, the script version it pinned and the engine's state.
CREATE TABLE agent_session (
    interaction_id VARCHAR(128) PRIMARY KEY REFERENCES interaction (id),
    flow_id        UUID,
    flow_version   INTEGER,
    flow_variables JSONB        NOT NULL DEFAULT '{}'::jsonb,
    script_id      VARCHAR(64),
    script_name    VARCHAR(256),
    script_version INTEGER,
    snapshot       JSONB,
    actions        JSONB        NOT NULL DEFAULT '[]'::jsonb,
    alerts         JSONB        NOT NULL DEFAULT '[]'::jsonb,
    -- the screen pop step's input templates, rendered again when a row the session shows changes
    screen_pop     JSONB,
    updated_at     TIMESTAMPTZ  NOT NULL
);

-- Requests sent on 'action-requests' whose result has not come back: what to continue when it does, and when to
-- stop waiting.
CREATE TABLE pending_request (
    request_id     VARCHAR(64) PRIMARY KEY,
    interaction_id VARCHAR(128) NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    run_id         VARCHAR(64),
    flow_path      JSONB,
    action_id      VARCHAR(256) NOT NULL,
    deadline       TIMESTAMPTZ  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX pending_request_deadline ON pending_request (deadline);

-- Data table rows an open session shows, so a change of the row refreshes the session.
CREATE TABLE session_row (
    table_id       VARCHAR(128) NOT NULL,
    row_key        VARCHAR(256) NOT NULL,
    interaction_id VARCHAR(128) NOT NULL,
    flow_path      JSONB        NOT NULL,
    PRIMARY KEY (table_id, row_key, interaction_id)
);

-- Everything that happened to a session, in order.
CREATE TABLE timeline_entry (
    id             BIGSERIAL PRIMARY KEY,
    interaction_id VARCHAR(128) NOT NULL,
    at             TIMESTAMPTZ  NOT NULL,
    kind           VARCHAR(48)  NOT NULL,
    summary        TEXT         NOT NULL,
    detail         JSONB
);
CREATE INDEX timeline_entry_interaction ON timeline_entry (interaction_id, id);

-- The last session state published, served by GET /api/v2/interactions/{id}/session.
ALTER TABLE interaction ADD COLUMN last_state JSONB;
