-- Architect schedules and schedule groups (Genesys's /api/v2/architect/schedules, /schedulegroups). A schedule's
-- start and end are wall-clock times without a zone: the time zone of the group that uses it applies. A group lists
-- its open, closed and holiday schedules' ids as JSON arrays. Names are unique regardless of case.
CREATE TABLE architect_schedule (
    id            UUID PRIMARY KEY,
    name          VARCHAR(256)  NOT NULL,
    description   VARCHAR(1024),
    start_at      TIMESTAMP     NOT NULL,
    end_at        TIMESTAMP     NOT NULL,
    rrule         VARCHAR(512),
    version       BIGINT        NOT NULL,
    date_created  TIMESTAMPTZ   NOT NULL,
    date_modified TIMESTAMPTZ   NOT NULL,
    modified_by   VARCHAR(256)
);
CREATE UNIQUE INDEX architect_schedule_name ON architect_schedule (lower(name));

CREATE TABLE architect_schedule_group (
    id                UUID PRIMARY KEY,
    name              VARCHAR(256)  NOT NULL,
    description       VARCHAR(1024),
    time_zone         VARCHAR(64)   NOT NULL,
    open_schedules    JSONB         NOT NULL DEFAULT '[]'::jsonb,
    closed_schedules  JSONB         NOT NULL DEFAULT '[]'::jsonb,
    holiday_schedules JSONB         NOT NULL DEFAULT '[]'::jsonb,
    version           BIGINT        NOT NULL,
    date_created      TIMESTAMPTZ   NOT NULL,
    date_modified     TIMESTAMPTZ   NOT NULL,
    modified_by       VARCHAR(256)
);
CREATE UNIQUE INDEX architect_schedule_group_name ON architect_schedule_group (lower(name));
