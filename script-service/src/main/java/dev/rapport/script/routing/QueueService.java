package dev.rapport.script.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.GenesysError.Detail;
import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import dev.rapport.platform.web.EntityListing;
import dev.rapport.platform.web.Paging;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Queues of built-in routing ({@code /api/v2/routing/queues}) and their members. Names are unique regardless of
 * case. The alert timeout is Genesys's {@code mediaSettings.call.alertingTimeoutSeconds}; {@code inQueueTimeoutSeconds}
 * (Rapport's own: Genesys leaves it to the in-queue flow) ends the wait with {@code routingFailed}.
 */
@ApplicationScoped
public class QueueService {
    static final String BASE = "/api/v2/routing/queues";
    static final int MAX_MEMBERS_PER_CALL = 100;
    static final int MAX_ALERTING_TIMEOUT = 3_600;
    static final int MAX_IN_QUEUE_TIMEOUT = 7 * 24 * 3_600;
    private static final String COLUMNS = "q.id, q.name, q.description, q.alerting_timeout_seconds, "
            + "q.in_queue_timeout_seconds, q.version, q.date_created, q.date_modified, q.created_by, q.modified_by, "
            + "(SELECT count(*) FROM routing_queue_member m WHERE m.queue_id = q.id)";

    private final AgroalDataSource dataSource;
    private final RoutingConfig config;

    QueueService(AgroalDataSource dataSource, RoutingConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Transactional(rollbackOn = SQLException.class)
    public EntityListing.Page<Map<String, Object>> list(Paging paging, String name) throws SQLException {
        String filter = name == null || name.isBlank() ? "" : " WHERE lower(q.name) LIKE ?";
        try (Connection c = dataSource.getConnection()) {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM routing_queue q" + filter
                    + " ORDER BY lower(q.name), q.id LIMIT ? OFFSET ?")) {
                int i = 1;
                if (!filter.isEmpty()) {
                    ps.setString(i++, "%" + name.trim().toLowerCase(Locale.ROOT) + "%");
                }
                ps.setInt(i++, paging.pageSize());
                ps.setInt(i, paging.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(view(rs));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM routing_queue q" + filter)) {
                if (!filter.isEmpty()) {
                    ps.setString(1, "%" + name.trim().toLowerCase(Locale.ROOT) + "%");
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new EntityListing.Page<>(out, rs.getLong(1));
                }
            }
        }
    }

    @Transactional(rollbackOn = SQLException.class)
    public Map<String, Object> get(String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, RoutingInput.uuid(id, "Queue"), false);
        }
    }

    @Transactional(rollbackOn = SQLException.class)
    public Map<String, Object> create(JsonNode request, String by) throws SQLException {
        Queue q = checked(request, null);
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            requireFreeName(c, q.name(), null);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO routing_queue (id, name, description, "
                    + "alerting_timeout_seconds, in_queue_timeout_seconds, version, date_created, date_modified, "
                    + "created_by, modified_by) VALUES (?, ?, ?, ?, ?, 1, now(), now(), ?, ?)")) {
                ps.setObject(1, id);
                ps.setString(2, q.name());
                ps.setString(3, q.description());
                ps.setInt(4, q.alertingTimeout() == null ? config.defaultAlertingTimeoutSeconds() : q.alertingTimeout());
                ps.setObject(5, q.inQueueTimeout(), Types.INTEGER);
                ps.setString(6, by);
                ps.setString(7, by);
                ps.executeUpdate();
            }
            return find(c, id, false);
        }
    }

    /** Replaces the queue's settings (a field left out takes its default). */
    @Transactional(rollbackOn = SQLException.class)
    public Map<String, Object> update(String queueId, JsonNode request, String by) throws SQLException {
        UUID id = RoutingInput.uuid(queueId, "Queue");
        try (Connection c = dataSource.getConnection()) {
            find(c, id, true);
            Queue q = checked(request, id);
            requireFreeName(c, q.name(), id);
            try (PreparedStatement ps = c.prepareStatement("UPDATE routing_queue SET name = ?, description = ?, "
                    + "alerting_timeout_seconds = ?, in_queue_timeout_seconds = ?, version = version + 1, "
                    + "date_modified = now(), modified_by = ? WHERE id = ?")) {
                ps.setString(1, q.name());
                ps.setString(2, q.description());
                ps.setInt(3, q.alertingTimeout() == null ? config.defaultAlertingTimeoutSeconds() : q.alertingTimeout());
                ps.setObject(4, q.inQueueTimeout(), Types.INTEGER);
                ps.setString(5, by);
                ps.setObject(6, id);
                ps.executeUpdate();
            }
            return find(c, id, false);
        }
    }

    /** Refused (409) while interactions wait in the queue: they would wait for no one. */
    @Transactional(rollbackOn = SQLException.class)
    public void delete(String queueId) throws SQLException {
        UUID id = RoutingInput.uuid(queueId, "Queue");
        try (Connection c = dataSource.getConnection()) {
            find(c, id, true);
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM routing_entry WHERE queue_id = ? "
                    + "AND status IN ('waiting', 'offered')")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new Conflict(rs.getLong(1) + " interactions wait in queue " + queueId
                                + "; delete it once they have left");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM routing_queue WHERE id = ?")) {
                ps.setObject(1, id);
                ps.executeUpdate();
            }
        }
    }

    /** Genesys's QueueMember listing: each member with their directory entry and routing status. */
    @Transactional(rollbackOn = SQLException.class)
    public EntityListing.Page<Map<String, Object>> members(String queueId, Paging paging) throws SQLException {
        UUID id = RoutingInput.uuid(queueId, "Queue");
        try (Connection c = dataSource.getConnection()) {
            find(c, id, false);
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.user_id, d.name, d.email, m.joined, "
                    + "coalesce(s.status, 'OFF_QUEUE'), s.since FROM routing_queue_member m "
                    + "LEFT JOIN directory_user d ON d.id = m.user_id LEFT JOIN routing_status s ON s.user_id = m.user_id "
                    + "WHERE m.queue_id = ? ORDER BY m.user_id LIMIT ? OFFSET ?")) {
                ps.setObject(1, id);
                ps.setInt(2, paging.pageSize());
                ps.setInt(3, paging.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String user = rs.getString(1);
                        String name = rs.getString(2) == null ? user : rs.getString(2);
                        Map<String, Object> u = new LinkedHashMap<>();
                        u.put("id", user);
                        u.put("name", name);
                        u.put("email", rs.getString(3));
                        u.put("selfUri", "/api/v2/users/" + user);
                        Map<String, Object> status = new LinkedHashMap<>();
                        status.put("userId", user);
                        status.put("status", rs.getString(5));
                        status.put("startTime", rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant());
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", user);
                        m.put("name", name);
                        m.put("user", u);
                        m.put("ringNumber", 1);
                        m.put("joined", true);
                        m.put("memberBy", "user");
                        m.put("routingStatus", status);
                        m.put("selfUri", BASE + "/" + id + "/members/" + user);
                        out.add(m);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM routing_queue_member WHERE queue_id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new EntityListing.Page<>(out, rs.getLong(1));
                }
            }
        }
    }

    /**
     * Adds (or with {@code delete} removes) up to 100 members, each {@code {"id": userId}}; an added member must be a
     * user of the directory. Adding one already there, or removing one who is not, changes nothing.
     */
    @Transactional(rollbackOn = SQLException.class)
    public void changeMembers(String queueId, JsonNode body, boolean delete) throws SQLException {
        UUID id = RoutingInput.uuid(queueId, "Queue");
        if (body == null || !body.isArray()) {
            throw InvalidInput.field("body", "a JSON array of members ({\"id\": userId}) is required");
        }
        if (body.size() > MAX_MEMBERS_PER_CALL) {
            throw InvalidInput.field("body", "at most " + MAX_MEMBERS_PER_CALL + " members per call; " + body.size()
                    + " given");
        }
        Set<String> users = new LinkedHashSet<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode userId = body.get(i).get("id");
            if (userId == null || !userId.isTextual() || userId.asText().isBlank()
                    || userId.asText().length() > RoutingInput.MAX_USER_ID) {
                throw InvalidInput.field("[" + i + "].id", "[" + i + "].id must be a user's id (at most "
                        + RoutingInput.MAX_USER_ID + " characters)");
            }
            users.add(userId.asText());
        }
        try (Connection c = dataSource.getConnection()) {
            find(c, id, true);
            if (delete) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM routing_queue_member WHERE queue_id = ? "
                        + "AND user_id = ANY(?)")) {
                    ps.setObject(1, id);
                    ps.setArray(2, c.createArrayOf("varchar", users.toArray()));
                    ps.executeUpdate();
                }
                return;
            }
            Set<String> known = DirectoryUsers.known(c, users);
            List<Detail> unknown = new ArrayList<>();
            int i = 0;
            for (String user : users) {
                if (!known.contains(user)) {
                    unknown.add(new Detail(InvalidInput.INVALID_VALUE, "[" + i + "].id", "no user " + user
                            + " in the directory"));
                }
                i++;
            }
            if (!unknown.isEmpty()) {
                throw new InvalidInput(unknown.get(0).message(), unknown);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO routing_queue_member (queue_id, user_id, joined) "
                    + "SELECT ?, u, now() FROM unnest(?::varchar[]) AS u ON CONFLICT DO NOTHING")) {
                ps.setObject(1, id);
                ps.setArray(2, c.createArrayOf("varchar", users.toArray()));
                ps.executeUpdate();
            }
        }
    }

    private record Queue(String name, String description, Integer alertingTimeout, Integer inQueueTimeout) {
    }

    private static Queue checked(JsonNode request, UUID self) {
        JsonNode body = RoutingInput.object(request);
        return new Queue(RoutingInput.name(body, "name"),
                RoutingInput.optionalText(body, "description", RoutingInput.MAX_DESCRIPTION),
                RoutingInput.optionalInt(body, "mediaSettings.call.alertingTimeoutSeconds", 1, MAX_ALERTING_TIMEOUT),
                RoutingInput.optionalInt(body, "inQueueTimeoutSeconds", 1, MAX_IN_QUEUE_TIMEOUT));
    }

    private static void requireFreeName(Connection c, String name, UUID self) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM routing_queue WHERE lower(name) = ?")) {
            ps.setString(1, name.toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && !rs.getObject(1).equals(self)) {
                    throw new Conflict("A queue named '" + rs.getString(2) + "' exists already",
                            List.of(new Detail("duplicate.name", "name", "another queue has this name")));
                }
            }
        }
    }

    private static Map<String, Object> find(Connection c, UUID id, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM routing_queue q WHERE q.id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFound("Queue " + id + " not found");
                }
                return view(rs);
            }
        }
    }

    /** Genesys's Queue, with Rapport's {@code inQueueTimeoutSeconds}. */
    private static Map<String, Object> view(ResultSet rs) throws SQLException {
        Map<String, Object> q = new LinkedHashMap<>();
        String id = rs.getString(1);
        q.put("id", id);
        q.put("name", rs.getString(2));
        q.put("description", rs.getString(3));
        q.put("version", rs.getLong(6));
        q.put("dateCreated", rs.getTimestamp(7).toInstant());
        q.put("dateModified", rs.getTimestamp(8).toInstant());
        q.put("createdBy", rs.getString(9));
        q.put("modifiedBy", rs.getString(10));
        q.put("memberCount", rs.getLong(11));
        q.put("userMemberCount", rs.getLong(11));
        q.put("mediaSettings", Map.of("call", Map.of("alertingTimeoutSeconds", rs.getInt(4))));
        q.put("inQueueTimeoutSeconds", rs.getObject(5));
        q.put("selfUri", BASE + "/" + id);
        return q;
    }
}
