-- Who a row change was made for: a trusted service client (action-service running an agent's data action) names the
-- person and the data action; principal is whose token made the request. Entries written before have neither.
ALTER TABLE datatable_row_history
    ADD COLUMN principal           VARCHAR(256),
    ADD COLUMN on_behalf_of_user   VARCHAR(256),
    ADD COLUMN on_behalf_of_name   VARCHAR(256),
    ADD COLUMN on_behalf_of_action VARCHAR(256);
