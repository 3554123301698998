package dev.rapport.script.conversations;

import dev.rapport.contract.EventJson;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;

/**
 * This package's rows (tags, callbacks) and its notes on the timeline, written in plain JDBC on the caller's
 * transaction, the one the outbox writes the matching event in.
 */
@ApplicationScoped
class ConversationWrites {
    private final AgroalDataSource dataSource;

    ConversationWrites(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void tag(String conversationId, String tag, String by) {
        if (tag.isEmpty()) {
            update("DELETE FROM conversation_tag WHERE conversation_id = ?", conversationId);
        } else {
            update("INSERT INTO conversation_tag (conversation_id, external_tag, updated_by, updated_at)"
                    + " VALUES (?, ?, ?, now()) ON CONFLICT (conversation_id) DO UPDATE SET external_tag ="
                    + " excluded.external_tag, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
                    conversationId, tag, by);
        }
    }

    /** Merges participant data into a callback's (one statement: two writers both keep theirs). */
    @Transactional(Transactional.TxType.MANDATORY)
    void mergeCallbackData(String conversationId, Map<String, String> attributes) {
        update("UPDATE conversation_callback SET data = data || ?::jsonb WHERE id = ?", EventJson.write(attributes),
                conversationId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void insertCallback(String id, String commandId, CallbackRequest request, Instant scheduledAt, String by,
                        Instant now) {
        update("INSERT INTO conversation_callback (id, command_id, queue_id, script_id, callback_user_name,"
                        + " callback_numbers, requested_time, scheduled_at, priority, data, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?)",
                id, commandId, request.queueId(), request.scriptId(), request.userName(),
                EventJson.write(request.numbers()),
                request.requestedTime() == null ? null : Timestamp.from(request.requestedTime()),
                Timestamp.from(scheduledAt), request.priority(), EventJson.write(request.data()), by,
                Timestamp.from(now));
    }

    /** A line on the interaction's timeline: what was asked through the API, by whom. */
    @Transactional(Transactional.TxType.MANDATORY)
    void note(String interactionId, String kind, String summary, Object detail) {
        update("INSERT INTO timeline_entry (interaction_id, at, kind, summary, detail) VALUES (?, now(), ?, ?,"
                + " ?::jsonb)", interactionId, kind, summary, EventJson.write(detail));
    }

    private void update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    ps.setNull(i + 1, Types.NULL); // the server infers the column's type
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write: " + e.getMessage(), e);
        }
    }
}
