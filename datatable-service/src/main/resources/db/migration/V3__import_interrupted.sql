-- A job failed because the instance processing it stopped (not because of its file): it may be restarted by uploading
-- the file again to its uploadURI.
ALTER TABLE datatable_import_job ADD COLUMN interrupted BOOLEAN NOT NULL DEFAULT false;
