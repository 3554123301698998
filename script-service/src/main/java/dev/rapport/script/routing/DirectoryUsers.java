package dev.rapport.script.routing;

import dev.rapport.contract.DirectoryUser;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.InteractionEvent.AgentRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The user directory as script-service keeps it (table {@code directory_user}, from topic {@code users}). */
public final class DirectoryUsers {
    private DirectoryUsers() {
    }

    /**
     * The directory's entry of each of these users that it knows, as an interaction event names an agent, read on
     * the caller's connection (the session core's or the router's transaction).
     */
    public static Map<String, AgentRef> agents(Connection c, Collection<String> ids) throws SQLException {
        Map<String, AgentRef> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, email FROM directory_user WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", new TreeSet<>(ids).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String email = rs.getString(3);
                    out.put(rs.getString(1), new AgentRef(rs.getString(1), rs.getString(2),
                            email == null || email.isEmpty() ? null : email));
                }
            }
        }
        return out;
    }

    /** Which of these ids are users of the directory. */
    public static Set<String> known(Connection c, Collection<String> ids) throws SQLException {
        return agents(c, ids).keySet();
    }

    /** Stores the users (a record seen again changes nothing), in one statement. */
    static void upsert(Connection c, List<DirectoryUser> users) throws SQLException {
        if (users.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO directory_user (id, name, email, roles, updated_at) "
                + "VALUES (?, ?, ?, ?::jsonb, now()) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                + "email = excluded.email, roles = excluded.roles, updated_at = excluded.updated_at "
                + "WHERE (directory_user.name, directory_user.email, directory_user.roles) IS DISTINCT FROM "
                + "(excluded.name, excluded.email, excluded.roles)")) {
            for (DirectoryUser u : users) {
                ps.setString(1, u.id());
                ps.setString(2, u.name());
                ps.setString(3, u.email());
                ps.setString(4, EventJson.write(u.roles() == null ? List.of() : u.roles()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
