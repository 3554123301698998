package dev.rapport.gateway.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.KafkaCloudEvents;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Session states as script-service would put them on 'sessions', for tests. */
public final class Sessions {
    private Sessions() {
    }

    public static SessionState state(String interactionId, long version, String state, String agentId) {
        return state(interactionId, version, state, agentId, Instant.now(), null, List.of(), List.of());
    }

    public static SessionState state(String interactionId, long version, String state, String agentId,
                                     Instant updatedAt, JsonNode page, List<SessionState.Alert> alerts,
                                     List<SessionState.ActionRun> actions) {
        return new SessionState(interactionId, version, state, "7204276664", "8005551234", Map.of(), null,
                new InteractionEvent.AgentRef(agentId, agentId, null), updatedAt,
                page == null ? null : new SessionState.ScriptRef("s-1", "Architect Workshop", 1), page,
                Map.of(), alerts, actions);
    }

    /** The same state, left by {@code agentId} (its agent cleared unless still connected) with this wrap-up. */
    public static SessionState left(SessionState s, String state, String agentId, String status,
                                    boolean notesRequired) {
        boolean required = !SessionState.Wrapup.NOT_REQUIRED.equals(status);
        return new SessionState(s.interactionId(), s.version(), state, s.ani(), s.dnis(), s.attributes(), s.queue(),
                null, s.updatedAt(), s.script(), s.page(), s.variables(), s.alerts(), s.actions(),
                new SessionState.Wrapup(agentId, status, required, notesRequired && required, null, null, null, null));
    }

    /** script-service's relay signs 'sessions' records; the gateway applies only those (test profile's key). */
    public static final dev.rapport.contract.RecordSignatures SIGNATURES =
            new dev.rapport.contract.RecordSignatures("rapport-local-events-signing-key-not-secret");

    public static ProducerRecord<String, String> record(SessionState s) {
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), EventTypes.SESSION_UPDATED, "/test",
                s.interactionId(), Instant.now(), EventJson.write(s));
        return SIGNATURES.sign(KafkaCloudEvents.toRecord(Topics.SESSIONS, event, null));
    }
}
