package dev.rapport.datatable.importing;

/**
 * Genesys's import modes, Append and ReplaceAll, and Rapport's ReplaceRows. They differ in what happens to the rows
 * the file does not name and to the columns it does not name.
 */
public enum ImportMode {
    /** Adds the file's new rows; a row already there takes the file's columns and keeps its others. */
    Append,
    /** Adds the file's new rows; a row already there is replaced whole: columns not in the file take their defaults. */
    ReplaceRows,
    /** Afterwards the table holds exactly the file's valid rows, each replaced whole; the others are deleted. */
    ReplaceAll
}
