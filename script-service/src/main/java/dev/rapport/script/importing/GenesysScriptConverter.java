package dev.rapport.script.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.CustomAction;
import dev.rapport.script.model.Page;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.model.Style;
import dev.rapport.script.model.Variable;
import dev.rapport.script.model.VariableKind;
import dev.rapport.script.model.VariableType;
import dev.rapport.script.scripts.ScriptFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a Genesys Scripter export into Rapport's model. Variable and action ids become names; what has no
 * counterpart is listed in {@link #notCarriedOver()}, never dropped silently.
 */
public final class GenesysScriptConverter {
    static final Map<String, String> BUILTINS = Map.ofEntries(Map.entry("agentName", "Agent Name"),
            Map.entry("agentId", "Agent Id"), Map.entry("agentEmail", "Agent Email"),
            Map.entry("customersFormattedNumber", "Customer Formatted Number"), Map.entry("interactionId", "Interaction ID"),
            Map.entry("interactionState", "Interaction State"), Map.entry("interactionType", "Interaction Type"),
            Map.entry("queueName", "Queue Name"), Map.entry("queueId", "Queue ID"),
            Map.entry("customersCallStartTime", "Customer Call Start Time"),
            Map.entry("agentsCallStartTime", "Agent Call Start Time"),
            Map.entry("customersCallDuration", "Customer Call Duration"), Map.entry("pageIsInvalid", "Page Is Invalid"));
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{([^}]+)}}");

    final Map<String, String> variableNames = new LinkedHashMap<>();
    final Map<String, String> actionNames = new LinkedHashMap<>();
    private final List<String> notCarriedOver = new ArrayList<>();
    private final List<CustomAction> synthesizedActions = new ArrayList<>();
    private int nextComponent = 1;

    public static boolean looksLikeGenesys(JsonNode body) {
        return body.has("startPageId") && body.path("pages").isArray()
                && (body.path("pages").size() == 0 || body.path("pages").get(0).has("rootContainer"));
    }

    public List<String> notCarriedOver() {
        return List.copyOf(notCarriedOver);
    }

    void note(String what) {
        if (!notCarriedOver.contains(what)) {
            notCarriedOver.add(what);
        }
    }

    public ScriptDefinition convert(JsonNode s) {
        s.path("variables").forEach(v -> variableNames.put(v.path("id").asText(), v.path("name").asText()));
        s.path("customActions").forEach(a -> actionNames.put(a.path("id").asText(), a.path("name").asText()));
        List<Variable> variables = new ArrayList<>();
        s.path("variables").forEach(v -> variables.add(variable(v)));
        GenesysStepConverter steps = new GenesysStepConverter(this);
        List<CustomAction> actions = new ArrayList<>();
        s.path("customActions").forEach(a -> actions.add(new CustomAction(a.path("name").asText(),
                text(a.path("description")), steps.block("custom action '" + a.path("name").asText() + "'",
                a.path("action").path("block")))));
        List<Page> pages = new ArrayList<>();
        for (JsonNode p : s.path("pages")) {
            String onLoad = actionRef("page '" + p.path("name").asText() + "' load action", p.path("properties").path("onLoadAction"));
            pages.add(new Page(p.path("id").asText(), p.path("name").asText(), onLoad,
                    component(p.path("rootContainer"), "page '" + p.path("name").asText() + "'")));
        }
        actions.addAll(synthesizedActions);
        JsonNode f = s.path("features");
        ScriptDefinition.Features features = new ScriptDefinition.Features(enabled(f, "screenPop"), enabled(f, "dialer"),
                enabled(f, "bridge"));
        f.fieldNames().forEachRemaining(name -> {
            if (!List.of("screenPop", "dialer", "bridge", "scripter").contains(name) && enabled(f, name)) {
                note("feature '" + name + "'");
            }
        });
        return new ScriptDefinition(s.path("name").asText(), null, features, s.path("startPageId").asText(), pages,
                variables, actions, null);
    }

    private static boolean enabled(JsonNode features, String name) {
        return features.path(name).path("properties").path("enabled").path("value").asBoolean(false);
    }

    private Variable variable(JsonNode v) {
        JsonNode t = v.path("type");
        VariableType type = switch (t.path("name").asText("string")) {
            case "number" -> VariableType.NUMBER;
            case "boolean" -> VariableType.BOOLEAN;
            default -> VariableType.STRING;
        };
        boolean dynamic = t.path("isDynamic").asBoolean(false);
        VariableKind kind = dynamic ? VariableKind.DYNAMIC : t.path("isList").asBoolean(false) ? VariableKind.LIST : VariableKind.BASIC;
        Object value = v.path("value").isMissingNode() || v.path("value").isNull() ? null
                : v.path("value").isNumber() ? (Object) v.path("value").asDouble()
                : v.path("value").isBoolean() ? (Object) v.path("value").asBoolean() : v.path("value").asText();
        if (kind == VariableKind.LIST && value != null && !(value instanceof List)) {
            value = null;
        }
        return new Variable(v.path("name").asText(), text(v.path("description")), type, kind,
                v.path("input").asBoolean(false) && !dynamic, v.path("output").asBoolean(false),
                dynamic ? null : value, dynamic ? text(value == null ? "" : value.toString()) : null);
    }

    /** Interpolated text with variable ids and internal built-in ids replaced by names. */
    String text(String genesys) {
        if (genesys == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(genesys);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1).trim();
            String name = variableNames.get(ref);
            if (name == null && ref.startsWith("scripter.")) {
                String builtin = BUILTINS.get(ref.substring("scripter.".length()));
                if (builtin == null) {
                    note("built-in variable {{" + ref + "}}");
                }
                name = "Scripter." + (builtin == null ? ref.substring("scripter.".length()) : builtin);
            }
            m.appendReplacement(out, Matcher.quoteReplacement("{{" + (name == null ? ref : name) + "}}"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : text(node.asText());
    }

    String variableRef(JsonNode property) {
        String id = property.path("value").asText(null);
        if (id != null && !variableNames.containsKey(id)) {
            note("reference to variable '" + id + "', which the script does not define (kept; publishing reports it)");
        }
        return id == null ? null : variableNames.getOrDefault(id, id);
    }

    /** A custom action referenced by an event property; built-in actions on events are noted. */
    String actionRef(String where, JsonNode property) {
        String name = property.path("value").path("actionName").asText(null);
        if (name == null) {
            return null;
        }
        if (actionNames.containsKey(name)) {
            return actionNames.get(name);
        }
        if (!name.contains(".")) {
            note(where + ": custom action '" + name + "', which the script does not define");
            return null;
        }
        // a built-in action bound directly to an event becomes a one-step custom action of its own
        var step = new GenesysStepConverter(this).block(where, ScriptFormat.mapper().createArrayNode().add(property.path("value")));
        if (step.isEmpty()) {
            return null;
        }
        String synthesized = where + " (" + name + ")";
        synthesizedActions.add(new CustomAction(synthesized, "Imported from a built-in action bound to an event", step));
        return synthesized;
    }

    private Component component(JsonNode c, String where) {
        GenesysComponents components = new GenesysComponents(this);
        return components.convert(c, where);
    }

    String nextId(String type) {
        return type + "-" + nextComponent++;
    }

    Style style(JsonNode props) {
        String visible = props.path("visible").has("value") ? "{{" + variableRef(props.path("visible")) + "}}" : null;
        JsonNode disabled = props.path("disabled");
        String enabled = null;
        if ("variable".equals(disabled.path("typeName").asText()) && disabled.has("value")) {
            enabled = "not {{" + variableRef(disabled) + "}}";
        } else if (disabled.path("value").asBoolean(false)) {
            enabled = "false";
        }
        String width = sizing(props.path("width"));
        String height = sizing(props.path("height"));
        Integer margin = props.path("margin").path("value").isNumber() ? props.path("margin").path("value").asInt() : null;
        return new Style(width, height, margin, colour(props.path("backgroundColor")), colour(props.path("textColor")),
                visible, enabled);
    }

    private static String sizing(JsonNode sizing) {
        JsonNode v = sizing.path("value");
        return switch (v.path("sizeType").asText("")) {
            case "stretch" -> "stretch";
            case "auto" -> "auto";
            case "pixels" -> v.path("size").asInt() + "px";
            default -> null;
        };
    }

    private String colour(JsonNode colour) {
        if ("variable".equals(colour.path("typeName").asText()) && colour.has("value")) {
            return "{{" + variableRef(colour) + "}}";
        }
        String c = colour.path("value").asText(null);
        return c == null ? null : c.startsWith("#") ? c : "#" + c;
    }
}
