package dev.rapport.action.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.templates.EncodingTool;
import dev.rapport.action.templates.GenesysEscapeTool;
import dev.rapport.action.templates.JsonValues;
import dev.rapport.action.templates.SuccessTemplateUtils;
import dev.rapport.action.templates.UrlTool;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.velocity.tools.generic.MathTool;

/** What templates see, as Genesys documents it. Tools are stateless, so one instance of each serves every run. */
final class TemplateContexts {
    private static final GenesysEscapeTool ESC = new GenesysEscapeTool();
    private static final MathTool MATH = new MathTool();
    private static final EncodingTool ENCODING = new EncodingTool();
    private static final SuccessTemplateUtils SUCCESS_UTILS = new SuccessTemplateUtils();
    private static final UrlTool URL_TOOL = new UrlTool();

    private TemplateContexts() {
    }

    /** {@code $input} (+ {@code rawRequest}, the whole input as JSON), {@code $credentials} and the tools. */
    static Map<String, Object> request(ObjectNode input, Map<String, String> credentials) {
        Map<String, Object> context = tools();
        JsonValues.JsonMap inputs = inputs(input);
        context.put("input", inputs);
        // One public action writes ${INPUT.ConversationID}; Genesys accepts it.
        context.put("INPUT", inputs);
        context.put("credentials", new LinkedHashMap<>(credentials));
        return context;
    }

    /** Translated aliases as JSON text, {@code ${rawResult}}, {@code $input} and the tools. */
    static Map<String, Object> success(ObjectNode input, Map<String, JsonNode> translated, String rawResult) {
        Map<String, Object> context = tools();
        JsonValues.JsonMap inputs = inputs(input);
        context.put("input", inputs);
        context.put("INPUT", inputs);
        translated.forEach((alias, value) -> context.put(alias, value.toString()));
        context.put("rawResult", rawResult);
        return context;
    }

    /** The string values of {@code $input} (at any depth, not {@code rawRequest}), for {@code Insertion} by identity. */
    static java.util.List<Object> inputStrings(Map<String, Object> context) {
        java.util.List<Object> out = new java.util.ArrayList<>();
        if (context.get("input") instanceof Map<?, ?> inputs) {
            inputs.forEach((name, value) -> {
                if (!"rawRequest".equals(name)) {
                    collect(value, out);
                }
            });
        }
        return out;
    }

    private static void collect(Object value, java.util.List<Object> out) {
        if (value instanceof String) {
            out.add(value);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, out));
        } else if (value instanceof Iterable<?> list) {
            list.forEach(v -> collect(v, out));
        }
    }

    private static JsonValues.JsonMap inputs(ObjectNode input) {
        Map<String, Object> values = new LinkedHashMap<>();
        input.fields().forEachRemaining(e -> values.put(e.getKey(), JsonValues.of(e.getValue())));
        values.putIfAbsent("rawRequest", input.toString());
        return new JsonValues.JsonMap(values, input.toString());
    }

    private static Map<String, Object> tools() {
        Map<String, Object> context = new HashMap<>();
        context.put("esc", ESC);
        context.put("math", MATH);
        context.put("encoding", ENCODING);
        context.put("successTemplateUtils", SUCCESS_UTILS);
        context.put("urlTool", URL_TOOL);
        return context;
    }
}
