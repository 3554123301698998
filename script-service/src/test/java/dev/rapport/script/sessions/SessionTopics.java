package dev.rapport.script.sessions;

import static org.awaitility.Awaitility.await;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The broker as a session test sees it: sends records (an IVR's interaction events, an agent's commands) and reads
 * the session states script-service published for an interaction on 'sessions'.
 */
final class SessionTopics {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String bootstrap;

    SessionTopics(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Every state published for the interaction so far, oldest first. */
    List<SessionState> sessions(String interactionId) {
        List<SessionState> seen = new ArrayList<>();
        for (ConsumerRecord<String, String> r : new TopicProbe(bootstrap).read(Topics.SESSIONS,
                r -> interactionId.equals(r.key()) && r.value() != null, Integer.MAX_VALUE, Duration.ofMillis(1500),
                Duration.ZERO)) {
            seen.add(EventSchemas.SESSION_UPDATED.parse(KafkaCloudEvents.fromRecord(r).data(), SessionState.class));
        }
        return seen;
    }

    /** The states of the interaction on 'sessions' now: the topic read up to its end offsets, no waiting. */
    List<SessionState> sessionsNow(String interactionId) {
        List<SessionState> seen = new ArrayList<>();
        for (ConsumerRecord<String, String> r : dev.rapport.testkit.TopicContents.read(bootstrap, Topics.SESSIONS,
                r -> interactionId.equals(r.key()) && r.value() != null)) {
            seen.add(EventSchemas.SESSION_UPDATED.parse(KafkaCloudEvents.fromRecord(r).data(), SessionState.class));
        }
        return seen;
    }

    /** The last state published that is {@code wanted}, waiting up to 30 s for one. */
    SessionState awaitSession(String interactionId, Predicate<SessionState> wanted) {
        List<SessionState> seen = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            seen.clear();
            seen.addAll(sessionsNow(interactionId));
            return seen.stream().anyMatch(wanted);
        });
        return seen.stream().filter(wanted).reduce((a, b) -> b).orElseThrow();
    }

    void send(ProducerRecord<String, String> record) {
        new TopicProbe(bootstrap).send(record);
    }

    /** An interaction event as an IVR sends it on 'interactions'. */
    static ProducerRecord<String, String> interaction(InteractionEvent e) {
        return KafkaCloudEvents.toRecord(Topics.INTERACTIONS, new CloudEvent(e.id(), EventTypes.interaction(e.type()),
                "/test/ivr", e.interactionId(), Instant.now(), EventJson.write(e)), null);
    }
}
