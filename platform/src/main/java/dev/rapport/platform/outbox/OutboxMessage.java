package dev.rapport.platform.outbox;

/**
 * One event for {@link Outbox#publishAll}: as the arguments of {@link Outbox#publish}, and the correlation id of
 * what caused it (null: the one in the logging context). {@code data} null is a tombstone: the record goes out with
 * no value, so a compacted topic forgets the key.
 */
public record OutboxMessage(String topic, String key, String type, Object data, String correlationId) {
    public OutboxMessage(String topic, String key, String type, Object data) {
        this(topic, key, type, data, null);
    }

    /** JSON text already written from the event's data, published as it is (not written again). */
    public record Written(String json) {
    }

    /** An event whose data the caller has already written as JSON (for instance to keep it too). */
    public static OutboxMessage written(String topic, String key, String type, String json, String correlationId) {
        return new OutboxMessage(topic, key, type, new Written(json), correlationId);
    }

    public static OutboxMessage tombstone(String topic, String key, String type) {
        return new OutboxMessage(topic, key, type, null, null);
    }
}
