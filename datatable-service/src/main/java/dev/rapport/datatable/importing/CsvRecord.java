package dev.rapport.datatable.importing;

/** What one record of an import file turns into: a row to write, or a failure with its reason. */
sealed interface CsvRecord permits CsvRecords.Row, ImportFailure {
    long line();
}
