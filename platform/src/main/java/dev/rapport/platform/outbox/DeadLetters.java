package dev.rapport.platform.outbox;

import dev.rapport.contract.CloudEventHeaders;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The dead-letter record of an outbox row that cannot be published: on {@code <topic>-dlq}, with the reason in the
 * {@value #REASON_HEADER} header (as SmallRye's dead-letter queue writes it), the original topic, and the row's
 * CloudEvents attributes. It carries a small description, never the payload, which may be what made the row fail.
 */
final class DeadLetters {
    static final String REASON_HEADER = "dead-letter-reason";
    static final String TOPIC_HEADER = "dead-letter-topic";

    private DeadLetters() {
    }

    static ProducerRecord<String, String> of(OutboxRow row, DeadLetterReason reason) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("eventId", row.eventId());
        value.put("topic", row.topic());
        value.put("key", row.key());
        value.put("type", row.type());
        value.put("source", row.source());
        value.put("payloadChars", row.payload() == null ? 0 : row.payload().length());
        value.put("reason", reason.detail());
        List<Header> headers = List.of(
                header(REASON_HEADER, reason.detail()),
                header(TOPIC_HEADER, row.topic()),
                header(CloudEventHeaders.ID, row.eventId()),
                header(CloudEventHeaders.TYPE, row.type()),
                header(CloudEventHeaders.SOURCE, row.source()));
        return new ProducerRecord<>(Topics.deadLetterOf(row.topic()), null, row.key(), EventJson.write(value), headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
