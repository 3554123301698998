package dev.rapport.datatable.importing;

/** Genesys's import job states. */
public enum ImportStatus {
    WaitingForUpload, Processing, Succeeded, Failed
}
