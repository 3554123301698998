package dev.rapport.action.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What runs: a data action's {@code config} and {@code contract} exactly as Genesys writes them (kept as JSON so an
 * import exports back unchanged), with typed reads of the parts the engine needs.
 */
public record ActionDefinition(String name, ObjectNode config, ObjectNode contract, boolean secure) {
    /** Genesys's range for {@code timeoutSeconds}. */
    public static final int MIN_TIMEOUT = 1;
    public static final int MAX_TIMEOUT = 60;

    public String requestUrlTemplate() {
        return text(config.path("request").path("requestUrlTemplate"));
    }

    public String requestType() {
        String type = text(config.path("request").path("requestType"));
        return type == null ? "GET" : type.toUpperCase(java.util.Locale.ROOT);
    }

    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        config.path("request").path("headers").fields()
                .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return headers;
    }

    /** Genesys's default body is the whole input, {@code ${input.rawRequest}}. */
    public String requestTemplate() {
        String template = text(config.path("request").path("requestTemplate"));
        return template == null ? "${input.rawRequest}" : template;
    }

    public Map<String, String> translationMap() {
        return strings(config.path("response").path("translationMap"));
    }

    public Map<String, String> translationMapDefaults() {
        return strings(config.path("response").path("translationMapDefaults"));
    }

    /** Without a success template the translated values themselves are the result (Genesys's behaviour). */
    public String successTemplate() {
        return text(config.path("response").path("successTemplate"));
    }

    /** {@code timeoutSeconds} when set, else {@code fallback}; always within 1..60. */
    public int timeoutSeconds(int fallback) {
        JsonNode t = config.path("timeoutSeconds");
        int seconds = t.canConvertToInt() ? t.asInt() : fallback;
        return Math.max(MIN_TIMEOUT, Math.min(MAX_TIMEOUT, seconds));
    }

    public JsonNode inputSchema() {
        return contract.path("input").path("inputSchema");
    }

    public JsonNode successSchema() {
        return contract.path("output").path("successSchema");
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(),
                e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString()));
        return out;
    }
}
