package dev.rapport.script.routing;

import dev.rapport.contract.InteractionEvent.AgentRef;
import dev.rapport.platform.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Built-in routing's part of a session batch, in the batch's transaction (so it takes effect exactly once with the
 * inputs that caused it): an interaction that entered a built-in queue gets its entry; an offered agent's answer
 * connects them (the {@code connected} event goes out through the outbox); an interaction that left the queue
 * (connected, ended) ends its entry; an agent becomes INTERACTING while connected and IDLE again once the interaction
 * left them and their wrap-up is done. The router is woken after the commit.
 */
@ApplicationScoped
public class QueueEntries {
    private final Router router;

    QueueEntries(Router router) {
        this.router = router;
    }

    /** @return the events to publish with the batch (the {@code connected} of each answer routing accepted) */
    public List<OutboxMessage> afterBatch(Connection c, List<RoutedSession> sessions, List<RoutedSession.Answer> answers)
            throws SQLException {
        List<OutboxMessage> out = new ArrayList<>();
        boolean wake = answer(c, answers, out);
        wake |= enter(c, sessions);
        wake |= leave(c, sessions);
        if (wake) {
            router.wakeAfterCommit();
        }
        return out;
    }

    /** The answers of the agents the interaction is offered to: connected (others are stale and change nothing). */
    private boolean answer(Connection c, List<RoutedSession.Answer> answers, List<OutboxMessage> out)
            throws SQLException {
        if (answers.isEmpty()) {
            return false;
        }
        Map<String, String> taken = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE routing_entry e SET status = 'connected', "
                + "offer_deadline = NULL, updated_at = now() FROM unnest(?::varchar[], ?::varchar[]) AS a(id, agent) "
                + "WHERE e.interaction_id = a.id AND e.status = 'offered' AND e.offered_to = a.agent "
                + "RETURNING e.interaction_id, e.offered_to")) {
            ps.setArray(1, c.createArrayOf("varchar", answers.stream().map(RoutedSession.Answer::interactionId).toArray()));
            ps.setArray(2, c.createArrayOf("varchar", answers.stream().map(RoutedSession.Answer::agentId).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        if (taken.isEmpty()) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE routing_status s SET status = 'INTERACTING', "
                + "since = now(), offered_interaction = NULL, interaction_id = a.id "
                + "FROM unnest(?::varchar[], ?::varchar[]) AS a(id, agent) WHERE s.user_id = a.agent")) {
            ps.setArray(1, c.createArrayOf("varchar", taken.keySet().toArray()));
            ps.setArray(2, c.createArrayOf("varchar", taken.values().toArray()));
            ps.executeUpdate();
        }
        Map<String, AgentRef> directory = DirectoryUsers.agents(c, taken.values());
        taken.forEach((interaction, agent) -> out.add(RoutingEvents.connected(interaction,
                directory.getOrDefault(agent, new AgentRef(agent, agent, null)))));
        return false;
    }

    /**
     * Sessions waiting in a queue that is a built-in one (by id, or by name) get an entry. An entry that waits or is
     * offered in that queue stays as it is; one that failed there is not tried again; one that ended (connected,
     * done) or waits in another queue starts again in this one.
     */
    private boolean enter(Connection c, List<RoutedSession> sessions) throws SQLException {
        List<RoutedSession> queued = sessions.stream()
                .filter(s -> "queued".equals(s.state()) && (s.queueId() != null || s.queueName() != null)).toList();
        if (queued.isEmpty()) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO routing_entry (interaction_id, queue_id, status, "
                + "priority, skills, language_id, entered_at, in_queue_deadline, updated_at) "
                + "SELECT DISTINCT ON (u.id) u.id, q.id, 'waiting', u.priority, "
                + "ARRAY(SELECT coalesce((SELECT k.id::text FROM routing_skill k WHERE k.kind = 'skill' "
                + "  AND (k.id::text = n OR lower(k.name) = lower(n)) LIMIT 1), 'unknown:' || n) "
                + "  FROM unnest(string_to_array(u.skills, E'\\n')) AS n WHERE n <> ''), "
                + "CASE WHEN u.language IS NULL THEN NULL ELSE coalesce((SELECT k.id::text FROM routing_skill k "
                + "  WHERE k.kind = 'language' AND (k.id::text = u.language OR lower(k.name) = lower(u.language)) "
                + "  LIMIT 1), 'unknown:' || u.language) END, "
                + "now(), CASE WHEN q.in_queue_timeout_seconds IS NULL THEN NULL "
                + "  ELSE now() + make_interval(secs => q.in_queue_timeout_seconds) END, now() "
                + "FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::text[], ?::varchar[]) "
                + "  AS u(id, queue_id, queue_name, priority, skills, language) "
                + "JOIN routing_queue q ON q.id::text = u.queue_id OR lower(q.name) = lower(coalesce(u.queue_name, u.queue_id)) "
                + "  OR lower(q.name) = lower(u.queue_id) "
                + "ORDER BY u.id, (q.id::text = u.queue_id) DESC "
                + "ON CONFLICT (interaction_id) DO UPDATE SET queue_id = excluded.queue_id, status = 'waiting', "
                + "priority = excluded.priority, skills = excluded.skills, language_id = excluded.language_id, "
                + "entered_at = excluded.entered_at, in_queue_deadline = excluded.in_queue_deadline, offered_to = NULL, "
                + "offer_deadline = NULL, updated_at = now() "
                + "WHERE routing_entry.status IN ('connected', 'done') "
                + "OR (routing_entry.status IN ('waiting', 'failed') AND routing_entry.queue_id <> excluded.queue_id)")) {
            ps.setArray(1, c.createArrayOf("varchar", queued.stream().map(RoutedSession::interactionId).toArray()));
            ps.setArray(2, c.createArrayOf("varchar", queued.stream().map(RoutedSession::queueId).toArray()));
            ps.setArray(3, c.createArrayOf("varchar", queued.stream().map(RoutedSession::queueName).toArray()));
            ps.setArray(4, c.createArrayOf("int4", queued.stream().map(RoutedSession::priority).toArray()));
            ps.setArray(5, c.createArrayOf("text", queued.stream()
                    .map(s -> s.skills() == null ? "" : String.join("\n", s.skills())).toArray()));
            ps.setArray(6, c.createArrayOf("varchar", queued.stream().map(RoutedSession::language).toArray()));
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * Interactions that left their queue (connected to someone, ended) end their entry and take back an offer made
     * to anyone else; connected agents are INTERACTING; agents an interaction left are IDLE again once they owe it
     * no wrap-up.
     */
    private boolean leave(Connection c, List<RoutedSession> sessions) throws SQLException {
        if (sessions.isEmpty()) {
            return false;
        }
        Object[] ids = sessions.stream().map(RoutedSession::interactionId).toArray();
        Object[] states = sessions.stream().map(RoutedSession::state).toArray();
        Object[] agents = sessions.stream().map(RoutedSession::agentId).toArray();
        Object[] wrapups = sessions.stream().map(RoutedSession::wrapupAgentId).toArray();
        boolean released = false;
        if (sessions.stream().anyMatch(s -> "connected".equals(s.state()) || "ended".equals(s.state()))) {
            try (PreparedStatement ps = c.prepareStatement("WITH gone AS (UPDATE routing_entry e SET "
                    + "status = CASE WHEN u.state = 'connected' THEN 'connected' ELSE 'done' END, offer_deadline = NULL, "
                    + "updated_at = now() FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) AS u(id, state, agent) "
                    + "WHERE e.interaction_id = u.id AND e.status IN ('waiting', 'offered') "
                    + "AND u.state IN ('connected', 'ended') RETURNING e.interaction_id, e.offered_to, u.agent) "
                    + "UPDATE routing_status s SET offered_interaction = NULL FROM gone "
                    + "WHERE s.user_id = gone.offered_to AND s.offered_interaction = gone.interaction_id "
                    + "AND gone.offered_to IS DISTINCT FROM gone.agent")) {
                ps.setArray(1, c.createArrayOf("varchar", ids));
                ps.setArray(2, c.createArrayOf("varchar", states));
                ps.setArray(3, c.createArrayOf("varchar", agents));
                released = ps.executeUpdate() > 0;
            }
        }
        List<RoutedSession> connected = sessions.stream()
                .filter(s -> "connected".equals(s.state()) && s.agentId() != null).toList();
        if (!connected.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE routing_status s SET status = 'INTERACTING', "
                    + "since = now(), interaction_id = u.id, offered_interaction = CASE "
                    + "WHEN s.offered_interaction = u.id THEN NULL ELSE s.offered_interaction END "
                    + "FROM unnest(?::varchar[], ?::varchar[]) AS u(id, agent) WHERE s.user_id = u.agent "
                    + "AND s.status IN ('IDLE', 'INTERACTING', 'NOT_RESPONDING') "
                    + "AND (s.status <> 'INTERACTING' OR s.interaction_id IS DISTINCT FROM u.id)")) {
                ps.setArray(1, c.createArrayOf("varchar", connected.stream().map(RoutedSession::interactionId).toArray()));
                ps.setArray(2, c.createArrayOf("varchar", connected.stream().map(RoutedSession::agentId).toArray()));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE routing_status s SET status = 'IDLE', since = now(), "
                + "interaction_id = NULL FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) AS u(id, agent, wrapup) "
                + "WHERE s.interaction_id = u.id AND s.status = 'INTERACTING' "
                + "AND s.user_id IS DISTINCT FROM u.agent AND s.user_id IS DISTINCT FROM u.wrapup")) {
            ps.setArray(1, c.createArrayOf("varchar", ids));
            ps.setArray(2, c.createArrayOf("varchar", agents));
            ps.setArray(3, c.createArrayOf("varchar", wrapups));
            released |= ps.executeUpdate() > 0;
        }
        return released;
    }
}
