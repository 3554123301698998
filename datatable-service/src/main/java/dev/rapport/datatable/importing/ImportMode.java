package dev.rapport.datatable.importing;

/** Genesys's import modes: keep rows that are not in the file, or remove them. */
public enum ImportMode {
    /** Leave existing rows, add or update the rows of the file. */
    Append,
    /** Afterwards the table holds exactly the file's valid rows; the others are deleted. */
    ReplaceAll
}
