package dev.rapport.script.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.Roles;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Genesys's {@code POST /api/v2/analytics/queues/observations/query} for built-in queues, filtered by
 * {@code queueId}: {@code oOnQueueUsers} (members on queue, one datum per routing status), {@code oOffQueueUsers},
 * {@code oMemberUsers}, {@code oWaiting}, {@code oAlerting}, {@code oInteracting} (interactions), in Genesys's
 * response shape ({@code results[].group.queueId}, {@code data[].metric, qualifier, stats.count}).
 */
@Path("/api/v2/analytics/queues/observations/query")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QueueObservations {
    static final Set<String> METRICS = Set.of("oOnQueueUsers", "oOffQueueUsers", "oMemberUsers", "oWaiting",
            "oAlerting", "oInteracting");
    static final int MAX_QUEUES = 100;

    private final AgroalDataSource dataSource;

    QueueObservations(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SERVICE})
    @Transactional(rollbackOn = SQLException.class)
    public Map<String, Object> query(JsonNode request) throws SQLException {
        JsonNode body = RoutingInput.object(request);
        Set<String> queues = queueIds(body.path("filter"), "filter");
        if (queues.isEmpty()) {
            throw InvalidInput.field("filter", "filter names at least one queueId");
        }
        if (queues.size() > MAX_QUEUES) {
            throw InvalidInput.field("filter", "at most " + MAX_QUEUES + " queues per query");
        }
        List<String> metrics = new ArrayList<>();
        JsonNode m = body.get("metrics");
        if (m == null || !m.isArray() || m.isEmpty()) {
            throw InvalidInput.field("metrics", "metrics is a list of metric names (oOnQueueUsers, oWaiting...)");
        }
        for (int i = 0; i < m.size(); i++) {
            if (!m.get(i).isTextual() || !METRICS.contains(m.get(i).asText())) {
                throw InvalidInput.field("metrics[" + i + "]", "metrics[" + i + "] is one of " + METRICS);
            }
            metrics.add(m.get(i).asText());
        }
        List<Map<String, Object>> results = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String queue : queues) {
                List<Map<String, Object>> data = new ArrayList<>();
                for (String metric : metrics) {
                    data.addAll(observe(c, queue, metric));
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("group", Map.of("queueId", queue));
                result.put("data", data);
                results.add(result);
            }
        }
        return Map.of("results", results);
    }

    /** The queue ids of a filter's {@code queueId} predicates and clauses (other dimensions are refused). */
    private static Set<String> queueIds(JsonNode filter, String at) {
        Set<String> out = new LinkedHashSet<>();
        if (!filter.isObject()) {
            throw InvalidInput.field(at, at + " is required: {\"type\": \"or\", \"predicates\": [{\"dimension\": "
                    + "\"queueId\", \"value\": ...}]}");
        }
        JsonNode predicates = filter.path("predicates");
        for (int i = 0; i < predicates.size(); i++) {
            JsonNode p = predicates.get(i);
            String field = at + ".predicates[" + i + "]";
            if (!"queueId".equals(p.path("dimension").asText())) {
                throw InvalidInput.field(field + ".dimension", "only the queueId dimension is observed");
            }
            if (!p.path("value").isTextual() || p.path("value").asText().isBlank()
                    || p.path("value").asText().length() > 128) {
                throw InvalidInput.field(field + ".value", "value is a queue's id");
            }
            out.add(p.path("value").asText());
        }
        JsonNode clauses = filter.path("clauses");
        for (int i = 0; i < clauses.size(); i++) {
            out.addAll(queueIds(clauses.get(i), at + ".clauses[" + i + "]"));
        }
        return out;
    }

    private static List<Map<String, Object>> observe(Connection c, String queue, String metric) throws SQLException {
        String members = "FROM routing_queue_member m LEFT JOIN routing_status s ON s.user_id = m.user_id "
                + "WHERE m.queue_id::text = ?";
        return switch (metric) {
            case "oOnQueueUsers" -> grouped(c, metric, "SELECT s.status, count(*) " + members
                    + " AND s.status IN ('IDLE', 'INTERACTING', 'NOT_RESPONDING') GROUP BY s.status ORDER BY s.status",
                    queue);
            case "oOffQueueUsers" -> counted(c, metric, "SELECT count(*) " + members
                    + " AND coalesce(s.status, 'OFF_QUEUE') = 'OFF_QUEUE'", queue);
            case "oMemberUsers" -> counted(c, metric, "SELECT count(*) " + members, queue);
            case "oWaiting" -> counted(c, metric, "SELECT count(*) FROM routing_entry WHERE queue_id::text = ? "
                    + "AND status = 'waiting'", queue);
            case "oAlerting" -> counted(c, metric, "SELECT count(*) FROM routing_entry WHERE queue_id::text = ? "
                    + "AND status = 'offered'", queue);
            case "oInteracting" -> counted(c, metric, "SELECT count(*) FROM routing_entry e JOIN interaction i "
                    + "ON i.id = e.interaction_id WHERE e.queue_id::text = ? AND e.status = 'connected' "
                    + "AND i.state = 'connected'", queue);
            default -> throw new IllegalArgumentException(metric);
        };
    }

    private static List<Map<String, Object>> grouped(Connection c, String metric, String sql, String queue)
            throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, queue);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("metric", metric);
                    d.put("qualifier", rs.getString(1));
                    d.put("stats", Map.of("count", rs.getLong(2)));
                    out.add(d);
                }
            }
        }
        return out;
    }

    private static List<Map<String, Object>> counted(Connection c, String metric, String sql, String queue)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, queue);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("metric", metric);
                d.put("stats", Map.of("count", rs.getLong(1)));
                return List.of(d);
            }
        }
    }
}
