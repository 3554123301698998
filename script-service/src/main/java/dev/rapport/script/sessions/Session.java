package dev.rapport.script.sessions;

import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.OnBehalfOf;
import dev.rapport.contract.SessionState;
import dev.rapport.script.engine.SessionModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One interaction and its session, as the session core holds it while it applies a batch of inputs: the
 * interaction's record (state, caller, queue, agent, participant data), the inbound flow it ran and its variables,
 * the script it shows (the engine's model, restored once per batch), the alerts and runs not yet published. Loaded
 * and saved by {@link SessionRepository}; changed only by {@link SessionDriver}.
 */
final class Session {
    final String id;
    final boolean existed;

    String state = "alerting";
    String ani;
    String dnis;
    Map<String, String> attributes = new LinkedHashMap<>();
    String queueId;
    String queueName;
    String agentId;
    String agentName;
    String agentEmail;
    long version;
    Instant startedAt;
    Instant updatedAt;

    UUID flowId;
    Integer flowVersion;
    Map<String, Object> flowVariables = new LinkedHashMap<>();
    /** The screen pop's input templates, rendered again when a looked-up row changes. */
    Map<String, String> screenPop;
    /** Where the inbound flow waits (a data action call, a transfer to ACD); null while it waits for nothing. */
    FlowWait flowWait;

    /** What the flow's transfer to ACD asks of routing (the built-in router reads these): higher goes first. */
    int routingPriority;
    /** The skill ids an agent needs to be offered the interaction (none: any member of the queue). */
    List<String> routingSkills = new ArrayList<>();
    /** The language id an agent needs (null: any). */
    String routingLanguage;

    String scriptId;
    String scriptName;
    Integer scriptVersion;
    /** The engine's state; restored from {@code snapshot} on first use in a batch. */
    SessionModel model;
    SessionModel.SessionSnapshot snapshot;

    /** The after-call work of the agent the interaction last left; null while it has left none. */
    SessionState.Wrapup wrapup;
    /** The queue the inbound flow routed the interaction to asks for a wrap-up. */
    boolean queueWrapupRequired;

    List<SessionState.Alert> alerts = new ArrayList<>();
    List<SessionState.ActionRun> runs = new ArrayList<>();

    /** Something changed that the agent should see: a new version is published at the end of the batch. */
    boolean changed;
    /** The last state published, kept for {@code GET /interactions/{id}/session}. */
    String lastState;

    Session(String id, boolean existed) {
        this.id = id;
        this.existed = existed;
    }

    boolean ended() {
        return "ended".equals(state);
    }

    /** A notice for the agent in the next state; level is info, success, warning or error. */
    void alert(String message, String level) {
        alerts.add(new SessionState.Alert(UUID.randomUUID().toString(), message, level, Instant.now()));
    }

    boolean connectedTo(String agent) {
        return "connected".equals(state) && agent != null && agent.equals(agentId);
    }

    boolean hasScript() {
        return scriptId != null && (model != null || snapshot != null);
    }

    InteractionEvent.QueueRef queue() {
        return queueId == null ? null : new InteractionEvent.QueueRef(queueId, queueName);
    }

    InteractionEvent.AgentRef agent() {
        return agentId == null ? null : new InteractionEvent.AgentRef(agentId, agentName, agentEmail);
    }

    /**
     * Whom a custom action run acts for: the connected agent when their click started it (commands of anyone else are
     * refused), null for a run no one clicked (a page or script load).
     */
    OnBehalfOf agentOf(String runId) {
        return runs.stream().filter(r -> r.runId().equals(runId) && r.component() != null).findFirst()
                .filter(clicked -> agentId != null)
                .map(clicked -> new OnBehalfOf(agentId, agentName, clicked.customAction())).orElse(null);
    }

    /** The built-in {@code Scripter.*} values of the interaction as it is now. */
    Map<String, String> builtins() {
        Map<String, String> b = new LinkedHashMap<>();
        put(b, "Agent Name", agentName);
        put(b, "Agent Id", agentId);
        put(b, "Agent Email", agentEmail);
        put(b, "Customer Formatted Number", ani);
        put(b, "Interaction ID", id);
        put(b, "Interaction State", state);
        put(b, "Interaction Type", "call");
        put(b, "Queue Name", queueName);
        put(b, "Queue ID", queueId);
        put(b, "Customer Call Start Time", startedAt == null ? null : startedAt.toString());
        return b;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
