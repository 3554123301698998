-- Scripts: the editable draft, and immutable published versions numbered from 1. current_version is the version
-- new sessions pin (the latest published, or one made current again).
CREATE TABLE script (
    id              UUID          PRIMARY KEY,
    name            VARCHAR(256)  NOT NULL,
    description     TEXT,
    draft           JSONB         NOT NULL,
    current_version INTEGER,
    created_at      TIMESTAMPTZ   NOT NULL,
    modified_at     TIMESTAMPTZ   NOT NULL
);
CREATE UNIQUE INDEX script_name ON script (lower(name));

CREATE TABLE script_version (
    script_id    UUID         NOT NULL REFERENCES script (id) ON DELETE CASCADE,
    version      INTEGER      NOT NULL,
    definition   JSONB        NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    published_by VARCHAR(256),
    PRIMARY KEY (script_id, version)
);
