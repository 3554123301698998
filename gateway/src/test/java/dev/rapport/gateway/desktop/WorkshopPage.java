package dev.rapport.gateway.desktop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.EventJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The workshop's start page as script-service renders it (RenderedPage), with the given texts already resolved. */
final class WorkshopPage {
    private WorkshopPage() {
    }

    static JsonNode render(String greeting, String mapUrl, String kbUrl, String caseStatus) {
        Map<String, Object> root = container("root", "verticalContainer", List.of(
                component("greeting", "text", Map.of("text", greeting)),
                container("pages", "horizontalContainer", List.of(
                        container("map-box", "horizontalContainer",
                                List.of(component("map", "webPage", Map.of("source", mapUrl)))),
                        container("kb-box", "horizontalContainer",
                                List.of(component("kb", "webPage", Map.of("source", kbUrl)))))),
                component("case-status", "textInput", caseStatus == null
                        ? Map.of("text", "Enter Case Status", "variable", "CaseStatus", "valid", true)
                        : Map.of("text", "Enter Case Status", "variable", "CaseStatus", "valid", true,
                                "value", caseStatus)),
                component("submit", "button", Map.of("text", "Submit", "action", "Update Case"))));
        return EventJson.mapper().valueToTree(Map.of("id", "start", "name", "Start Page", "invalid", false,
                "root", root));
    }

    private static Map<String, Object> container(String id, String type, List<Map<String, Object>> children) {
        return component(id, type, Map.of("children", children));
    }

    private static Map<String, Object> component(String id, String type, Map<String, Object> fields) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("type", type);
        c.put("visible", true);
        c.put("enabled", true);
        c.putAll(fields);
        return c;
    }
}
