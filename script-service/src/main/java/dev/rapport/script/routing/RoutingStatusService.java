package dev.rapport.script.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.InteractionEvent.QueueRef;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.platform.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Genesys's routing status of a user: OFF_QUEUE, IDLE (available: offered interactions), INTERACTING,
 * NOT_RESPONDING (an offer ran out). An agent sets their own, to OFF_QUEUE or IDLE; admins and supervisors set
 * anyone's to any. Leaving IDLE takes back an offer not yet answered (the interaction waits again).
 */
@ApplicationScoped
public class RoutingStatusService {
    static final Set<String> STATUSES = Set.of("OFF_QUEUE", "IDLE", "INTERACTING", "NOT_RESPONDING");
    static final Set<String> AGENT_STATUSES = Set.of("OFF_QUEUE", "IDLE");

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final Router router;

    RoutingStatusService(AgroalDataSource dataSource, Outbox outbox, Router router) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.router = router;
    }

    @Transactional(rollbackOn = SQLException.class)
    public Map<String, Object> get(String userId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            SkillService.requireUser(c, userId);
            return read(c, userId, false);
        }
    }

    /** @param any the caller may set any status (admin, supervisor); else only OFF_QUEUE or IDLE */
    @Transactional(rollbackOn = SQLException.class)
    public Map<String, Object> put(String userId, JsonNode request, boolean any) throws SQLException {
        JsonNode body = RoutingInput.object(request);
        JsonNode statusNode = body.get("status");
        String status = statusNode == null || !statusNode.isTextual() ? null : statusNode.asText();
        if (status == null || !STATUSES.contains(status)) {
            throw InvalidInput.field("status", "status is one of OFF_QUEUE, IDLE, INTERACTING, NOT_RESPONDING");
        }
        if (!any && !AGENT_STATUSES.contains(status)) {
            throw InvalidInput.field("status", "an agent sets their status to OFF_QUEUE or IDLE");
        }
        try (Connection c = dataSource.getConnection()) {
            SkillService.requireUser(c, userId);
            // Lock order as the session core's: the offered interaction's entry, then the user's status.
            String offered = (String) read(c, userId, false).get("offeredInteraction");
            if (offered != null) {
                lockEntry(c, offered);
            }
            Map<String, Object> current = read(c, userId, true);
            offered = (String) current.get("offeredInteraction");
            boolean takeBack = offered != null && !"IDLE".equals(status);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO routing_status (user_id, status, since) "
                    + "VALUES (?, ?, now()) ON CONFLICT (user_id) DO UPDATE SET status = excluded.status, "
                    + "since = CASE WHEN routing_status.status = excluded.status THEN routing_status.since ELSE now() END, "
                    + "interaction_id = CASE WHEN excluded.status = 'INTERACTING' THEN routing_status.interaction_id "
                    + "ELSE NULL END, offered_interaction = CASE WHEN ? THEN NULL "
                    + "ELSE routing_status.offered_interaction END")) {
                ps.setString(1, userId);
                ps.setString(2, status);
                ps.setBoolean(3, takeBack);
                ps.executeUpdate();
            }
            if (takeBack) {
                QueueRef queue = null;
                try (PreparedStatement ps = c.prepareStatement("UPDATE routing_entry e SET status = 'waiting', "
                        + "offered_to = NULL, offer_deadline = NULL, updated_at = now() FROM routing_queue q "
                        + "WHERE e.interaction_id = ? AND e.offered_to = ? AND e.status = 'offered' AND q.id = e.queue_id "
                        + "RETURNING q.id, q.name")) {
                    ps.setString(1, offered);
                    ps.setString(2, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            queue = new QueueRef(rs.getString(1), rs.getString(2));
                        }
                    }
                }
                if (queue != null) {
                    var m = RoutingEvents.queued(offered, queue, userId + " went " + status);
                    outbox.publishAll(List.of(m));
                }
            }
            if (takeBack || "IDLE".equals(status)) {
                router.wakeAfterCommit();
            }
            return read(c, userId, false);
        }
    }

    private static void lockEntry(Connection c, String interactionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM routing_entry WHERE interaction_id = ? FOR UPDATE")) {
            ps.setString(1, interactionId);
            ps.executeQuery().close();
        }
    }

    /** Genesys's RoutingStatus {userId, status, startTime}, and (internal) the interaction offered now. */
    private static Map<String, Object> read(Connection c, String userId, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status, since, offered_interaction FROM routing_status "
                + "WHERE user_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("userId", userId);
                if (rs.next()) {
                    v.put("status", rs.getString(1));
                    v.put("startTime", rs.getTimestamp(2).toInstant());
                    v.put("offeredInteraction", rs.getString(3));
                } else {
                    v.put("status", "OFF_QUEUE");
                    v.put("startTime", (Instant) null);
                    v.put("offeredInteraction", null);
                }
                return v;
            }
        }
    }

    /** What the API shows of a status (the offer is the router's business). */
    static Map<String, Object> shown(Map<String, Object> status) {
        Map<String, Object> v = new LinkedHashMap<>(status);
        v.remove("offeredInteraction");
        return v;
    }
}
