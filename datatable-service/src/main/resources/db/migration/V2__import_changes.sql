-- The first rows an import adds or changes (would, in a dry run), each with the values that differ: the dry run's diff.
ALTER TABLE datatable_import_job ADD COLUMN changes JSONB NOT NULL DEFAULT '[]';
