package dev.rapport.script.sessions;

import dev.rapport.platform.outbox.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.MDC;

/**
 * What applying a batch of inputs writes besides the sessions themselves, gathered so that each kind is written in
 * one statement: timeline entries, requests sent and answered, rows watched, events for the outbox.
 */
final class SessionWrites {
    record TimelineRow(String interactionId, Instant at, String kind, String summary, Object detail) {
    }

    record Watch(String tableId, String rowKey, String interactionId, List<String> flowPath) {
    }

    /** An event for the outbox, with the correlation id of the input that caused it. */
    record Event(String topic, String key, String type, Object data, String correlationId) {
    }

    final List<TimelineRow> timeline = new ArrayList<>();
    final List<PendingRequest> requested = new ArrayList<>();
    final Set<String> answered = new LinkedHashSet<>();
    final List<Watch> watches = new ArrayList<>();
    final Set<String> unwatched = new LinkedHashSet<>();
    final List<Event> events = new ArrayList<>();

    void event(String topic, String key, String type, Object data) {
        Object correlationId = MDC.get(Outbox.CORRELATION_ID_MDC_KEY);
        events.add(new Event(topic, key, type, data, correlationId == null ? null : correlationId.toString()));
    }

    void timeline(String interactionId, String kind, String summary, Object detail) {
        timeline.add(new TimelineRow(interactionId, Instant.now(), kind, summary, detail));
    }
}
