-- Inbound flows (Architect's part the workshop uses): an editable draft and immutable published versions.
CREATE TABLE inbound_flow (
    id              UUID PRIMARY KEY,
    name            VARCHAR(256) NOT NULL,
    description     TEXT,
    draft           JSONB        NOT NULL,
    current_version INTEGER,
    created_at      TIMESTAMPTZ  NOT NULL,
    modified_at     TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX inbound_flow_name ON inbound_flow (lower(name));

CREATE TABLE inbound_flow_version (
    flow_id      UUID         NOT NULL REFERENCES inbound_flow (id) ON DELETE CASCADE,
    version      INTEGER      NOT NULL,
    definition   JSONB        NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    published_by VARCHAR(256),
    PRIMARY KEY (flow_id, version)
);
