-- The table's fields a job's file does not name: an Append keeps them as the rows have them, ReplaceRows and ReplaceAll
-- give them their defaults. Known once the header is read, so the dry run can say it.
ALTER TABLE datatable_import_job ADD COLUMN columns_not_in_file JSONB NOT NULL DEFAULT '[]';
