-- Wrap-up codes (Genesys's /api/v2/routing/wrapupcodes): what an agent picks when an interaction leaves them. Names
-- are unique regardless of case; version counts the changes and is the code's ETag.
CREATE TABLE wrapup_code (
    id            UUID PRIMARY KEY,
    name          VARCHAR(256)  NOT NULL,
    description   VARCHAR(1024),
    division_id   VARCHAR(128),
    division_name VARCHAR(256),
    version       BIGINT        NOT NULL,
    date_created  TIMESTAMPTZ   NOT NULL,
    date_modified TIMESTAMPTZ   NOT NULL,
    created_by    VARCHAR(256),
    modified_by   VARCHAR(256)
);
CREATE UNIQUE INDEX wrapup_code_name ON wrapup_code (lower(name));
