package dev.rapport.script.sessions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.SessionState;
import dev.rapport.script.engine.SessionModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Locks, loads and saves sessions, a batch at a time: one statement to record which events are new, one to lock
 * and load every session the batch touches (in id order, so two batches never deadlock), and one batched statement
 * per table to save. Plain JDBC on the transaction's connection: the hot path has no ORM in it.
 */
@ApplicationScoped
class SessionRepository {
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() { };
    private static final TypeReference<List<SessionState.Alert>> ALERTS = new TypeReference<>() { };
    private static final TypeReference<List<SessionState.ActionRun>> RUNS = new TypeReference<>() { };
    private static final TypeReference<List<String>> PATH = new TypeReference<>() { };

    private final ObjectMapper json;

    SessionRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Records the events as handled; returns the indexes of those seen for the first time. */
    Set<Integer> firstDeliveries(Connection c, List<String> consumers, List<String> eventIds) throws SQLException {
        Set<Integer> fresh = new HashSet<>();
        if (eventIds.isEmpty()) {
            return fresh;
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < eventIds.size(); i++) {
            // a record delivered twice within one poll counts once
            index.putIfAbsent(consumers.get(i) + '\n' + eventIds.get(i), i);
        }
        List<String> cs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        index.keySet().forEach(k -> {
            int n = k.indexOf('\n');
            cs.add(k.substring(0, n));
            ids.add(k.substring(n + 1));
        });
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO processed_event (consumer, event_id) "
                + "SELECT * FROM unnest(?::varchar[], ?::varchar[]) ON CONFLICT DO NOTHING RETURNING consumer, event_id")) {
            ps.setArray(1, c.createArrayOf("varchar", cs.toArray()));
            ps.setArray(2, c.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(index.get(rs.getString(1) + '\n' + rs.getString(2)));
                }
            }
        }
        return fresh;
    }

    /** The sessions watching these rows: who a row change concerns, and at which flow step they looked it up. */
    List<SessionInput.RowChanged> watchers(Connection c, String tableId, String rowKey, Map<String, Object> row)
            throws SQLException {
        List<SessionInput.RowChanged> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT interaction_id, flow_path::text FROM session_row "
                + "WHERE table_id = ? AND row_key = ?")) {
            ps.setString(1, tableId);
            ps.setString(2, rowKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SessionInput.RowChanged(rs.getString(1), tableId, rowKey, row,
                            read(rs.getString(2), PATH)));
                }
            }
        }
        return out;
    }

    /**
     * Locks the interactions (in id order) and loads them with their sessions; unknown ids are absent. The lock and
     * the load are two statements on purpose: after waiting for a lock, PostgreSQL re-reads only the locked row, so
     * one statement would join the fresh interaction with its session as it was before the other writer committed.
     * The load, a statement of its own, sees everything committed before the lock was granted.
     */
    Map<String, Session> lock(Connection c, Collection<String> interactionIds) throws SQLException {
        Map<String, Session> sessions = new TreeMap<>();
        if (interactionIds.isEmpty()) {
            return sessions;
        }
        Object[] ids = new TreeSet<>(interactionIds).toArray();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM interaction WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("varchar", ids));
            ps.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT i.id, i.state, i.ani, i.dnis, i.attributes::text, "
                + "i.queue_id, i.queue_name, i.agent_id, i.agent_name, i.agent_email, i.version, i.started_at, "
                + "i.updated_at, s.flow_id, s.flow_version, s.flow_variables::text, s.script_id, s.script_name, "
                + "s.script_version, s.snapshot::text, s.actions::text, s.alerts::text, s.screen_pop::text, "
                + "s.wrapup::text, s.queue_wrapup_required, "
                + "s.flow_wait::text, s.routing_priority, s.routing_skills::text, s.routing_language "
                + "FROM interaction i LEFT JOIN agent_session s ON s.interaction_id = i.id "
                + "WHERE i.id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Session s = new Session(rs.getString(1), true);
                    s.state = rs.getString(2);
                    s.ani = rs.getString(3);
                    s.dnis = rs.getString(4);
                    s.attributes = new LinkedHashMap<>(read(rs.getString(5), STRINGS));
                    s.queueId = rs.getString(6);
                    s.queueName = rs.getString(7);
                    s.agentId = rs.getString(8);
                    s.agentName = rs.getString(9);
                    s.agentEmail = rs.getString(10);
                    s.version = rs.getLong(11);
                    s.startedAt = instant(rs.getTimestamp(12));
                    s.updatedAt = instant(rs.getTimestamp(13));
                    String flowId = rs.getString(14);
                    s.flowId = flowId == null ? null : UUID.fromString(flowId);
                    s.flowVersion = (Integer) rs.getObject(15);
                    String flowVariables = rs.getString(16);
                    s.flowVariables = flowVariables == null ? new LinkedHashMap<>()
                            : new LinkedHashMap<>(read(flowVariables, VALUES));
                    s.scriptId = rs.getString(17);
                    s.scriptName = rs.getString(18);
                    s.scriptVersion = (Integer) rs.getObject(19);
                    String snapshot = rs.getString(20);
                    s.snapshot = snapshot == null ? null : read(snapshot, SessionModel.SessionSnapshot.class);
                    String runs = rs.getString(21);
                    s.runs = runs == null ? new ArrayList<>() : new ArrayList<>(read(runs, RUNS));
                    String alerts = rs.getString(22);
                    s.alerts = alerts == null ? new ArrayList<>() : new ArrayList<>(read(alerts, ALERTS));
                    String screenPop = rs.getString(23);
                    s.screenPop = screenPop == null ? null : new LinkedHashMap<>(read(screenPop, STRINGS));
                    String wrapup = rs.getString(24);
                    s.wrapup = wrapup == null ? null : read(wrapup, SessionState.Wrapup.class);
                    s.queueWrapupRequired = rs.getBoolean(25);
                    String flowWait = rs.getString(26);
                    s.flowWait = flowWait == null ? null : read(flowWait, FlowWait.class);
                    s.routingPriority = rs.getInt(27);
                    String skills = rs.getString(28);
                    s.routingSkills = skills == null ? new ArrayList<>() : new ArrayList<>(read(skills, PATH));
                    s.routingLanguage = rs.getString(29);
                    sessions.put(s.id, s);
                }
            }
        }
        return sessions;
    }

    /** The requests these results and timeouts answer, if they still wait. */
    List<PendingRequest> pending(Connection c, Collection<String> requestIds) throws SQLException {
        List<PendingRequest> out = new ArrayList<>();
        if (requestIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT request_id, interaction_id, kind, run_id, "
                + "flow_path::text, action_id, deadline, created_at FROM pending_request WHERE request_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", requestIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String path = rs.getString(5);
                    out.add(new PendingRequest(rs.getString(1), rs.getString(2), PendingRequest.Kind.of(rs.getString(3)),
                            rs.getString(4), path == null ? null : read(path, PATH), rs.getString(6),
                            rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()));
                }
            }
        }
        return out;
    }

    /**
     * Takes up to {@code limit} requests past their deadline, oldest first, for this instance's timeout scan: rows
     * another scan holds are skipped and those taken are marked for {@code lease}, so concurrent scans of several
     * instances split the overdue requests instead of each answering all. Run it in its own (auto-committed)
     * statement; should the taker die before answering, the row is taken again once the lease ends.
     */
    List<SessionInput.Timeout> overdue(Connection c, int limit, Duration lease) throws SQLException {
        List<SessionInput.Timeout> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("WITH due AS (SELECT request_id FROM pending_request "
                + "WHERE deadline < now() AND (scan_until IS NULL OR scan_until < now()) ORDER BY deadline LIMIT ? "
                + "FOR UPDATE SKIP LOCKED) UPDATE pending_request p SET scan_until = now() + make_interval(secs => ?) "
                + "FROM due WHERE p.request_id = due.request_id RETURNING p.request_id, p.interaction_id")) {
            ps.setInt(1, limit);
            ps.setDouble(2, lease.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SessionInput.Timeout(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** Saves the sessions and everything else the batch wrote. */
    void save(Connection c, Collection<Session> sessions, SessionWrites writes) throws SQLException {
        saveInteractions(c, sessions);
        saveSessions(c, sessions);
        saveTimeline(c, writes.timeline);
        if (!writes.answered.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pending_request WHERE request_id = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("varchar", writes.answered.toArray()));
                ps.executeUpdate();
            }
        }
        if (!writes.requested.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pending_request (request_id, interaction_id, "
                    + "kind, run_id, flow_path, action_id, deadline, created_at) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)")) {
                for (PendingRequest p : writes.requested) {
                    ps.setString(1, p.requestId());
                    ps.setString(2, p.interactionId());
                    ps.setString(3, p.kind().wireName);
                    ps.setString(4, p.runId());
                    ps.setString(5, p.flowPath() == null ? null : write(p.flowPath()));
                    ps.setString(6, p.actionId());
                    ps.setTimestamp(7, Timestamp.from(p.deadline()));
                    ps.setTimestamp(8, Timestamp.from(p.createdAt()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!writes.unwatched.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM session_row WHERE interaction_id = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("varchar", writes.unwatched.toArray()));
                ps.executeUpdate();
            }
        }
        List<SessionWrites.Watch> watches = writes.watches.stream()
                .filter(w -> !writes.unwatched.contains(w.interactionId())).toList();
        if (!watches.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_row (table_id, row_key, interaction_id, "
                    + "flow_path) VALUES (?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING")) {
                for (SessionWrites.Watch w : watches) {
                    ps.setString(1, w.tableId());
                    ps.setString(2, w.rowKey());
                    ps.setString(3, w.interactionId());
                    ps.setString(4, write(w.flowPath()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private void saveInteractions(Connection c, Collection<Session> sessions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO interaction (id, state, ani, dnis, attributes, "
                + "queue_id, queue_name, agent_id, agent_name, agent_email, version, started_at, updated_at, last_state) "
                + "VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (id) DO UPDATE SET "
                + "state = excluded.state, ani = excluded.ani, dnis = excluded.dnis, attributes = excluded.attributes, "
                + "queue_id = excluded.queue_id, queue_name = excluded.queue_name, agent_id = excluded.agent_id, "
                + "agent_name = excluded.agent_name, agent_email = excluded.agent_email, version = excluded.version, "
                + "started_at = excluded.started_at, updated_at = excluded.updated_at, "
                + "last_state = coalesce(excluded.last_state, interaction.last_state)")) {
            for (Session s : sessions) {
                ps.setString(1, s.id);
                ps.setString(2, s.state);
                ps.setString(3, s.ani);
                ps.setString(4, s.dnis);
                ps.setString(5, write(s.attributes));
                ps.setString(6, s.queueId);
                ps.setString(7, s.queueName);
                ps.setString(8, s.agentId);
                ps.setString(9, s.agentName);
                ps.setString(10, s.agentEmail);
                ps.setLong(11, s.version);
                ps.setTimestamp(12, s.startedAt == null ? null : Timestamp.from(s.startedAt));
                ps.setTimestamp(13, Timestamp.from(s.updatedAt == null ? Instant.now() : s.updatedAt));
                ps.setString(14, s.lastState);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void saveSessions(Connection c, Collection<Session> sessions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_session (interaction_id, flow_id, "
                + "flow_version, flow_variables, script_id, script_name, script_version, snapshot, actions, alerts, "
                + "screen_pop, updated_at, wrapup, queue_wrapup_required, "
                + "flow_wait, routing_priority, routing_skills, routing_language) "
                + "VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?, "
                + "?::jsonb, ?, ?::jsonb, ?) "
                + "ON CONFLICT (interaction_id) DO UPDATE SET flow_id = excluded.flow_id, "
                + "flow_version = excluded.flow_version, flow_variables = excluded.flow_variables, "
                + "script_id = excluded.script_id, script_name = excluded.script_name, "
                + "script_version = excluded.script_version, snapshot = excluded.snapshot, actions = excluded.actions, "
                + "alerts = excluded.alerts, screen_pop = excluded.screen_pop, updated_at = excluded.updated_at, "
                + "wrapup = excluded.wrapup, queue_wrapup_required = excluded.queue_wrapup_required, "
                + "flow_wait = excluded.flow_wait, routing_priority = excluded.routing_priority, "
                + "routing_skills = excluded.routing_skills, routing_language = excluded.routing_language")) {
            for (Session s : sessions) {
                ps.setString(1, s.id);
                ps.setObject(2, s.flowId, Types.OTHER);
                ps.setObject(3, s.flowVersion, Types.INTEGER);
                ps.setString(4, write(s.flowVariables));
                ps.setString(5, s.scriptId);
                ps.setString(6, s.scriptName);
                ps.setObject(7, s.scriptVersion, Types.INTEGER);
                SessionModel.SessionSnapshot snapshot = s.model != null ? s.model.snapshot() : s.snapshot;
                ps.setString(8, snapshot == null ? null : write(snapshot));
                ps.setString(9, write(s.runs));
                ps.setString(10, write(s.alerts));
                ps.setString(11, s.screenPop == null ? null : write(s.screenPop));
                ps.setTimestamp(12, Timestamp.from(Instant.now()));
                ps.setString(13, s.wrapup == null ? null : write(s.wrapup));
                ps.setBoolean(14, s.queueWrapupRequired);
                ps.setString(15, s.flowWait == null ? null : write(s.flowWait));
                ps.setInt(16, s.routingPriority);
                ps.setString(17, write(s.routingSkills));
                ps.setString(18, s.routingLanguage);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void saveTimeline(Connection c, List<SessionWrites.TimelineRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO timeline_entry (interaction_id, at, kind, summary, "
                + "detail) VALUES (?, ?, ?, ?, ?::jsonb)")) {
            for (SessionWrites.TimelineRow row : rows) {
                ps.setString(1, row.interactionId());
                ps.setTimestamp(2, Timestamp.from(row.at()));
                ps.setString(3, row.kind().length() > 48 ? row.kind().substring(0, 48) : row.kind());
                ps.setString(4, Timeline.summary(row.summary()));
                ps.setString(5, Timeline.detail(json, row.detail()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored session state is not readable", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored session state is not readable", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

}
