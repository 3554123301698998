package dev.rapport.script.interactions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.CloudEventHeaders;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestTokens;
import dev.rapport.testkit.TopicProbe;
import dev.rapport.contract.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "script"))
class InteractionEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(2);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void startedEventOpensASessionAnnouncedOnTheSessionsTopic() {
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);

        InteractionEvent started = started("e-" + interactionId, interactionId);
        probe.send(KafkaCloudEvents.toRecord(Topics.INTERACTIONS, new CloudEvent(started.id(),
                EventTypes.interaction(started.type()), "/test/ivr", interactionId, Instant.now(),
                EventJson.write(started)), "corr-" + interactionId));

        List<ConsumerRecord<String, String>> sessions = probe.read(Topics.SESSIONS,
                r -> interactionId.equals(r.key()), 1, WAIT, Duration.ZERO);
        assertThat(sessions).hasSize(1);
        ConsumerRecord<String, String> published = sessions.get(0);
        assertThat(KafkaCloudEvents.header(published.headers(), CloudEventHeaders.CORRELATION_ID))
                .as("the IVR post's correlation id, passed on").isEqualTo("corr-" + interactionId);
        assertThat(KafkaCloudEvents.header(published.headers(), CloudEventHeaders.TYPE))
                .isEqualTo(EventTypes.SESSION_UPDATED);
        assertThat(KafkaCloudEvents.header(published.headers(), CloudEventHeaders.SOURCE))
                .isEqualTo("/rapport/script-service");
        SessionState state = EventJson.read(published.value(), SessionState.class);
        assertThat(state.version()).isEqualTo(1);
        assertThat(state.state()).isEqualTo("alerting");
        assertThat(state.ani()).isEqualTo("7204276664");
        assertThat(state.attributes()).containsEntry("Reason", "billing");

        given().header("Authorization", TestTokens.get().bearer("sue", Roles.SUPERVISOR)).get("/api/v2/interactions/{id}/session", interactionId)
                .then().statusCode(200).body("version", equalTo(1)).body("ani", equalTo("7204276664"));
    }

    @Test
    void aRedeliveredEventChangesNothingTheSecondTime() {
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);
        ProducerRecord<String, String> event = record(started("e-" + interactionId, interactionId));

        probe.send(event);
        probe.read(Topics.SESSIONS, r -> interactionId.equals(r.key()), 1, WAIT, Duration.ZERO);
        probe.send(event);
        probe.send(record(connected("c-" + interactionId, interactionId)));

        List<ConsumerRecord<String, String>> sessions = probe.read(Topics.SESSIONS,
                r -> interactionId.equals(r.key()), 2, WAIT, SETTLE);
        assertThat(sessions).extracting(r -> EventJson.read(r.value(), SessionState.class).version())
                .containsExactly(1L, 2L);
        given().header("Authorization", TestTokens.get().bearer("sue", Roles.SUPERVISOR)).get("/api/v2/interactions/{id}/session", interactionId)
                .then().statusCode(200).body("version", equalTo(2)).body("state", equalTo("connected"))
                .body("agent.name", equalTo("Alex Agent"));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndDoesNotBlockThePartition() {
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);
        ProducerRecord<String, String> noEnvelope = new ProducerRecord<>(Topics.INTERACTIONS, interactionId, "{}");
        CloudEvent invalid = new CloudEvent("bad-" + interactionId, EventTypes.interaction(InteractionEvent.Kind.STARTED),
                "/test", interactionId, Instant.now(),
                "{\"id\":\"bad\",\"type\":\"started\",\"interactionId\":\"" + interactionId + "\"}");

        probe.send(noEnvelope);
        probe.send(KafkaCloudEvents.toRecord(Topics.INTERACTIONS, invalid, null));
        probe.send(record(started("e-" + interactionId, interactionId)));

        List<ConsumerRecord<String, String>> dead = probe.read(Topics.deadLetterOf(Topics.INTERACTIONS),
                r -> interactionId.equals(r.key()), 2, WAIT, Duration.ZERO);
        assertThat(dead).extracting(r -> reason(r))
                .anySatisfy(reason -> assertThat(reason).contains("ce_id: header is required"))
                .anySatisfy(reason -> assertThat(reason).contains("/ani"));
        List<ConsumerRecord<String, String>> sessions = probe.read(Topics.SESSIONS,
                r -> interactionId.equals(r.key()), 1, WAIT, Duration.ZERO);
        assertThat(sessions).hasSize(1);
    }

    @Test
    void sessionsOfOneInteractionArePublishedInTheOrderTheirChangesCommitted() {
        String interactionId = UUID.randomUUID().toString();
        TopicProbe probe = new TopicProbe(bootstrap);
        List<ProducerRecord<String, String>> burst = new java.util.ArrayList<>();
        burst.add(record(started("e0-" + interactionId, interactionId)));
        for (int i = 1; i <= 30; i++) {
            burst.add(record(new InteractionEvent("e" + i + "-" + interactionId, InteractionEvent.Kind.ATTRIBUTES_SET,
                    interactionId, Instant.now(), null, null, Map.of("Step", Integer.toString(i)), null, null, null)));
        }

        probe.sendAll(burst);

        // Inputs are applied in batches, one new version per batch: the versions grow by one in the order the
        // batches committed, and the last carries every input's effect.
        List<SessionState> states = new java.util.ArrayList<>();
        await().atMost(WAIT).until(() -> {
            states.clear();
            probe.read(Topics.SESSIONS, r -> interactionId.equals(r.key()), Integer.MAX_VALUE, Duration.ofSeconds(1),
                    Duration.ZERO).forEach(r -> states.add(EventJson.read(r.value(), SessionState.class)));
            return !states.isEmpty() && "30".equals(states.get(states.size() - 1).attributes().get("Step"));
        });
        assertThat(states).extracting(SessionState::version)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, states.size()).boxed().toList());
        assertThat(states.get(states.size() - 1).attributes()).containsEntry("Step", "30")
                .containsEntry("Reason", "billing");
    }

    @Test
    void theSessionApiNeedsASupervisorOrAdminToken() {
        given().get("/api/v2/interactions/{id}/session", "x").then().statusCode(401)
                .body("code", org.hamcrest.Matchers.equalTo("authentication.required"));
        given().header("Authorization", TestTokens.get().bearer("alex", Roles.AGENT))
                .get("/api/v2/interactions/{id}/session", "x").then().statusCode(403);
        given().header("Authorization", TestTokens.get().bearer("sue", Roles.SUPERVISOR))
                .get("/api/v2/interactions/{id}/session", "missing").then().statusCode(404)
                .body("code", org.hamcrest.Matchers.equalTo("not.found"));
    }

    private static String reason(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    static InteractionEvent started(String eventId, String interactionId) {
        return new InteractionEvent(eventId, InteractionEvent.Kind.STARTED, interactionId, Instant.now(),
                "7204276664", "8005551234", Map.of("Reason", "billing"), null, null, null);
    }

    static InteractionEvent connected(String eventId, String interactionId) {
        return new InteractionEvent(eventId, InteractionEvent.Kind.CONNECTED, interactionId, Instant.now(),
                null, null, null, null, new InteractionEvent.AgentRef("alex", "Alex Agent", null), null);
    }

    static ProducerRecord<String, String> record(InteractionEvent event) {
        CloudEvent envelope = new CloudEvent(event.id(), EventTypes.interaction(event.type()), "/test/ivr",
                event.interactionId(), Instant.now(), EventJson.write(event));
        return KafkaCloudEvents.toRecord(Topics.INTERACTIONS, envelope, null);
    }
}
