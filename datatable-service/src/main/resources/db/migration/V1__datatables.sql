-- Data tables: the Genesys JSON Schema document of each table, its rows as JSONB keyed by (table, key), every change
-- of a row, and the CSV import jobs.
CREATE TABLE datatable (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(256) NOT NULL,
    description VARCHAR(1024),
    division_id VARCHAR(64),
    schema_doc  JSONB        NOT NULL,
    version     BIGINT       NOT NULL,
    row_count   BIGINT       NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
-- Genesys refuses two tables with the same name, whatever the case.
CREATE UNIQUE INDEX datatable_name_unique ON datatable (lower(name));

CREATE TABLE datatable_row (
    table_id   VARCHAR(36)  NOT NULL REFERENCES datatable (id) ON DELETE CASCADE,
    row_key    VARCHAR(256) NOT NULL,
    row_values JSONB        NOT NULL,
    version    BIGINT       NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    updated_by VARCHAR(256),
    PRIMARY KEY (table_id, row_key)
);

-- Every change of a row: who, when, the values before and after (null before a create, after a delete).
CREATE TABLE datatable_row_history (
    id         BIGSERIAL    PRIMARY KEY,
    table_id   VARCHAR(36)  NOT NULL REFERENCES datatable (id) ON DELETE CASCADE,
    row_key    VARCHAR(256) NOT NULL,
    version    BIGINT       NOT NULL,
    operation  VARCHAR(16)  NOT NULL,
    old_values JSONB,
    new_values JSONB,
    changed_by VARCHAR(256),
    changed_at TIMESTAMPTZ  NOT NULL,
    source     VARCHAR(64)  NOT NULL
);
CREATE INDEX datatable_row_history_row ON datatable_row_history (table_id, row_key, id);

CREATE TABLE datatable_import_job (
    id                     VARCHAR(36)  PRIMARY KEY,
    table_id               VARCHAR(36)  NOT NULL REFERENCES datatable (id) ON DELETE CASCADE,
    name                   VARCHAR(256),
    owner_id               VARCHAR(256),
    status                 VARCHAR(32)  NOT NULL,
    import_mode            VARCHAR(16)  NOT NULL,
    dry_run                BOOLEAN      NOT NULL,
    date_created           TIMESTAMPTZ  NOT NULL,
    date_completed         TIMESTAMPTZ,
    bytes_total            BIGINT,
    bytes_read             BIGINT       NOT NULL DEFAULT 0,
    records_processed      BIGINT       NOT NULL DEFAULT 0,
    records_added          BIGINT       NOT NULL DEFAULT 0,
    records_changed        BIGINT       NOT NULL DEFAULT 0,
    records_unchanged      BIGINT       NOT NULL DEFAULT 0,
    records_deleted        BIGINT       NOT NULL DEFAULT 0,
    records_failed         BIGINT       NOT NULL DEFAULT 0,
    failures               JSONB        NOT NULL DEFAULT '[]',
    error_message          TEXT,
    -- The instance processing the job; it holds an advisory lock named after this id while it lives.
    worker_id              VARCHAR(36)
);
CREATE INDEX datatable_import_job_table ON datatable_import_job (table_id, date_created);

-- Export jobs: the CSV is written when downloaded, streamed from the rows (see docs/datatable-service.md).
CREATE TABLE datatable_export_job (
    id                VARCHAR(36) PRIMARY KEY,
    table_id          VARCHAR(36) NOT NULL REFERENCES datatable (id) ON DELETE CASCADE,
    owner_id          VARCHAR(256),
    status            VARCHAR(32) NOT NULL,
    date_created      TIMESTAMPTZ NOT NULL,
    date_completed    TIMESTAMPTZ,
    records_processed BIGINT      NOT NULL DEFAULT 0
);

-- The keys an import has taken so far: finds a key repeated anywhere in a file, and the rows a ReplaceAll removes,
-- without holding a million keys in memory. Unlogged: it only lives as long as its job.
CREATE UNLOGGED TABLE datatable_import_key (
    job_id  VARCHAR(36)  NOT NULL,
    row_key VARCHAR(256) NOT NULL,
    PRIMARY KEY (job_id, row_key)
);
