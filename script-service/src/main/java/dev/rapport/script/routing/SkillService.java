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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Routing skills and languages ({@code /api/v2/routing/skills}, {@code /languages}): a name each, unique regardless
 * of case, and which users have them with a proficiency ({@code /api/v2/users/{id}/routingskills},
 * {@code /routinglanguages}). The two kinds are the same thing to routing: what an interaction needs of its agent.
 */
@ApplicationScoped
public class SkillService {
    /** A skill or a language, by the path and field names Genesys gives it. */
    public enum Kind {
        SKILL("skill", "/api/v2/routing/skills", "routingskills", "skillUri", "Skill"),
        LANGUAGE("language", "/api/v2/routing/languages", "routinglanguages", "languageUri", "Language");

        final String column;
        final String base;
        final String userPath;
        final String uriField;
        final String label;

        Kind(String column, String base, String userPath, String uriField, String label) {
            this.column = column;
            this.base = base;
            this.userPath = userPath;
            this.uriField = uriField;
            this.label = label;
        }
    }

    static final double MAX_PROFICIENCY = 5;
    static final int MAX_PER_USER = 200;

    private final AgroalDataSource dataSource;

    SkillService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(rollbackOn = SQLException.class)
    public EntityListing.Page<Map<String, Object>> list(Kind kind, Paging paging, String name) throws SQLException {
        boolean filtered = name != null && !name.isBlank();
        try (Connection c = dataSource.getConnection()) {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, date_modified FROM routing_skill "
                    + "WHERE kind = ?" + (filtered ? " AND lower(name) LIKE ?" : "")
                    + " ORDER BY lower(name), id LIMIT ? OFFSET ?")) {
                int i = 1;
                ps.setString(i++, kind.column);
                if (filtered) {
                    ps.setString(i++, "%" + name.trim().toLowerCase(Locale.ROOT) + "%");
                }
                ps.setInt(i++, paging.pageSize());
                ps.setInt(i, paging.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(view(kind, rs));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM routing_skill WHERE kind = ?"
                    + (filtered ? " AND lower(name) LIKE ?" : ""))) {
                ps.setString(1, kind.column);
                if (filtered) {
                    ps.setString(2, "%" + name.trim().toLowerCase(Locale.ROOT) + "%");
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new EntityListing.Page<>(out, rs.getLong(1));
                }
            }
        }
    }

    @Transactional(rollbackOn = SQLException.class)
    public Map<String, Object> create(Kind kind, JsonNode request) throws SQLException {
        String name = RoutingInput.name(RoutingInput.object(request), "name");
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM routing_skill WHERE kind = ? "
                    + "AND lower(name) = ?")) {
                ps.setString(1, kind.column);
                ps.setString(2, name.toLowerCase(Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new Conflict("A " + kind.column + " named '" + rs.getString(1) + "' exists already",
                                List.of(new Detail("duplicate.name", "name", "another " + kind.column
                                        + " has this name")));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO routing_skill (id, kind, name, date_modified) "
                    + "VALUES (?, ?, ?, now())")) {
                ps.setObject(1, id);
                ps.setString(2, kind.column);
                ps.setString(3, name);
                ps.executeUpdate();
            }
            return find(c, kind, id);
        }
    }

    @Transactional(rollbackOn = SQLException.class)
    public Map<String, Object> get(Kind kind, String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, kind, RoutingInput.uuid(id, kind.label));
        }
    }

    /** Deleting one takes it from every user who has it. */
    @Transactional(rollbackOn = SQLException.class)
    public void delete(Kind kind, String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            UUID key = RoutingInput.uuid(id, kind.label);
            find(c, kind, key);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM routing_skill WHERE id = ?")) {
                ps.setObject(1, key);
                ps.executeUpdate();
            }
        }
    }

    /** The skills (or languages) of a user, Genesys's UserRoutingSkill / UserRoutingLanguage. */
    @Transactional(rollbackOn = SQLException.class)
    public EntityListing.Page<Map<String, Object>> ofUser(Kind kind, String userId, Paging paging) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            requireUser(c, userId);
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k.id, k.name, u.proficiency FROM user_routing_skill u "
                    + "JOIN routing_skill k ON k.id = u.skill_id WHERE u.user_id = ? AND k.kind = ? "
                    + "ORDER BY lower(k.name), k.id LIMIT ? OFFSET ?")) {
                ps.setString(1, userId);
                ps.setString(2, kind.column);
                ps.setInt(3, paging.pageSize());
                ps.setInt(4, paging.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(userView(kind, userId, rs.getString(1), rs.getString(2), rs.getDouble(3)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM user_routing_skill u "
                    + "JOIN routing_skill k ON k.id = u.skill_id WHERE u.user_id = ? AND k.kind = ?")) {
                ps.setString(1, userId);
                ps.setString(2, kind.column);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new EntityListing.Page<>(out, rs.getLong(1));
                }
            }
        }
    }

    /** Gives the user the skill (or language) {@code {"id", "proficiency"}}; again: a new proficiency. */
    @Transactional(rollbackOn = SQLException.class)
    public Map<String, Object> addToUser(Kind kind, String userId, JsonNode request) throws SQLException {
        JsonNode body = RoutingInput.object(request);
        JsonNode idNode = body.get("id");
        if (idNode == null || !idNode.isTextual() || RoutingInput.parse(idNode.asText()).isEmpty()) {
            throw InvalidInput.field("id", "id must be the id of a " + kind.column);
        }
        double proficiency = 0;
        JsonNode p = body.get("proficiency");
        if (p != null && !p.isNull()) {
            if (!p.isNumber() || p.asDouble() < 0 || p.asDouble() > MAX_PROFICIENCY) {
                throw InvalidInput.field("proficiency", "proficiency must be a number from 0 to " + (int) MAX_PROFICIENCY);
            }
            proficiency = p.asDouble();
        }
        UUID id = UUID.fromString(idNode.asText());
        try (Connection c = dataSource.getConnection()) {
            requireUser(c, userId);
            Map<String, Object> skill;
            try {
                skill = find(c, kind, id);
            } catch (NotFound e) {
                throw InvalidInput.field("id", "no " + kind.column + " has the id " + id);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM user_routing_skill WHERE user_id = ?")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= MAX_PER_USER) {
                        throw InvalidInput.field("id", "a user has at most " + MAX_PER_USER + " skills and languages");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_routing_skill (user_id, skill_id, "
                    + "proficiency) VALUES (?, ?, ?) ON CONFLICT (user_id, skill_id) DO UPDATE SET "
                    + "proficiency = excluded.proficiency")) {
                ps.setString(1, userId);
                ps.setObject(2, id);
                ps.setDouble(3, proficiency);
                ps.executeUpdate();
            }
            return userView(kind, userId, id.toString(), (String) skill.get("name"), proficiency);
        }
    }

    @Transactional(rollbackOn = SQLException.class)
    public void removeFromUser(Kind kind, String userId, String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            requireUser(c, userId);
            UUID key = RoutingInput.uuid(id, kind.label);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_routing_skill WHERE user_id = ? "
                    + "AND skill_id = ?")) {
                ps.setString(1, userId);
                ps.setObject(2, key);
                if (ps.executeUpdate() == 0) {
                    throw new NotFound("User " + userId + " has no " + kind.column + " " + id);
                }
            }
        }
    }

    /** 404 unless the user is one of the directory's. */
    @Transactional(rollbackOn = SQLException.class)
    public void requireKnown(String userId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            requireUser(c, userId);
        }
    }

    static void requireUser(Connection c, String userId) throws SQLException {
        if (userId == null || userId.length() > RoutingInput.MAX_USER_ID
                || DirectoryUsers.known(c, List.of(userId)).isEmpty()) {
            throw new NotFound("User " + userId + " not found");
        }
    }

    private static Map<String, Object> find(Connection c, Kind kind, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, date_modified FROM routing_skill "
                + "WHERE id = ? AND kind = ?")) {
            ps.setObject(1, id);
            ps.setString(2, kind.column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFound(kind.label + " " + id + " not found");
                }
                return view(kind, rs);
            }
        }
    }

    private static Map<String, Object> view(Kind kind, ResultSet rs) throws SQLException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", rs.getString(1));
        v.put("name", rs.getString(2));
        v.put("dateModified", rs.getTimestamp(3).toInstant());
        v.put("state", "active");
        v.put("version", "1");
        v.put("selfUri", kind.base + "/" + rs.getString(1));
        return v;
    }

    private static Map<String, Object> userView(Kind kind, String userId, String id, String name, double proficiency) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("name", name);
        v.put("proficiency", proficiency);
        v.put("state", "active");
        v.put(kind.uriField, kind.base + "/" + id);
        v.put("selfUri", "/api/v2/users/" + userId + "/" + kind.userPath + "/" + id);
        return v;
    }
}
