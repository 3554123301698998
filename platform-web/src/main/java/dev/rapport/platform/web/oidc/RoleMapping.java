package dev.rapport.platform.web.oidc;

import dev.rapport.contract.Roles;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * From the values of a provider's roles claim to Rapport's roles. A value not in the map gives no role; nothing the
 * provider says becomes a Rapport role unless the map (or, without a map, the role's exact name) says so.
 */
public final class RoleMapping {
    static final Set<String> RAPPORT_ROLES = Set.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.IVR, Roles.SERVICE);
    private static final int MAX_VALUES = 1000;

    private final Map<String, Set<String>> map;

    private RoleMapping(Map<String, Set<String>> map) {
        this.map = map;
    }

    /**
     * Reads {@code value=role} pairs (the value is everything before the last {@code =}). Empty: the identity map of
     * Rapport's roles. A role that is not Rapport's is a configuration error, reported at start.
     */
    public static RoleMapping parse(List<String> entries) {
        Map<String, Set<String>> map = new HashMap<>();
        if (entries == null || entries.stream().allMatch(String::isBlank)) {
            RAPPORT_ROLES.forEach(role -> map.put(role, Set.of(role)));
            return new RoleMapping(map);
        }
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            String value = eq < 0 ? "" : entry.substring(0, eq).trim();
            String role = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (value.isEmpty() || !RAPPORT_ROLES.contains(role)) {
                throw new IllegalArgumentException("rapport.oidc.role-map: '" + entry + "' is not value=role with role one of "
                        + new TreeSet<>(RAPPORT_ROLES));
            }
            map.computeIfAbsent(value, v -> new TreeSet<>()).add(role);
        }
        return new RoleMapping(map);
    }

    /** The Rapport roles of a claim's value: a collection of values, or one value. */
    public Set<String> rolesOf(Object claimValue) {
        Set<String> roles = new TreeSet<>();
        if (claimValue instanceof Collection<?> values) {
            values.stream().limit(MAX_VALUES).forEach(v -> add(v, roles));
        } else {
            add(claimValue, roles);
        }
        return roles;
    }

    private void add(Object value, Set<String> roles) {
        if (value instanceof String s) {
            roles.addAll(map.getOrDefault(s, Set.of()));
        }
    }

    /** The value at a {@code /}-separated path through nested JSON objects (maps), or null. */
    public static Object at(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("/")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(part);
        }
        return current;
    }
}
