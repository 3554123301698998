package dev.rapport.datatable;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Limits and knobs of data tables (environment: RAPPORT_DATATABLE_...). The defaults are far above Genesys Cloud's
 * (200 tables, 5,000 rows, 50 fields) because users hit those first.
 */
@ConfigMapping(prefix = "rapport.datatable")
public interface DataTableConfig {

    Limits limits();

    @io.smallrye.config.WithName("import")
    Import importing();

    TrustedAttribution attribution();

    interface Limits {
        /** RAPPORT_DATATABLE_LIMITS_MAX_TABLES */
        @WithDefault("1000")
        int maxTables();

        /** RAPPORT_DATATABLE_LIMITS_MAX_ROWS_PER_TABLE */
        @WithDefault("1000000")
        long maxRowsPerTable();

        /** Custom fields, the key not counted (RAPPORT_DATATABLE_LIMITS_MAX_FIELDS). */
        @WithDefault("200")
        int maxFields();

        /** Characters of a row key, as in Genesys (RAPPORT_DATATABLE_LIMITS_MAX_KEY_LENGTH). */
        @WithDefault("256")
        int maxKeyLength();

        /** Characters of a table name, as in Genesys. */
        @WithDefault("256")
        int maxNameLength();

        /** Characters of one string value (RAPPORT_DATATABLE_LIMITS_MAX_STRING_LENGTH). */
        @WithDefault("65536")
        int maxStringLength();

        /**
         * Bytes of a whole row as JSON (key and every value, as the API returns it and its event carries it), so that
         * every row fits in one Kafka record with room to spare (RAPPORT_DATATABLE_LIMITS_MAX_ROW_BYTES).
         */
        @WithDefault("65536")
        int maxRowBytes();

        /** Largest page of a listing. */
        @WithDefault("500")
        int maxPageSize();
    }

    interface Import {
        /** Rows validated and written per database round trip. */
        @WithDefault("1000")
        int batchSize();

        /** Failed lines kept on a job with their reasons; all are counted. */
        @WithDefault("1000")
        int maxReportedFailures();

        /** Rows added or changed kept on a job with their values, to review a dry run; all are counted. */
        @WithDefault("100")
        int maxReportedChanges();

        /** Largest CSV upload (RAPPORT_DATATABLE_IMPORT_MAX_UPLOAD_BYTES). */
        @WithDefault("2147483648")
        long maxUploadBytes();

        /** Where uploads wait to be processed; the system temporary directory when unset. */
        Optional<Path> uploadDirectory();

        /** Imports processed at the same time by one instance. */
        @WithDefault("1")
        int concurrency();
    }

    interface TrustedAttribution {
        /**
         * Service clients (token subjects that also hold the {@code service} role) whose
         * {@code X-Rapport-On-Behalf-Of} is believed: the person they name is recorded as the author of their row
         * changes. From any other caller the header is ignored (RAPPORT_DATATABLE_ATTRIBUTION_TRUSTED_CLIENTS).
         */
        @WithDefault("action-service")
        List<String> trustedClients();
    }
}
