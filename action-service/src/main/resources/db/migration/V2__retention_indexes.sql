-- Retention (rapport.retention.tables) deletes old executions and stored results by time.
CREATE INDEX action_execution_created ON action_execution (created_at);
CREATE INDEX action_result_created ON action_result (created_at);
