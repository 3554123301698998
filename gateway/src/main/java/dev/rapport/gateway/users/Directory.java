package dev.rapport.gateway.users;

import dev.rapport.contract.DirectoryUser;
import dev.rapport.gateway.identity.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The user directory: the people configured in {@code rapport.identity.users.<id>} (name, email, roles; the id is
 * the user name they sign in with). Never their credentials.
 */
@ApplicationScoped
public class Directory {
    private final Map<String, DirectoryUser> users = new TreeMap<>();

    Directory(IdentityConfig identity) {
        identity.users().forEach((id, user) -> users.put(id, new DirectoryUser(id, user.name().filter(n -> !n.isBlank())
                .orElse(id), user.email().filter(e -> !e.isBlank()).orElse(null), List.copyOf(user.roles()))));
    }

    /** Everyone, by id. */
    public List<DirectoryUser> all() {
        return List.copyOf(users.values());
    }

    public Optional<DirectoryUser> find(String id) {
        return Optional.ofNullable(id == null ? null : users.get(id));
    }
}
