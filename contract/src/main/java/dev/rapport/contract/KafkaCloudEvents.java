package dev.rapport.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Maps a {@link CloudEvent} to and from a Kafka record in binary content mode. */
public final class KafkaCloudEvents {

    private KafkaCloudEvents() {
    }

    public static ProducerRecord<String, String> toRecord(String topic, CloudEvent event, String correlationId) {
        return new ProducerRecord<>(topic, null, event.subject(), event.data(), headers(event, correlationId));
    }

    /**
     * A tombstone: no value, so a compacted topic drops the key's earlier records; the CloudEvent attributes stay in
     * the headers (without a content type: there is no content), so consumers can still verify and trace it.
     */
    public static ProducerRecord<String, String> tombstone(String topic, String id, String type, String source,
                                                           String subject, Instant time, String correlationId) {
        List<Header> headers = headers(new CloudEvent(id, type, source, subject, time, ""), correlationId);
        headers.removeIf(h -> h.key().equals(CloudEventHeaders.CONTENT_TYPE));
        return new ProducerRecord<>(topic, null, subject, null, headers);
    }

    public static List<Header> headers(CloudEvent event, String correlationId) {
        List<Header> headers = new ArrayList<>(8);
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEvent.SPEC_VERSION);
        add(headers, CloudEventHeaders.ID, event.id());
        add(headers, CloudEventHeaders.TYPE, event.type());
        add(headers, CloudEventHeaders.SOURCE, event.source());
        add(headers, CloudEventHeaders.TIME, event.time().toString());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEvent.CONTENT_TYPE);
        if (event.subject() != null) {
            add(headers, CloudEventHeaders.SUBJECT, event.subject());
        }
        if (correlationId != null) {
            add(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
        }
        return headers;
    }

    /**
     * Reads the envelope of a consumed record.
     *
     * @throws InvalidEventException when a required attribute is missing or malformed; such a record can never be
     *                               processed and belongs on the dead-letter topic
     */
    public static CloudEvent fromRecord(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String id = header(headers, CloudEventHeaders.ID);
        String type = header(headers, CloudEventHeaders.TYPE);
        String source = header(headers, CloudEventHeaders.SOURCE);
        String time = header(headers, CloudEventHeaders.TIME);
        List<InvalidEventException.Violation> missing = new ArrayList<>();
        if (id == null || id.isBlank()) {
            missing.add(new InvalidEventException.Violation(CloudEventHeaders.ID, "header is required"));
        }
        if (type == null || type.isBlank()) {
            missing.add(new InvalidEventException.Violation(CloudEventHeaders.TYPE, "header is required"));
        }
        if (record.value() == null) {
            missing.add(new InvalidEventException.Violation("value", "event data is required"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidEventException("record is not a CloudEvent in binary mode", missing);
        }
        Instant at;
        try {
            at = time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("record is not a CloudEvent in binary mode",
                    List.of(new InvalidEventException.Violation(CloudEventHeaders.TIME, "not an RFC 3339 time: " + time)));
        }
        String subject = header(headers, CloudEventHeaders.SUBJECT);
        return new CloudEvent(id, type, source == null ? "unknown" : source,
                subject == null ? record.key() : subject, at, record.value());
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(List<Header> headers, String name, String value) {
        headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
