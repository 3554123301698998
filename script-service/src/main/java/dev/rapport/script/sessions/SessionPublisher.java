package dev.rapport.script.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.Topics;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.script.engine.ScriptEngine;
import dev.rapport.script.engine.SessionModel;
import dev.rapport.script.interactions.Interaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes the session's next state to the outbox: a version one higher, the current page rendered, the variables,
 * the alerts raised since the previous version and the custom action runs.
 */
@ApplicationScoped
public class SessionPublisher {
    private final SessionStore store;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final ScriptEngine engine = new ScriptEngine();

    SessionPublisher(SessionStore store, Outbox outbox, ObjectMapper json) {
        this.store = store;
        this.outbox = outbox;
        this.json = json;
    }

    /** Output variables become participant data of the interaction (readable by API, carried in the state). */
    private static void writeOutputs(Interaction interaction, SessionModel model) {
        var attributes = new java.util.LinkedHashMap<>(interaction.attributes);
        model.script().variables().values().stream().filter(v -> v.output()).forEach(v -> {
            Object value = model.value(v.name());
            if (value != null) {
                attributes.put(v.name(), value.toString());
            }
        });
        interaction.attributes = attributes;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public SessionState publish(Interaction interaction, AgentSession session) {
        interaction.version++;
        interaction.updatedAt = Instant.now();
        SessionState.ScriptRef script = null;
        JsonNode page = null;
        Map<String, Object> variables = null;
        if (session != null && session.snapshot != null) {
            SessionModel model = store.model(session, SessionService.builtinsOf(interaction));
            script = new SessionState.ScriptRef(session.scriptId, session.scriptName, session.scriptVersion);
            page = json.valueToTree(engine.render(model, model.currentPageId()));
            variables = model.values();
            writeOutputs(interaction, model);
        }
        List<SessionState.Alert> alerts = session == null ? List.of() : store.alerts(session);
        List<SessionState.ActionRun> runs = session == null ? List.of() : store.runs(session);
        if (session != null) {
            store.clearAlerts(session);
        }
        SessionState state = new SessionState(interaction.id, interaction.version, interaction.state, interaction.ani,
                interaction.dnis, Map.copyOf(interaction.attributes), interaction.queue(), interaction.agent(),
                interaction.updatedAt, script, page, variables, alerts.isEmpty() ? null : alerts,
                runs.isEmpty() ? null : runs);
        outbox.publish(Topics.SESSIONS, interaction.id, EventTypes.SESSION_UPDATED, state);
        interaction.lastState = dev.rapport.contract.EventJson.write(state);
        return state;
    }
}
