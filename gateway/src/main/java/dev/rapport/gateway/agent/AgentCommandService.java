package dev.rapport.gateway.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.contract.AgentCommand;
import dev.rapport.contract.CloudEvent;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InvalidEventException;
import dev.rapport.contract.Topics;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.gateway.ingest.EventProducer;
import dev.rapport.gateway.ingest.InputBounds;
import dev.rapport.gateway.sessions.SessionHead;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Turns what an agent did on the page (and their End and wrap-up) into an {@link AgentCommand} on 'agent-commands',
 * keyed by interaction id. The gateway does not apply it: script-service does, and the agent sees the effect in the
 * next session state.
 */
@ApplicationScoped
public class AgentCommandService {
    private static final String SOURCE = "/rapport/gateway/agent";
    /** How long a command waits for the session version the agent was shown (header X-Rapport-Session-Version). */
    static final Duration SHOWN_VERSION_WAIT = Duration.ofSeconds(5);
    /** Without that header: how long it waits for the session to exist here at all. */
    static final Duration UNKNOWN_VERSION_WAIT = Duration.ofSeconds(1);

    private final AgentSessions sessions;
    private final EventProducer producer;
    private final InputBounds bounds;

    AgentCommandService(AgentSessions sessions, EventProducer producer, InputBounds bounds) {
        this.sessions = sessions;
        this.producer = producer;
        this.bounds = bounds;
    }

    /**
     * Validates the body against the command schema, checks the viewer may touch the interaction, and produces the
     * command. The caller may give an {@code id} so that a retried post is dropped by the consumer; the gateway sets
     * interactionId, agentId and issuedAt itself, so an agent cannot speak for someone else.
     */
    public CompletionStage<AgentCommand> submit(AgentSessions.Viewer viewer, String interactionId, JsonNode body,
                                                String correlationId, Long shownVersion) {
        if (body == null || !body.isObject()) {
            throw new InvalidEventException("request body must be a JSON object",
                    List.of(new InvalidEventException.Violation("/", "a JSON object is required")));
        }
        bounds.checkCommand(body);
        ObjectNode data = ((ObjectNode) body).deepCopy();
        if (!data.hasNonNull("id")) {
            data.put("id", UUID.randomUUID().toString());
        }
        data.put("interactionId", interactionId);
        data.put("agentId", viewer.user());
        data.put("issuedAt", Instant.now().toString());
        // Validate the shape before looking the interaction up: a malformed command is a 400 whoever sends it.
        AgentCommand command = EventSchemas.AGENT_COMMAND.parse(data.toString(), AgentCommand.class);
        // Only the agent the interaction is connected to may act on it; a supervisor watches (docs/security.md).
        // With several gateways the agent may have been shown a state this one has not read yet: wait for it, briefly.
        Duration wait = shownVersion == null ? UNKNOWN_VERSION_WAIT : SHOWN_VERSION_WAIT;
        return sessions.requireAtLeast(viewer.asAgent(), interactionId, shownVersion, wait)
                .thenCompose(session -> {
                    RuntimeException refusal = refusal(command, session.head(), viewer.user());
                    if (refusal != null) {
                        return CompletableFuture.<AgentCommand>failedFuture(refusal);
                    }
                    CloudEvent event = new CloudEvent(command.id(), EventTypes.AGENT_COMMAND, SOURCE, interactionId,
                            command.issuedAt(), EventSchemas.AGENT_COMMAND.write(command));
                    return producer.send(Topics.AGENT_COMMANDS, event, correlationId).thenApply(ignored -> command);
                });
    }

    /**
     * Why the agent may not send this command now, or null. A wrap-up is for the agent the interaction left, while
     * theirs is pending, with notes when they are required; everything else is for the agent it is connected to,
     * until it ends. script-service checks the same again, and what only it knows (that the code exists).
     */
    static RuntimeException refusal(AgentCommand command, SessionHead head, String user) {
        String id = head.interactionId();
        if (command.type() == AgentCommand.Kind.WRAP_UP) {
            SessionState.Wrapup wrapup = head.wrapup();
            if (wrapup == null || !wrapup.pending() || !user.equals(wrapup.agentId())) {
                return new Conflict("No wrap-up of interaction " + id + " is pending for you");
            }
            if (wrapup.notesRequired() && (command.notes() == null || command.notes().isBlank())) {
                return InvalidInput.field("notes", "Notes are required to wrap up this interaction");
            }
            return null;
        }
        if (head.ended()) {
            return new Conflict("Interaction " + id + " has ended");
        }
        if (command.type() == AgentCommand.Kind.ANSWER) {
            // only the agent routing offers it to (the session alerts them); routing checks the offer again
            return "alerting".equals(head.state()) && user.equals(head.agentId()) ? null
                    : new Conflict("Interaction " + id + " is not offered to you");
        }
        if (!user.equals(head.agentId())) {
            return new Conflict("Interaction " + id + " is no longer connected to you");
        }
        return null;
    }
}
