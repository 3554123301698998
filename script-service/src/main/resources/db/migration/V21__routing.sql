-- Built-in routing (docs/script-service.md#routing): the user directory, routing status, queues with members,
-- skills and languages, and the entries of interactions waiting in a queue.

-- The user directory, kept from the compacted topic 'users' (the gateway's configured users).
CREATE TABLE directory_user (
    id         VARCHAR(128) PRIMARY KEY,
    name       VARCHAR(256) NOT NULL,
    email      VARCHAR(320),
    roles      JSONB,
    updated_at TIMESTAMPTZ  NOT NULL
);

-- Genesys's routingstatus: OFF_QUEUE, IDLE, INTERACTING, NOT_RESPONDING. since: when it began (the longest IDLE is
-- offered first). offered_interaction: the one interaction offered to the user now (never two); interaction_id:
-- the one they are on while INTERACTING.
CREATE TABLE routing_status (
    user_id             VARCHAR(128) PRIMARY KEY,
    status              VARCHAR(16)  NOT NULL,
    since               TIMESTAMPTZ  NOT NULL,
    offered_interaction VARCHAR(128),
    interaction_id      VARCHAR(128)
);
CREATE INDEX routing_status_idle ON routing_status (since) WHERE status = 'IDLE' AND offered_interaction IS NULL;
CREATE INDEX routing_status_interaction ON routing_status (interaction_id) WHERE interaction_id IS NOT NULL;

CREATE TABLE routing_queue (
    id                       UUID PRIMARY KEY,
    name                     VARCHAR(256)  NOT NULL,
    description              VARCHAR(1024),
    alerting_timeout_seconds INT           NOT NULL,
    in_queue_timeout_seconds INT,
    version                  BIGINT        NOT NULL,
    date_created             TIMESTAMPTZ   NOT NULL,
    date_modified            TIMESTAMPTZ   NOT NULL,
    created_by               VARCHAR(256),
    modified_by              VARCHAR(256)
);
CREATE UNIQUE INDEX routing_queue_name ON routing_queue (lower(name));

CREATE TABLE routing_queue_member (
    queue_id UUID         NOT NULL REFERENCES routing_queue (id) ON DELETE CASCADE,
    user_id  VARCHAR(128) NOT NULL,
    joined   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (queue_id, user_id)
);
CREATE INDEX routing_queue_member_user ON routing_queue_member (user_id);

-- Skills and languages (Genesys's /api/v2/routing/skills, /languages) and who has them, with a proficiency 0..5.
CREATE TABLE routing_skill (
    id            UUID PRIMARY KEY,
    kind          VARCHAR(16)  NOT NULL,
    name          VARCHAR(256) NOT NULL,
    date_modified TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX routing_skill_name ON routing_skill (kind, lower(name));

CREATE TABLE user_routing_skill (
    user_id     VARCHAR(128)     NOT NULL,
    skill_id    UUID             NOT NULL REFERENCES routing_skill (id) ON DELETE CASCADE,
    proficiency DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (user_id, skill_id)
);

-- An interaction in a built-in queue: waiting, offered (to offered_to until offer_deadline), connected, failed
-- (in-queue timeout) or done (it left the queue otherwise). skills and language_id: what the agent needs (ids; a
-- name no skill has is kept as 'unknown:<name>', which nobody has).
CREATE TABLE routing_entry (
    interaction_id    VARCHAR(128) PRIMARY KEY,
    queue_id          UUID         NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    priority          INT          NOT NULL,
    skills            TEXT[]       NOT NULL,
    language_id       TEXT,
    entered_at        TIMESTAMPTZ  NOT NULL,
    in_queue_deadline TIMESTAMPTZ,
    offered_to        VARCHAR(128),
    offer_deadline    TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX routing_entry_waiting ON routing_entry (priority DESC, entered_at) WHERE status = 'waiting';
CREATE INDEX routing_entry_offer_due ON routing_entry (offer_deadline) WHERE status = 'offered';
CREATE INDEX routing_entry_queue_due ON routing_entry (in_queue_deadline)
    WHERE status IN ('waiting', 'offered') AND in_queue_deadline IS NOT NULL;
