package dev.rapport.script.sessions;

import dev.rapport.script.schedules.ScheduleState;
import dev.rapport.contract.ActionRequest;
import dev.rapport.contract.ActionResult;
import dev.rapport.contract.EventTypes;
import dev.rapport.contract.InteractionCommand;
import dev.rapport.contract.InteractionEvent;
import dev.rapport.contract.Topics;
import dev.rapport.script.engine.InteractionAction;
import dev.rapport.script.flows.FlowDefinition;
import dev.rapport.script.flows.FlowRunner;
import dev.rapport.script.flows.LiveFlows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the inbound flow's logic steps do to a session (issue 17), apart from {@link SessionDriver} so its flow part
 * stays small: a data action call goes out on 'action-requests' like a script's, waiting in {@code pending_request}
 * (kind {@code flow-action}) and in the session's {@link FlowWait}; its result or deadline picks the branch. A
 * transfer to ACD queues the interaction with its priority, skills and language and waits for {@code connected} or
 * {@code routingFailed}. Disconnect, transfer to a number and callbacks go out as interaction commands.
 */
final class FlowSteps {
    /** Added to a call's timeout for the deadline, so action-service's own timeout answers first when it can. */
    static final int DEADLINE_MARGIN_SECONDS = 2;

    private final LiveFlows flows;
    private final InteractionCommands commands;
    /** A callback the flow requests is for this long from now ("as soon as possible", as the Conversations API's). */
    private final Duration asapCallbackDelay;

    FlowSteps(LiveFlows flows, InteractionCommands commands, Duration asapCallbackDelay) {
        this.flows = flows;
        this.commands = commands;
        this.asapCallbackDelay = asapCallbackDelay;
    }

    void callDataAction(Session s, List<String> path, String actionId, Map<String, Object> inputs, int timeoutSeconds,
                        SessionWrites out) {
        Instant now = Instant.now();
        String requestId = UUID.randomUUID().toString();
        out.requested.add(new PendingRequest(requestId, s.id, PendingRequest.Kind.FLOW_ACTION, null, List.copyOf(path),
                actionId, now.plusSeconds(timeoutSeconds + DEADLINE_MARGIN_SECONDS), now));
        out.event(Topics.ACTION_REQUESTS, s.id, EventTypes.ACTION_REQUESTED,
                new ActionRequest(requestId, s.id, actionId, null, new LinkedHashMap<>(inputs), timeoutSeconds, null));
        s.flowWait = new FlowWait(List.copyOf(path), FlowWait.CALL_DATA_ACTION, requestId);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("actionId", actionId);
        detail.put("inputs", inputs.keySet());
        detail.put("timeoutSeconds", timeoutSeconds);
        out.timeline(s.id, "flow.callDataAction", "Call data action " + actionId + " (waits up to " + timeoutSeconds
                + " s)", detail);
    }

    /**
     * The branch a data action's result takes ({@code success} with its outputs copied into flow variables, else
     * {@code failure}, or {@code timeout} when action-service timed it out); null when the flow waits for it no more.
     */
    String result(Session s, PendingRequest request, ActionResult result, FlowDefinition flow, SessionWrites out) {
        if (!waitsFor(s, request)) {
            out.timeline(s.id, "flow.action.ignored", "The flow no longer waits for data action "
                    + request.actionId(), null);
            return null;
        }
        s.flowWait = null;
        if (result.success()) {
            FlowDefinition.Step step = new FlowRunner(flow, n -> null, null).stepAt(request.flowPath());
            if (step instanceof FlowDefinition.CallDataAction call) {
                call.outputs().forEach((variable, output) -> s.flowVariables.put(variable,
                        result.outputs() == null ? null : result.outputs().get(output)));
            }
            out.timeline(s.id, "flow.callDataAction.success", "Data action " + name(request, result)
                    + ": success", null);
            return "success";
        }
        boolean timedOut = result.error() != null && "timeout".equals(result.error().code());
        out.timeline(s.id, "flow.callDataAction." + (timedOut ? "timeout" : "failure"), "Data action "
                + name(request, result) + ": " + (timedOut ? "timeout" : "failure")
                + (result.error() == null ? "" : " (" + result.error().message() + ")"), null);
        return timedOut ? "timeout" : "failure";
    }

    /** The branch a data action's deadline takes: {@code timeout}; null when the flow waits for it no more. */
    String deadline(Session s, PendingRequest request, SessionWrites out) {
        out.answered.add(request.requestId());
        if (!waitsFor(s, request)) {
            return null;
        }
        s.flowWait = null;
        out.timeline(s.id, "flow.callDataAction.timeout", "Data action " + request.actionId()
                + ": timeout (no result in time)", null);
        return "timeout";
    }

    private static boolean waitsFor(Session s, PendingRequest request) {
        return s.flowWait != null && FlowWait.CALL_DATA_ACTION.equals(s.flowWait.step())
                && request.requestId().equals(s.flowWait.requestId()) && !s.ended();
    }

    private static String name(PendingRequest request, ActionResult result) {
        return result.actionName() == null ? request.actionId() : result.actionName();
    }

    /** Queues the interaction for routing and makes the flow wait at the step. */
    void transferToAcd(Session s, List<String> path, String queueId, String queueName, int priority,
                       List<String> skills, String languageId) {
        s.queueId = queueId;
        s.queueName = queueName;
        s.routingPriority = priority;
        s.routingSkills = new ArrayList<>(skills);
        s.routingLanguage = languageId == null || languageId.isBlank() ? null : languageId;
        if (!"connected".equals(s.state) && !s.ended()) {
            s.state = "queued";
        }
        s.flowWait = new FlowWait(List.copyOf(path), FlowWait.TRANSFER_TO_ACD, null);
    }

    /**
     * What an interaction event means for a flow waiting at a transfer to ACD: {@code routingFailed} runs its failure
     * steps (the path and block returned), {@code connected} or {@code ended} ends the wait (null returned).
     */
    FlowWait onEvent(Session s, InteractionEvent event, SessionWrites out) {
        FlowWait wait = s.flowWait;
        if (wait == null || !FlowWait.TRANSFER_TO_ACD.equals(wait.step())) {
            if (wait != null && event.type() == InteractionEvent.Kind.ENDED) {
                s.flowWait = null;
            }
            return null;
        }
        switch (event.type()) {
            case ROUTING_FAILED -> {
                s.flowWait = null;
                out.timeline(s.id, "flow.transferToAcd.failure", "Transfer to ACD queue " + label(s)
                        + " failed" + (event.reason() == null ? "" : ": " + event.reason()) + "; failure path", null);
                return wait;
            }
            case CONNECTED -> {
                s.flowWait = null;
                out.timeline(s.id, "flow.ended", "Transfer to ACD done: connected to " + event.agent().id()
                        + "; the flow ends", null);
            }
            case ENDED -> s.flowWait = null;
            default -> {
            }
        }
        return null;
    }

    private static String label(Session s) {
        return s.queueName == null ? String.valueOf(s.queueId) : s.queueName;
    }

    void disconnect(Session s, SessionWrites out) {
        commands.send(s, UUID.randomUUID().toString(), new InteractionAction(InteractionCommand.Kind.DISCONNECT, null,
                null, null, null), null, null, out);
    }

    void transferToNumber(Session s, String number, SessionWrites out) {
        if (!InteractionCommand.isPhoneNumber(number)) {
            out.timeline(s.id, "flow.refused", "Transfer to number: '" + number + "' is not a phone number", null);
            return;
        }
        commands.send(s, UUID.randomUUID().toString(), new InteractionAction(InteractionCommand.Kind.BLIND_TRANSFER,
                InteractionCommand.TargetType.NUMBER, number, null, null), null, null, out);
    }

    /** A callback as soon as possible; the queue, if named, goes as the command's target. */
    void requestCallback(Session s, String number, String queueId, SessionWrites out) {
        if (!InteractionCommand.isPhoneNumber(number)) {
            out.timeline(s.id, "flow.refused", "Request callback: '" + number + "' is not a phone number", null);
            return;
        }
        boolean queue = queueId != null && !queueId.isBlank();
        commands.send(s, UUID.randomUUID().toString(), new InteractionAction(InteractionCommand.Kind.SCHEDULE_CALLBACK,
                queue ? InteractionCommand.TargetType.QUEUE : null, queue ? queueId : null, number,
                Instant.now().plus(asapCallbackDelay)),
                null, null, out);
    }

    /** The schedule group's state now; closed (with a timeline entry) when the group does not exist. */
    ScheduleState schedule(Session s, String scheduleGroupId, SessionWrites out) {
        return flows.schedule(scheduleGroupId, Instant.now()).orElseGet(() -> {
            out.timeline(s.id, "flow.schedule.missing", "Schedule group " + scheduleGroupId
                    + " does not exist: closed", null);
            return ScheduleState.CLOSED;
        });
    }
}
