package dev.rapport.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 envelope in binary mode: the attributes travel as Kafka headers ({@link CloudEventHeaders}),
 * the data (JSON) as the record value, the subject (interaction id, table id and key...) as the record key.
 */
public record CloudEvent(String id, String type, String source, String subject, Instant time, String data) {
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public CloudEvent {
        requireText(id, "id");
        requireText(type, "type");
        requireText(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    private static void requireText(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CloudEvent attribute '" + attribute + "' is missing");
        }
    }
}
