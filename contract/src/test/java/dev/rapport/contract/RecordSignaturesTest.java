package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class RecordSignaturesTest {
    private static final String KEY = "a-test-key-of-at-least-32-characters!!";
    private final RecordSignatures signatures = new RecordSignatures(KEY);

    @Test
    void aSignedRecordVerifies() {
        assertThat(signatures.verify(consumed(signatures.sign(record("i-1", "{\"v\":1}", "e-1"))))).isTrue();
    }

    @Test
    void anUnsignedRecordDoesNotVerify() {
        assertThat(signatures.verify(consumed(record("i-1", "{\"v\":1}", "e-1")))).isFalse();
    }

    @Test
    void aRecordSignedWithAnotherKeyDoesNotVerify() {
        var forged = new RecordSignatures("another-key-of-at-least-32-characters!").sign(record("i-1", "{}", "e-1"));
        assertThat(signatures.verify(consumed(forged))).isFalse();
    }

    @Test
    void changingValueKeyTopicOrEventIdBreaksTheSignature() {
        var signed = signatures.sign(record("i-1", "{\"v\":1}", "e-1"));
        byte[] sig = signed.headers().lastHeader(RecordSignatures.HEADER).value();
        assertThat(signatures.verify(consumed(withSignature(record("i-1", "{\"v\":2}", "e-1"), sig)))).isFalse();
        assertThat(signatures.verify(consumed(withSignature(record("i-2", "{\"v\":1}", "e-1"), sig)))).isFalse();
        assertThat(signatures.verify(consumed(withSignature(record("i-1", "{\"v\":1}", "e-2"), sig)))).isFalse();
        var otherTopic = new ProducerRecord<>("interactions", null, "i-1", "{\"v\":1}", signed.headers());
        assertThat(signatures.verify(consumed(otherTopic))).isFalse();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new RecordSignatures("short")).hasMessageContaining("RAPPORT_EVENTS_SIGNING_KEY");
    }

    private static ProducerRecord<String, String> record(String key, String value, String eventId) {
        CloudEvent event = new CloudEvent(eventId, EventTypes.SESSION_UPDATED, "/test", key, Instant.EPOCH, value);
        return KafkaCloudEvents.toRecord(Topics.SESSIONS, event, null);
    }

    private static ProducerRecord<String, String> withSignature(ProducerRecord<String, String> r, byte[] signature) {
        r.headers().add(new RecordHeader(RecordSignatures.HEADER, signature));
        return r;
    }

    private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> r) {
        var c = new ConsumerRecord<>(r.topic(), 0, 0L, r.key(), r.value());
        r.headers().forEach(h -> c.headers().add(h));
        return c;
    }

}
