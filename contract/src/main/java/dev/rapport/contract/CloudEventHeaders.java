package dev.rapport.contract;

/** Kafka header names of the CloudEvents Kafka protocol binding, binary content mode. */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";
    /** Not a CloudEvents attribute: the correlation id of the request that caused the event, for logs. */
    public static final String CORRELATION_ID = "rapport_correlationid";

    private CloudEventHeaders() {
    }
}
