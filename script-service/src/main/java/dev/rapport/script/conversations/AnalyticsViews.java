package dev.rapport.script.conversations;

import static dev.rapport.script.conversations.ConversationViews.legId;
import static dev.rapport.script.conversations.ConversationViews.participantId;
import static dev.rapport.script.conversations.ConversationViews.tel;

import dev.rapport.script.conversations.GenesysAnalytics.ConversationDetails;
import dev.rapport.script.conversations.GenesysAnalytics.Participant;
import dev.rapport.script.conversations.GenesysAnalytics.Segment;
import dev.rapport.script.conversations.GenesysAnalytics.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation's details in Genesys's Analytics shape, from the interaction and what happened to it (the session
 * core's timeline). The customer is on the call from start to end; each event then hands the call to someone: the
 * IVR (the inbound flow, from the start), the {@code acd} (queued or transferred to a queue), an {@code agent}
 * (alerted, connected, or transferred to them) or an {@code external} party (transferred to an outside number: an
 * outbound voice session whose {@code dnis} is that number). Each hand-over ends the previous holder's segment.
 * Participant and session ids are those of the Conversations API (the same role, the same id).
 */
final class AnalyticsViews {
    private AnalyticsViews() {
    }

    static ConversationDetails details(ConversationFacts f, List<ConversationFacts.Step> history) {
        ConversationFacts.Call call = f.call();
        if (call == null) {
            return scheduledCallback(f);
        }
        List<ConversationFacts.Step> steps = history.isEmpty() ? fromRow(call) : history;
        Instant start = call.startedAt() != null ? call.startedAt() : steps.get(0).at();
        Instant end = null;
        if (call.ended()) {
            end = steps.stream().filter(s -> "ended".equals(s.type())).map(ConversationFacts.Step::at).findFirst()
                    .orElse(call.updatedAt());
        }
        Map<String, Holder> holders = new LinkedHashMap<>();
        Holder customer = holder(holders, "customer", "customer", null, null, "inbound");
        customer.segments.add(new Open(start, "interact", null));
        Holder current = null;
        for (ConversationFacts.Step step : steps) {
            Holder next = null;
            String segmentType = "interact";
            String queueId = null;
            switch (step.type()) {
                case "started" -> {
                    if (call.flowName() != null) {
                        next = holder(holders, "ivr", "ivr", call.flowName(), null, "inbound");
                        segmentType = "ivr";
                    }
                }
                case "queued", "transferred" -> {
                    if (step.queueId() != null) {
                        next = holder(holders, "acd", "acd", step.queueName(), null, "inbound");
                        queueId = step.queueId();
                    } else if (step.agentId() != null) {
                        next = holder(holders, "agent/" + step.agentId(), "agent", step.agentName(), step.agentId(),
                                "inbound");
                        segmentType = "alert";
                    } else if (step.address() != null) {
                        next = holder(holders, "external/" + step.address(), "external", step.address(), null,
                                "outbound");
                        next.address = step.address();
                    }
                }
                case "alerting", "connected" -> {
                    if (step.agentId() != null) {
                        next = holder(holders, "agent/" + step.agentId(), "agent", step.agentName(),
                                step.agentId(), "inbound");
                        segmentType = "alerting".equals(step.type()) ? "alert" : "interact";
                    }
                }
                default -> {
                    // ended: closes every segment below
                }
            }
            if (next == null) {
                continue;
            }
            if (current != null) {
                current.close(step.at(), "transferred".equals(step.type()) ? "transfer" : null);
            }
            next.segments.add(new Open(step.at(), segmentType, queueId));
            current = next;
        }
        List<Participant> participants = new ArrayList<>();
        for (Holder h : holders.values()) {
            if (end != null) {
                h.close(end, "peer");
            }
            participants.add(h.participant(f.id(), call));
        }
        return new ConversationDetails(f.id(), start, end, "inbound", participants);
    }

    /** Without a timeline (none kept): the interaction row's last state, all of it from the start. */
    private static List<ConversationFacts.Step> fromRow(ConversationFacts.Call call) {
        Instant at = call.startedAt() != null ? call.startedAt() : call.updatedAt();
        List<ConversationFacts.Step> steps = new ArrayList<>();
        steps.add(new ConversationFacts.Step(at, "started", null, null, null, null, null));
        if (call.queueId() != null) {
            steps.add(new ConversationFacts.Step(at, "queued", call.queueId(), call.queueName(), null, null, null));
        }
        if (call.agentId() != null) {
            steps.add(new ConversationFacts.Step(at, "connected".equals(call.state()) ? "connected" : "alerting",
                    null, null, call.agentId(), call.agentName(), null));
        }
        if (call.ended()) {
            steps.add(new ConversationFacts.Step(call.updatedAt(), "ended", null, null, null, null, null));
        }
        return steps;
    }

    /** A callback the telephony side has not placed yet: its customer, scheduled, and the queue it waits for. */
    private static ConversationDetails scheduledCallback(ConversationFacts f) {
        ConversationFacts.Callback cb = f.callback();
        boolean refused = cb.refusal() != null;
        Instant end = refused ? cb.createdAt() : null;
        List<Segment> scheduled = List.of(new Segment(cb.createdAt(), end, "scheduled", cb.queueId(),
                refused ? "error" : null));
        return new ConversationDetails(f.id(), cb.createdAt(), end, "outbound", List.of(
                new Participant(participantId(f.id(), "customer"), cb.userName(), "customer", null,
                        List.of(new Session("callback", legId(f.id(), "callback"), "outbound", null,
                                tel(cb.numbers().get(0)), null, null, scheduled))),
                new Participant(participantId(f.id(), "acd"), null, "acd", null,
                        List.of(new Session("callback", legId(f.id(), "acd"), "outbound", null,
                                tel(cb.numbers().get(0)), null, null, scheduled)))));
    }

    private static Holder holder(Map<String, Holder> holders, String role, String purpose, String name,
                                 String userId, String direction) {
        Holder h = holders.computeIfAbsent(role, r -> new Holder(r, purpose, direction));
        if (name != null) {
            h.name = name;
        }
        if (userId != null) {
            h.userId = userId;
        }
        return h;
    }

    /** A segment being built: open until the next hand-over or the end. */
    private static final class Open {
        final Instant start;
        final String type;
        final String queueId;
        Instant end;
        String disconnectType;

        Open(Instant start, String type, String queueId) {
            this.start = start;
            this.type = type;
            this.queueId = queueId;
        }
    }

    /** One participant: who holds (or held) the call, with its segments in order. */
    private static final class Holder {
        final String role;
        final String purpose;
        final String direction;
        final List<Open> segments = new ArrayList<>();
        String name;
        String userId;
        String address;

        Holder(String role, String purpose, String direction) {
            this.role = role;
            this.purpose = purpose;
            this.direction = direction;
        }

        void close(Instant at, String disconnectType) {
            if (!segments.isEmpty() && segments.get(segments.size() - 1).end == null) {
                Open last = segments.get(segments.size() - 1);
                last.end = at;
                last.disconnectType = disconnectType;
            }
        }

        Participant participant(String conversationId, ConversationFacts.Call call) {
            List<Segment> done = segments.stream()
                    .map(o -> new Segment(o.start, o.end, o.type, o.queueId, o.disconnectType)).toList();
            // An outside party is called out to: the customer's number is passed on as the caller's.
            String dnis = address != null ? tel(address) : tel(call.dnis());
            Session session = new Session("voice", legId(conversationId, role), direction, tel(call.ani()), dnis,
                    tel(call.ani()), dnis, done);
            return new Participant(participantId(conversationId, role), name, purpose, userId, List.of(session));
        }
    }
}
