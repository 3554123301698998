-- The timeout scan of each instance takes the overdue requests it answers with FOR UPDATE SKIP LOCKED and marks them
-- taken until this time, so two instances never pick the same request; one whose taker died is taken again after.
-- The scan reads through pending_request_deadline (V11); a taken row is deleted when the timeout is applied.
ALTER TABLE pending_request ADD COLUMN scan_until TIMESTAMPTZ;
