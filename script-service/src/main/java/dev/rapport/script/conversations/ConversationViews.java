package dev.rapport.script.conversations;

import dev.rapport.contract.SessionState;
import dev.rapport.script.conversations.GenesysConversation.Address;
import dev.rapport.script.conversations.GenesysConversation.Call;
import dev.rapport.script.conversations.GenesysConversation.Callback;
import dev.rapport.script.conversations.GenesysConversation.CallbackConversation;
import dev.rapport.script.conversations.GenesysConversation.CallbackParticipant;
import dev.rapport.script.conversations.GenesysConversation.Conversation;
import dev.rapport.script.conversations.GenesysConversation.EntityRef;
import dev.rapport.script.conversations.GenesysConversation.Participant;
import dev.rapport.script.conversations.GenesysConversation.RoutingData;
import dev.rapport.script.conversations.GenesysConversation.Wrapup;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A conversation in Genesys's shapes, from what Rapport knows of it. An interaction is a voice call with up to four
 * participants: the customer (ANI, DNIS), the IVR (the inbound flow it ran), the {@code acd} (the queue) and the
 * agent (the one connected, or the one it left and who owes or gave a wrap-up). Each carries the interaction's
 * participant data: Rapport keeps one map per interaction. Participant ids are derived from the conversation id and
 * the role, so they stay the same from one read to the next and on every instance.
 */
final class ConversationViews {
    static final String BASE = "/api/v2/conversations";

    private ConversationViews() {
    }

    static Conversation conversation(ConversationFacts f) {
        ConversationFacts.Call call = f.call();
        if (call == null) {
            return scheduledCallback(f);
        }
        List<Participant> participants = new ArrayList<>();
        Instant ended = call.ended() ? call.updatedAt() : null;
        Map<String, String> attributes = f.attributes();
        List<Callback> callbacks = f.callback() == null ? null
                : List.of(callbackLeg(f, call.ended() ? "disconnected" : "connected"));
        participants.add(new Participant(participantId(f.id(), "customer"), call.startedAt(), ended, null, null, null,
                null, null, "customer", "External", tel(call.ani()), tel(call.ani()), tel(call.dnis()), null, null,
                null, attributes, List.of(new Call(legId(f.id(), "customer"), call.ended() ? "disconnected"
                : "connected", "inbound", address(call.ani()), address(call.dnis()), call.startedAt(), ended,
                call.ended() ? "peer" : null, null, null)), callbacks));
        if (call.flowName() != null) {
            boolean inIvr = "alerting".equals(call.state()) && call.queueId() == null && call.agentId() == null;
            participants.add(new Participant(participantId(f.id(), "ivr"), call.startedAt(), null, call.flowName(),
                    null, null, null, null, "ivr", null, tel(call.dnis()), tel(call.ani()), tel(call.dnis()), null,
                    null, null, attributes, List.of(leg(f.id(), "ivr", inIvr && !call.ended())), null));
        }
        if (call.queueId() != null) {
            Integer priority = f.callback() == null ? null : f.callback().priority();
            participants.add(new Participant(participantId(f.id(), "acd"), null, null, call.queueName(), null, null,
                    call.queueId(), call.queueName(), "acd", null, null, tel(call.ani()), tel(call.dnis()), null,
                    null, new RoutingData(new EntityRef(call.queueId(), call.queueName(), null), priority),
                    attributes, List.of(leg(f.id(), "acd", "queued".equals(call.state()))), callbacks));
        }
        SessionState.Wrapup wrapup = call.wrapup();
        if (call.agentId() != null) {
            boolean connected = "connected".equals(call.state());
            boolean owes = wrapup != null && call.agentId().equals(wrapup.agentId());
            participants.add(agent(f.id(), call.agentId(), call.agentName(), call, attributes, connected,
                    owes ? wrapup : null));
        }
        if (wrapup != null && wrapup.agentId() != null && !wrapup.agentId().equals(call.agentId())) {
            participants.add(agent(f.id(), wrapup.agentId(), null, call, attributes, false, wrapup));
        }
        return new Conversation(f.id(), call.startedAt(), ended, f.externalTag(), participants, BASE + "/" + f.id());
    }

    /** A callback the telephony side has not placed yet: its customer and the queue it waits for. */
    private static Conversation scheduledCallback(ConversationFacts f) {
        ConversationFacts.Callback cb = f.callback();
        String state = callbackState(f);
        List<Callback> leg = List.of(callbackLeg(f, state));
        Instant ended = "disconnected".equals(state) ? cb.createdAt() : null;
        List<Participant> participants = List.of(
                new Participant(participantId(f.id(), "customer"), cb.createdAt(), ended, cb.userName(), null, null,
                        null, null, "customer", "External", tel(cb.numbers().get(0)), null, null, null, null, null,
                        cb.data(), null, leg),
                new Participant(participantId(f.id(), "acd"), cb.createdAt(), ended, null, null, null, cb.queueId(),
                        null, "acd", null, null, null, null, null, null,
                        new RoutingData(EntityRef.of(cb.queueId()), cb.priority()), cb.data(), null, leg));
        return new Conversation(f.id(), cb.createdAt(), ended, f.externalTag(), participants, BASE + "/" + f.id());
    }

    /** {@code GET /api/v2/conversations/callbacks/{id}}: the callback's participants (null: not a callback). */
    static CallbackConversation callbackConversation(ConversationFacts f) {
        ConversationFacts.Callback cb = f.callback();
        if (cb == null) {
            return null;
        }
        ConversationFacts.Call call = f.call();
        String state = callbackState(f);
        Instant connected = call == null ? null : call.startedAt();
        Instant ended = call != null ? (call.ended() ? call.updatedAt() : null)
                : "disconnected".equals(state) ? cb.createdAt() : null;
        Map<String, String> attributes = f.attributes();
        List<CallbackParticipant> participants = new ArrayList<>();
        participants.add(new CallbackParticipant(participantId(f.id(), "customer"), cb.userName(),
                tel(cb.numbers().get(0)), cb.createdAt(), connected, ended, "customer", state, "outbound", null,
                EntityRef.of(cb.queueId()), attributes, EntityRef.of(cb.scriptId()), null, cb.numbers(),
                cb.userName(), cb.scheduledAt()));
        participants.add(new CallbackParticipant(participantId(f.id(), "acd"), null, null, cb.createdAt(), null,
                ended, "acd", state, null, null, EntityRef.of(cb.queueId()), attributes, null,
                new RoutingData(EntityRef.of(cb.queueId()), cb.priority()), null, null, null));
        if (call != null && call.agentId() != null) {
            participants.add(new CallbackParticipant(participantId(f.id(), "agent/" + call.agentId()),
                    call.agentName(), null, connected, connected, ended, "agent",
                    "connected".equals(call.state()) ? "connected" : "disconnected", "outbound",
                    new EntityRef(call.agentId(), call.agentName(), null), EntityRef.of(cb.queueId()), attributes,
                    EntityRef.of(cb.scriptId()), null, null, null, null));
        }
        return new CallbackConversation(f.id(), participants, BASE + "/callbacks/" + f.id());
    }

    /** Every participant id of the conversation (what a PATCH of participant data may name). */
    static List<String> participantIds(ConversationFacts f) {
        List<String> ids = new ArrayList<>(conversation(f).participants().stream().map(Participant::id).toList());
        CallbackConversation callback = callbackConversation(f);
        if (callback != null) {
            callback.participants().stream().map(CallbackParticipant::id).filter(id -> !ids.contains(id))
                    .forEach(ids::add);
        }
        return ids;
    }

    /**
     * A callback's state: once the telephony side placed the call, the call's; before, {@code scheduled}, or
     * {@code disconnected} when the telephony side refused it.
     */
    static String callbackState(ConversationFacts f) {
        if (f.call() != null) {
            return f.call().ended() ? "disconnected" : "connected";
        }
        return f.callback().refusal() != null ? "disconnected" : "scheduled";
    }

    static String participantId(String conversationId, String role) {
        return UUID.nameUUIDFromBytes((conversationId + "/participant/" + role).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static String legId(String conversationId, String role) {
        return UUID.nameUUIDFromBytes((conversationId + "/leg/" + role).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Callback callbackLeg(ConversationFacts f, String state) {
        ConversationFacts.Callback cb = f.callback();
        ConversationFacts.Call call = f.call();
        return new Callback(legId(f.id(), "callback"), state, "outbound", cb.numbers(), cb.userName(),
                cb.scriptId(), cb.scheduledAt(), call == null ? null : call.startedAt(),
                call != null && call.ended() ? call.updatedAt() : null);
    }

    private static Call leg(String conversationId, String role, boolean connected) {
        return new Call(legId(conversationId, role), connected ? "connected" : "disconnected", "inbound", null, null,
                null, null, null, null, null);
    }

    private static Participant agent(String conversationId, String agentId, String agentName,
                                     ConversationFacts.Call call, Map<String, String> attributes, boolean connected,
                                     SessionState.Wrapup wrapup) {
        Wrapup done = wrapup != null && SessionState.Wrapup.DONE.equals(wrapup.status())
                ? new Wrapup(wrapup.code(), wrapup.codeName(), wrapup.notes(), wrapup.at()) : null;
        String role = "agent/" + agentId;
        return new Participant(participantId(conversationId, role), null,
                connected ? null : call.ended() ? call.updatedAt() : null, agentName, "/api/v2/users/" + agentId,
                agentId, call.queueId(), call.queueName(), "agent", "User", null, tel(call.ani()), tel(call.dnis()),
                wrapup == null ? null : wrapup.required(), done, null, attributes,
                List.of(new Call(legId(conversationId, role), connected ? "connected" : "disconnected", "inbound",
                        null, address(call.ani()), null, null, null, call.scriptId(), done)), null);
    }

    private static Address address(String number) {
        return number == null ? null : new Address(null, tel(number), number, number);
    }

    /** Genesys writes phone numbers as tel: URIs. */
    static String tel(String number) {
        return number == null || number.isEmpty() ? null : number.contains(":") ? number : "tel:" + number;
    }
}
