-- Optimistic concurrency for drafts: every save of a script's or an inbound flow's draft increments its revision.
-- GET answers it (field draftRevision and ETag); PUT with If-Match saves only if it is still the stored revision.
ALTER TABLE script ADD COLUMN draft_revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE inbound_flow ADD COLUMN draft_revision BIGINT NOT NULL DEFAULT 1;
