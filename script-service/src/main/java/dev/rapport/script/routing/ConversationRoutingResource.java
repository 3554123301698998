package dev.rapport.script.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.Roles;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.contract.failure.DomainException.NotFound;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Genesys's {@code PATCH /api/v2/routing/conversations/{conversationId}}: the {@code priority} (higher is offered
 * first), {@code skillIds} and {@code languageId} of an interaction waiting in a built-in queue. 404 when it waits in
 * none.
 */
@Path("/api/v2/routing/conversations/{conversationId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationRoutingResource {
    static final int MAX_PRIORITY = 10_000_000;
    static final int MAX_SKILLS = 50;

    private final AgroalDataSource dataSource;
    private final Router router;

    ConversationRoutingResource(AgroalDataSource dataSource, Router router) {
        this.dataSource = dataSource;
        this.router = router;
    }

    @PATCH
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SERVICE})
    @Transactional(rollbackOn = SQLException.class)
    public Map<String, Object> patch(@PathParam("conversationId") String id, JsonNode request) throws SQLException {
        JsonNode body = RoutingInput.object(request);
        Integer priority = RoutingInput.optionalInt(body, "priority", -MAX_PRIORITY, MAX_PRIORITY);
        JsonNode skillIds = body.get("skillIds");
        JsonNode languageId = body.get("languageId");
        if (priority == null && skillIds == null && languageId == null) {
            throw InvalidInput.field("priority", "priority, skillIds or languageId is required");
        }
        try (Connection c = dataSource.getConnection()) {
            List<String> skills = skillIds == null ? null : ids(c, skillIds, "skillIds", "skill");
            String language = null;
            if (languageId != null) {
                language = languageId.isNull() ? null : ids(c, languageId, "languageId", "language").get(0);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE routing_entry SET "
                    + "priority = coalesce(?, priority), skills = coalesce(?, skills), "
                    + "language_id = CASE WHEN ? THEN ? ELSE language_id END, updated_at = now() "
                    + "WHERE interaction_id = ? AND status IN ('waiting', 'offered') RETURNING priority, skills, "
                    + "language_id")) {
                ps.setObject(1, priority, java.sql.Types.INTEGER);
                ps.setArray(2, skills == null ? null : c.createArrayOf("text", skills.toArray()));
                ps.setBoolean(3, languageId != null);
                ps.setString(4, language);
                ps.setString(5, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFound("Conversation " + id + " waits in no queue");
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("priority", rs.getInt(1));
                    out.put("skillIds", rs.getArray(2).getArray());
                    out.put("languageId", rs.getString(3));
                    router.wakeAfterCommit();
                    return out;
                }
            }
        }
    }

    /** The ids given ({@code field} a list of ids, or one id), each of an existing skill (or language): else 400. */
    private static List<String> ids(Connection c, JsonNode given, String field, String kind) throws SQLException {
        List<String> out = new ArrayList<>();
        JsonNode list = given.isArray() ? given : null;
        if (list == null && !given.isTextual()) {
            throw InvalidInput.field(field, field + " must be " + (field.endsWith("s") ? "a list of ids" : "an id"));
        }
        if (list != null && list.size() > MAX_SKILLS) {
            throw InvalidInput.field(field, "at most " + MAX_SKILLS + " skills");
        }
        int n = list == null ? 1 : list.size();
        for (int i = 0; i < n; i++) {
            JsonNode node = list == null ? given : list.get(i);
            String at = list == null ? field : field + "[" + i + "]";
            java.util.Optional<java.util.UUID> uuid = node.isTextual() ? RoutingInput.parse(node.asText())
                    : java.util.Optional.empty();
            if (uuid.isEmpty()) {
                throw InvalidInput.field(at, at + " must be the id of a " + kind);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM routing_skill WHERE id = ? AND kind = ?")) {
                ps.setObject(1, uuid.get());
                ps.setString(2, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw InvalidInput.field(at, "no " + kind + " has the id " + uuid.get());
                    }
                }
            }
            out.add(uuid.get().toString());
        }
        return out;
    }
}
