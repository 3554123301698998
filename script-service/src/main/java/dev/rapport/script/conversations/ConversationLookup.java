package dev.rapport.script.conversations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.SessionState;
import dev.rapport.contract.failure.DomainException.NotFound;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one conversation: the interaction row and its session (as the session core wrote them: read, never
 * written here), the callback asked for through the API and the telephony side's answer to it (on the timeline),
 * the tag. Plain JDBC, so nothing read here is an entity a flush could write back over the session core's changes.
 */
@ApplicationScoped
class ConversationLookup {
    /** Longer ids name nothing (interaction ids are at most 128 characters). */
    static final int MAX_ID = 128;
    /** The most interaction events a conversation's details are built from. */
    static final int MAX_STEPS = 1000;
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    ConversationLookup(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The conversation, or 404 in Genesys's error body. */
    ConversationFacts require(String id) {
        ConversationFacts found = find(id);
        if (found == null) {
            throw new NotFound("Conversation " + (id.length() > MAX_ID ? id.substring(0, MAX_ID) + "…" : id)
                    + " not found");
        }
        return found;
    }

    /** @return the conversation, or null when no interaction or callback has this id */
    ConversationFacts find(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID) {
            return null;
        }
        try (Connection c = dataSource.getConnection()) {
            ConversationFacts.Callback callback = callback(c, id);
            ConversationFacts.Call call = call(c, id);
            // The telephony side's answer to a callback creates the interaction's record before any call exists:
            // until the call starts, the callback is all there is (ended: it was cancelled by a disconnect).
            if (callback != null && call != null && call.startedAt() == null) {
                if (call.ended() && callback.refusal() == null) {
                    callback = callback.refused("cancelled");
                }
                call = null;
            }
            if (call == null && callback == null) {
                return null;
            }
            return new ConversationFacts(id, call, callback, tag(c, id));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read conversation " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * What happened to the interaction, oldest first, from the session core's timeline (the entries it writes for
     * each interaction event, the event as their detail); at most {@link #MAX_STEPS}.
     */
    List<ConversationFacts.Step> history(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT at, kind, detail->'queue'->>'id',"
                     + " detail->'queue'->>'name', detail->'agent'->>'id', detail->'agent'->>'name',"
                     + " detail->>'address' FROM timeline_entry WHERE interaction_id = ? AND kind IN"
                     + " ('interaction.started', 'interaction.queued', 'interaction.transferred',"
                     + " 'interaction.alerting', 'interaction.connected', 'interaction.ended') ORDER BY id LIMIT ?")) {
            ps.setString(1, id);
            ps.setInt(2, MAX_STEPS);
            List<ConversationFacts.Step> steps = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(new ConversationFacts.Step(instant(rs, 1),
                            rs.getString(2).substring("interaction.".length()), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return steps;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the history of conversation " + id + ": "
                    + e.getMessage(), e);
        }
    }

    private ConversationFacts.Call call(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT i.state, i.ani, i.dnis, i.attributes::text, i.queue_id,"
                + " i.queue_name, i.agent_id, i.agent_name, i.started_at, i.updated_at, f.name, s.script_id,"
                + " s.wrapup::text FROM interaction i LEFT JOIN agent_session s ON s.interaction_id = i.id"
                + " LEFT JOIN inbound_flow f ON f.id = s.flow_id WHERE i.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new ConversationFacts.Call(rs.getString(1), rs.getString(2), rs.getString(3),
                        read(rs.getString(4), STRINGS, Map.of()), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), instant(rs, 9), instant(rs, 10), rs.getString(11), rs.getString(12),
                        read(rs.getString(13), new TypeReference<SessionState.Wrapup>() { }, null));
            }
        }
    }

    private ConversationFacts.Callback callback(Connection c, String id) throws SQLException {
        ConversationFacts.Callback cb;
        try (PreparedStatement ps = c.prepareStatement("SELECT command_id, queue_id, script_id, callback_user_name,"
                + " callback_numbers::text, requested_time, scheduled_at, priority, data::text, created_at"
                + " FROM conversation_callback WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                cb = new ConversationFacts.Callback(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), read(rs.getString(5), LIST, List.of()), instant(rs, 6), instant(rs, 7),
                        rs.getInt(8), read(rs.getString(9), STRINGS, Map.of()), instant(rs, 10), false, null);
            }
        }
        // The session core records the telephony side's answer (naming the command) on the callback's timeline.
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, detail->>'reason' FROM timeline_entry"
                + " WHERE interaction_id = ? AND kind IN ('interaction.callbackScheduled', 'interaction.commandFailed')"
                + " AND detail->>'commandId' = ? ORDER BY id DESC LIMIT 1")) {
            ps.setString(1, id);
            ps.setString(2, cb.commandId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return cb;
                }
                return "interaction.commandFailed".equals(rs.getString(1))
                        ? cb.refused(String.valueOf(rs.getString(2))) : cb.confirmed();
            }
        }
    }

    private static String tag(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT external_tag FROM conversation_tag WHERE conversation_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private <T> T read(String text, TypeReference<T> type, T fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            T value = json.readValue(text, type);
            return value == null ? fallback : value;
        } catch (JsonProcessingException e) {
            return fallback;
        }
    }
}
