-- Integrations (with their credentials, encrypted with AES-GCM), data actions with their draft, published versions
-- (immutable; executions pin one), the execution log and the results of Kafka requests (idempotency).
CREATE TABLE integration (
    id                    VARCHAR(64)  PRIMARY KEY,
    name                  VARCHAR(256) NOT NULL,
    integration_type      VARCHAR(64)  NOT NULL,
    credential_type       VARCHAR(64),
    credential_fields     JSONB,
    credential_ciphertext BYTEA,
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL
);

CREATE TABLE data_action (
    id             VARCHAR(80)  PRIMARY KEY,
    integration_id VARCHAR(64)  NOT NULL REFERENCES integration (id),
    name           VARCHAR(256) NOT NULL,
    category       VARCHAR(256) NOT NULL,
    latest_version INT,
    draft          JSONB,
    draft_version  INT          NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX data_action_integration ON data_action (integration_id);

CREATE TABLE data_action_version (
    action_id    VARCHAR(80)  NOT NULL REFERENCES data_action (id) ON DELETE CASCADE,
    version      INT          NOT NULL,
    name         VARCHAR(256) NOT NULL,
    category     VARCHAR(256) NOT NULL,
    secure       BOOLEAN      NOT NULL,
    config       JSONB        NOT NULL,
    contract     JSONB        NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (action_id, version)
);

-- Inputs and outputs of secure actions are stored masked.
CREATE TABLE action_execution (
    id             BIGSERIAL    PRIMARY KEY,
    action_id      VARCHAR(80)  NOT NULL,
    action_version INT,
    interaction_id VARCHAR(128),
    request_id     VARCHAR(128),
    source         VARCHAR(16)  NOT NULL,
    outcome        VARCHAR(16)  NOT NULL,
    inputs         JSONB,
    outputs        JSONB,
    error          JSONB,
    duration_ms    BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX action_execution_action ON action_execution (action_id, created_at DESC);
CREATE INDEX action_execution_interaction ON action_execution (interaction_id, created_at DESC);

-- One row per action request id, claimed before the action runs (result null while it runs): a redelivered request
-- publishes the stored result again instead of running twice; a claim older than a few minutes (a crash) is taken over.
CREATE TABLE action_result (
    request_id     VARCHAR(128) PRIMARY KEY,
    interaction_id VARCHAR(128) NOT NULL,
    result         JSONB,
    claimed_at     TIMESTAMPTZ  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);
