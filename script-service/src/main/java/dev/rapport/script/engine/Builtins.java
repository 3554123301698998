package dev.rapport.script.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values of the built-in {@code Scripter.*} variables for one session, by display name without the prefix
 * ("Agent Name"). "Page Is Invalid" is computed by the engine and cannot be supplied.
 */
public record Builtins(Map<String, String> values) {
    public static final String PREFIX = "Scripter.";
    public static final String PAGE_IS_INVALID = "Page Is Invalid";
    public static final List<String> NAMES = List.of("Agent Name", "Agent Id", "Agent Email",
            "Customer Formatted Number", "Interaction ID", "Interaction State", "Interaction Type", "Queue Name",
            "Queue ID", "Customer Call Start Time", "Agent Call Start Time", "Customer Call Duration", PAGE_IS_INVALID);
    public static final Builtins NONE = new Builtins(Map.of());

    public Builtins {
        Map<String, String> copy = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                String name = k.startsWith(PREFIX) ? k.substring(PREFIX.length()) : k;
                if (!NAMES.contains(name) || name.equals(PAGE_IS_INVALID)) {
                    throw new IllegalArgumentException("'" + k + "' is not a built-in Scripter variable that can be set");
                }
                copy.put(name, v == null ? "" : v);
            });
        }
        values = Map.copyOf(copy);
    }

    public static boolean isBuiltin(String reference) {
        return reference.startsWith(PREFIX) && NAMES.contains(reference.substring(PREFIX.length()));
    }

    public String get(String name) {
        return values.getOrDefault(name, "");
    }
}
