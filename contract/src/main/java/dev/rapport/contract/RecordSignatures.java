package dev.rapport.contract;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * HMAC-SHA256 signatures of Kafka records, so a consumer trusts a topic's records only from the service that holds the
 * key (anyone who can reach the broker can produce). The signature covers topic, key, value and event id
 * ({@code ce_id}), each length-prefixed, and travels in the {@value #HEADER} header (base64). Key: configuration
 * {@code rapport.events.signing-key} ({@code RAPPORT_EVENTS_SIGNING_KEY}), at least {@value #MIN_KEY_LENGTH} characters.
 */
public final class RecordSignatures {
    public static final String HEADER = "rapport_signature";
    public static final int MIN_KEY_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public RecordSignatures(String secret) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the event signing key (rapport.events.signing-key, "
                    + "RAPPORT_EVENTS_SIGNING_KEY) must be at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** @return signatures with the configured key, or empty when none is configured */
    public static Optional<RecordSignatures> of(Optional<String> secret) {
        return secret.filter(s -> !s.isBlank()).map(RecordSignatures::new);
    }

    /** Adds the signature header to a record that carries its event id in {@code ce_id}. */
    public ProducerRecord<String, String> sign(ProducerRecord<String, String> record) {
        String eventId = KafkaCloudEvents.header(record.headers(), CloudEventHeaders.ID);
        record.headers().remove(HEADER);
        record.headers().add(new RecordHeader(HEADER, signature(record.topic(), record.key(), record.value(), eventId)));
        return record;
    }

    /** @return true when the record carries a valid signature of its topic, key, value and event id */
    public boolean verify(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        Header header = headers.lastHeader(HEADER);
        if (header == null || header.value() == null) {
            return false;
        }
        byte[] expected = signature(record.topic(), record.key(), record.value(),
                KafkaCloudEvents.header(headers, CloudEventHeaders.ID));
        return MessageDigest.isEqual(expected, header.value());
    }

    byte[] signature(String topic, String recordKey, String value, String eventId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            for (String part : new String[] {topic, recordKey, value, eventId}) {
                if (part == null) {
                    mac.update(ByteBuffer.allocate(4).putInt(-1).array());
                } else {
                    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                    mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                    mac.update(bytes);
                }
            }
            return Base64.getEncoder().encode(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
