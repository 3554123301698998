package dev.rapport.script.sessions;

import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.Topics;
import dev.rapport.script.engine.ActionOutcome;
import dev.rapport.script.engine.InteractionAction;
import java.time.Duration;
import java.time.Instant;

/**
 * What a session asks of the telephony side, and what comes back. A command goes out on 'interaction-commands'
 * through the outbox, with the session change that asked for it, and waits in {@code pending_request} under its
 * command id; the answer (an event on 'interactions' naming that id) or the deadline ends the wait. The outcome
 * resumes the run that asked, if one did; the agent and the timeline see it either way.
 */
final class InteractionCommands {
    /** What an answer or a timeout came to; {@code runId} null when no run waits (the agent's End). */
    record Outcome(String runId, ActionOutcome outcome) {
    }

    private final Duration commandTimeout;

    InteractionCommands(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    /** Sends {@code action} for {@code agentId}; the run {@code runId} (or none) waits for the answer. */
    void send(Session s, String commandId, InteractionAction action, String runId, String agentId,
              SessionWrites out) {
        InteractionCommand.Target target = action.targetType() == null ? null
                : new InteractionCommand.Target(action.targetType(), action.target(), null);
        InteractionCommand.Callback callback = action.kind() == InteractionCommand.Kind.SCHEDULE_CALLBACK
                ? new InteractionCommand.Callback(action.number(), action.at()) : null;
        InteractionCommand command = new InteractionCommand(commandId, action.kind(), s.id, Instant.now(), agentId,
                target, callback, null);
        Instant now = Instant.now();
        out.requested.add(new PendingRequest(commandId, s.id, PendingRequest.Kind.INTERACTION_COMMAND, runId, null,
                action.kind().wireName(), now.plus(commandTimeout), now));
        out.event(Topics.INTERACTION_COMMANDS, s.id, EventTypes.interactionCommand(action.kind()), command);
        out.timeline(s.id, "command.sent", "Asked the telephony side: " + action.describe(), command);
    }

    /** Sends the agent's wrap-up: a record for the telephony side and reporting, no answer awaited. */
    void sendWrapup(Session s, String commandId, String agentId, InteractionCommand.Wrapup wrapup, SessionWrites out) {
        InteractionCommand command = new InteractionCommand(commandId, InteractionCommand.Kind.WRAPUP, s.id,
                Instant.now(), agentId, null, null, wrapup);
        out.event(Topics.INTERACTION_COMMANDS, s.id, EventTypes.interactionCommand(command.type()), command);
    }

    /**
     * The command an event answers (its {@code commandId}), if it still waits: the outcome, with a notice for the
     * agent. Null when the event answers nothing that waits (no id, answered before, timed out).
     */
    Outcome answer(Session s, InteractionEvent event, PendingRequests pending, SessionWrites out) {
        if (event.commandId() == null) {
            return null;
        }
        PendingRequest request = pending.take(event.commandId(), s.id);
        if (request == null) {
            return null;
        }
        if (request.kind() != PendingRequest.Kind.INTERACTION_COMMAND) {
            pending.putBack(request); // an id of something else: not an answer
            return null;
        }
        out.answered.add(request.requestId());
        if (event.type() == InteractionEvent.Kind.COMMAND_FAILED) {
            out.timeline(s.id, "command.failed", request.actionId() + " failed: " + event.reason(), null);
            s.alert("Not done: " + request.actionId() + ": " + event.reason(), "error");
            return new Outcome(request.runId(), ActionOutcome.failure(event.reason()));
        }
        out.timeline(s.id, "command.answered", request.actionId() + " answered: " + event.type().wireName(), null);
        String done = done(event);
        if (done != null) {
            s.alert(done, "success");
        }
        return new Outcome(request.runId(), ActionOutcome.success(null));
    }

    /** A command whose answer did not come in time: its run fails, and the agent is told. */
    Outcome timeout(Session s, PendingRequest request, SessionWrites out) {
        out.answered.add(request.requestId());
        out.timeline(s.id, "command.timeout", "No answer to " + request.actionId() + " from the telephony side in "
                + commandTimeout.toSeconds() + " s", null);
        s.alert("Not done: no answer to " + request.actionId() + " from the telephony side in time", "error");
        return new Outcome(request.runId(), ActionOutcome.failure("no answer from the telephony side in time"));
    }

    /** What the agent reads when a command was done; null where the session's new state says it already. */
    private static String done(InteractionEvent event) {
        return switch (event.type()) {
            case TRANSFERRED -> "Transferred to " + (event.queue() != null
                    ? "queue " + (event.queue().name() == null ? event.queue().id() : event.queue().name())
                    : event.agent() != null ? "agent " + event.agent().id() : event.address());
            case CALLBACK_SCHEDULED -> "Callback scheduled for " + event.callback().scheduledAt() + " to "
                    + event.callback().number();
            default -> null;
        };
    }
}
