package dev.rapport.bench.stages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Scripts of a given size for the designer stage: rows of a horizontal container holding a text with a variable, a
 * text input and a button (4 components a row), then single texts up to the size. The root is not counted.
 */
public final class DesignerScripts {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DesignerScripts() {
    }

    /** A script in Rapport's format with exactly {@code components} components under the page root. */
    public static ObjectNode build(String name, int components) {
        if (components < 1) {
            throw new IllegalArgumentException("components must be positive");
        }
        ArrayNode children = JSON.arrayNode();
        int rows = components / 4;
        for (int r = 1; r <= rows; r++) {
            ObjectNode row = children.addObject().put("type", "horizontalContainer").put("id", "row-" + r);
            ArrayNode cells = row.putArray("children");
            cells.addObject().put("type", "text").put("id", "text-" + r)
                    .put("text", "Line " + r + ": hi {{CustomerName}}, the case is {{CaseStatus}}");
            cells.addObject().put("type", "textInput").put("id", "input-" + r).put("variable", "CaseStatus")
                    .put("placeholder", "Case status " + r).put("required", false);
            cells.addObject().put("type", "button").put("id", "button-" + r).put("text", "Submit " + r);
        }
        for (int t = rows * 4 + 1; t <= components; t++) {
            children.addObject().put("type", "text").put("id", "text-extra-" + t).put("text", "Extra line " + t);
        }
        ObjectNode script = JSON.objectNode().put("name", name).put("startPageId", "start");
        ObjectNode page = script.putArray("pages").addObject().put("id", "start").put("name", "Start Page");
        page.putObject("root").put("type", "verticalContainer").put("id", "root").set("children", children);
        ArrayNode variables = script.putArray("variables");
        variables.addObject().put("name", "CustomerName").put("type", "string").put("input", true);
        variables.addObject().put("name", "CaseStatus").put("type", "string").put("output", true);
        script.putArray("customActions");
        return script;
    }

    /** Ids of up to {@code count} text components spread over the page, for the edits. */
    public static List<String> editableTexts(int components, int count) {
        int rows = components / 4;
        List<String> ids = new ArrayList<>();
        if (rows == 0) {
            return ids;
        }
        int n = Math.min(count, rows);
        for (int i = 0; i < n; i++) {
            ids.add("text-" + (1 + (long) i * (rows - 1) / Math.max(1, n - 1)));
        }
        return ids;
    }

    /** Components under {@code node}, itself excluded. */
    public static int count(com.fasterxml.jackson.databind.JsonNode node) {
        int n = 0;
        for (var child : node.path("children")) {
            n += 1 + count(child);
        }
        return n;
    }
}
