-- Runs once, when the postgres container starts on an empty volume, as POSTGRES_USER (rapport).
-- One database per service; a service also creates its own database when it is missing, so this is a head start,
-- not a requirement. The gateway has no database.
CREATE DATABASE datatable;
CREATE DATABASE script;
CREATE DATABASE action;
