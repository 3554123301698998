-- The instance that claimed a request (its id in InstanceLiveness): a redelivery takes over the claim of an instance
-- that is gone at once, instead of leaving it "running" for ever. Null for claims written before this column.
ALTER TABLE action_result ADD COLUMN claimed_by VARCHAR(64);
