package dev.rapport.platform.outbox;

/** One event for {@link Outbox#publishAll}: as the arguments of {@link Outbox#publish}. */
public record OutboxMessage(String topic, String key, String type, Object data) {
}
