-- Genesys's Conversations API over Rapport's interactions (package conversations, docs/script-service.md).

-- The external tag of a conversation (PUT /api/v2/conversations/{id}/tags): an interaction or a callback. Kept
-- apart from the interaction row, which the session core alone writes.
CREATE TABLE conversation_tag (
    conversation_id VARCHAR(128) PRIMARY KEY,
    external_tag    VARCHAR(256) NOT NULL,
    updated_by      VARCHAR(256),
    updated_at      TIMESTAMPTZ  NOT NULL
);

-- A callback asked for through POST /api/v2/conversations/callbacks, tied to no live interaction: its id is the
-- conversation id, the interaction id the telephony side uses when it places the call. The scheduleCallback command
-- that asked the telephony side for it went out (outbox) in the same transaction.
CREATE TABLE conversation_callback (
    id                 VARCHAR(128) PRIMARY KEY,
    command_id         VARCHAR(128) NOT NULL,
    queue_id           VARCHAR(128) NOT NULL,
    script_id          VARCHAR(128),
    callback_user_name VARCHAR(256),
    callback_numbers   JSONB        NOT NULL,
    -- what was asked (null: as soon as possible) and what the telephony side was told
    requested_time     TIMESTAMPTZ,
    scheduled_at       TIMESTAMPTZ  NOT NULL,
    priority           INTEGER      NOT NULL DEFAULT 0,
    data               JSONB        NOT NULL DEFAULT '{}'::jsonb,
    created_by         VARCHAR(256),
    created_at         TIMESTAMPTZ  NOT NULL
);
-- Retention (rapport.retention.tables) deletes callbacks whose time is long past, and tags long unchanged.
CREATE INDEX conversation_callback_scheduled ON conversation_callback (scheduled_at);
CREATE INDEX conversation_tag_updated ON conversation_tag (updated_at);
