package dev.rapport.script.conversations;

import dev.rapport.contract.SessionState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Rapport knows of one conversation, read in one go: the interaction (the call, with what its session adds), or
 * a callback asked for through the API (and the call the telephony side placed for it, when it has), and the tag.
 */
record ConversationFacts(String id, Call call, Callback callback, String externalTag) {

    /** The interaction as the session core recorded it; {@code flowName} and the rest from its session. */
    record Call(String state, String ani, String dnis, Map<String, String> attributes, String queueId,
                String queueName, String agentId, String agentName, Instant startedAt, Instant updatedAt,
                String flowName, String scriptId, SessionState.Wrapup wrapup) {
        boolean ended() {
            return "ended".equals(state);
        }
    }

    /**
     * A callback of {@code POST /api/v2/conversations/callbacks}; {@code refusal} is the telephony side's reason when
     * it refused the command, {@code scheduled} whether it said it scheduled it.
     */
    record Callback(String commandId, String queueId, String scriptId, String userName, List<String> numbers,
                    Instant requestedTime, Instant scheduledAt, int priority, Map<String, String> data,
                    Instant createdAt, boolean scheduled, String refusal) {
        Callback refused(String reason) {
            return new Callback(commandId, queueId, scriptId, userName, numbers, requestedTime, scheduledAt, priority,
                    data, createdAt, false, reason);
        }

        Callback confirmed() {
            return new Callback(commandId, queueId, scriptId, userName, numbers, requestedTime, scheduledAt, priority,
                    data, createdAt, true, null);
        }
    }

    /**
     * One thing that happened to the interaction, as the session core put it on the timeline: {@code type} an
     * interaction event's wire name (started, queued, transferred, alerting, connected, ended), with the queue, agent
     * or outside {@code address} it names.
     */
    record Step(Instant at, String type, String queueId, String queueName, String agentId, String agentName,
                String address) {
    }

    /** The participant data: the interaction's, or the callback's while no call was placed for it. */
    Map<String, String> attributes() {
        return call != null ? call.attributes() : callback != null ? callback.data() : Map.of();
    }
}
