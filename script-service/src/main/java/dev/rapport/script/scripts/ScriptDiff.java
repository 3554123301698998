package dev.rapport.script.scripts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.script.model.ScriptDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A readable difference between two script definitions: each changed leaf with its path. Items of arrays of named
 * things (pages by id, variables and custom actions by name, components by id) are matched by that key, so inserting
 * one does not show every later item as changed.
 */
public final class ScriptDiff {
    public record Change(String path, String kind, JsonNode from, JsonNode to) {
        String describe() {
            return switch (kind) {
                case "added" -> "+ " + path + ": " + to;
                case "removed" -> "- " + path + ": " + from;
                default -> "~ " + path + ": " + from + " -> " + to;
            };
        }
    }

    private ScriptDiff() {
    }

    public static List<Change> between(ScriptDefinition from, ScriptDefinition to) {
        List<Change> changes = new ArrayList<>();
        walk("", ScriptFormat.tree(from), ScriptFormat.tree(to), changes);
        return changes;
    }

    public static String text(List<Change> changes) {
        if (changes.isEmpty()) {
            return "no differences";
        }
        StringBuilder out = new StringBuilder();
        changes.forEach(c -> out.append(c.describe()).append('\n'));
        return out.toString();
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<Change> out) {
        if (a == null || a.isMissingNode() || a.isNull()) {
            if (b != null && !b.isMissingNode() && !b.isNull()) {
                out.add(new Change(path, "added", null, b));
            }
            return;
        }
        if (b == null || b.isMissingNode() || b.isNull()) {
            out.add(new Change(path, "removed", a, null));
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(path + "/" + name, a.get(name), b.get(name), out);
            }
        } else if (a.isArray() && b.isArray() && keyed(a) && keyed(b)) {
            Set<String> keys = new LinkedHashSet<>();
            a.forEach(n -> keys.add(key(n)));
            b.forEach(n -> keys.add(key(n)));
            for (String k : keys) {
                walk(path + "/" + k, find(a, k), find(b, k), out);
            }
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                walk(path + "/" + i, a.get(i), b.get(i), out);
            }
        } else if (!a.equals(b)) {
            out.add(new Change(path, "changed", a, b));
        }
    }

    private static boolean keyed(JsonNode array) {
        Iterator<JsonNode> it = array.elements();
        while (it.hasNext()) {
            if (key(it.next()) == null) {
                return false;
            }
        }
        return true;
    }

    private static String key(JsonNode n) {
        if (!n.isObject()) {
            return null;
        }
        if (n.hasNonNull("id")) {
            return n.get("id").asText();
        }
        return n.hasNonNull("name") ? n.get("name").asText() : null;
    }

    private static JsonNode find(JsonNode array, String k) {
        for (JsonNode n : array) {
            if (k.equals(key(n))) {
                return n;
            }
        }
        return null;
    }
}
