package dev.rapport.script.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.script.model.Component;
import dev.rapport.script.model.Option;
import dev.rapport.script.model.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Genesys components to Rapport's. Font, border, padding and alignment have no counterpart and are noted. */
final class GenesysComponents {
    private static final Set<String> IGNORED_PROPERTIES = Set.of("margin", "width", "height", "visible", "disabled",
            "backgroundColor", "textColor", "childArrangement", "text", "value", "placeholderText", "clickAction",
            "changeAction", "options", "doesRequireValue", "isMultilineInput", "bold", "italic", "validation",
            "doesIncludeTime", "src", "source", "url", "preserveLayoutLocation");
    private final GenesysScriptConverter c;

    GenesysComponents(GenesysScriptConverter converter) {
        this.c = converter;
    }

    Component convert(JsonNode node, String where) {
        String type = node.path("type").asText();
        JsonNode p = node.path("properties");
        Style style = c.style(p);
        noteUnsupported(type, p);
        switch (type) {
            case "verticalStackContainer", "horizontalStackContainer" -> {
                List<Component> children = new ArrayList<>();
                for (JsonNode child : node.path("children")) {
                    Component converted = convert(child, where);
                    if (converted != null) {
                        children.add(converted);
                    }
                }
                Component.Arrangement arrangement = arrangement(p.path("childArrangement").path("value").asText("start"));
                return type.startsWith("vertical")
                        ? new Component.VerticalContainer(c.nextId("vertical"), style, arrangement, children)
                        : new Component.HorizontalContainer(c.nextId("horizontal"), style, arrangement, children);
            }
            case "text" -> {
                return new Component.Text(c.nextId("text"), style, c.text(p.path("text").path("value").asText("")),
                        bool(p, "bold"), bool(p, "italic"));
            }
            case "button" -> {
                String id = c.nextId("button");
                return new Component.Button(id, style, c.text(p.path("text").path("value").asText("")),
                        c.actionRef(where + " button " + id + " click", p.path("clickAction")));
            }
            case "input" -> {
                String id = c.nextId("input");
                String variable = c.variableRef(p.path("value"));
                boolean required = p.path("doesRequireValue").path("value").asBoolean(false);
                String change = c.actionRef(where + " input change", p.path("changeAction"));
                String placeholder = c.text(p.path("placeholderText").path("value").asText(null));
                if (p.path("validation").has("value")) {
                    c.note(where + ": input validation " + p.path("validation").path("value"));
                }
                if (p.path("isMultilineInput").path("value").asBoolean(false)) {
                    return new Component.MultiLineInput(id, style, variable, placeholder, required, change);
                }
                return new Component.TextInput(id, style, variable, placeholder, required, null, change);
            }
            case "dropdown" -> {
                List<Option> options = new ArrayList<>();
                for (JsonNode pair : p.path("options").path("value")) {
                    options.add(new Option(c.text(pair.path(0).path("value").asText()), c.text(pair.path(1).path("value").asText())));
                }
                return new Component.Dropdown(c.nextId("dropdown"), style, c.variableRef(p.path("value")),
                        c.text(p.path("placeholderText").path("value").asText(null)), options, null, null,
                        p.path("doesRequireValue").path("value").asBoolean(false),
                        c.actionRef(where + " dropdown change", p.path("changeAction")));
            }
            case "date" -> {
                return new Component.DateInput(c.nextId("date"), style, c.variableRef(p.path("value")),
                        p.path("doesRequireValue").path("value").asBoolean(false),
                        p.path("doesIncludeTime").path("value").asBoolean(false),
                        c.actionRef(where + " date change", p.path("changeAction")));
            }
            case "checkbox" -> {
                if (p.path("clickAction").path("value").has("actionName")) {
                    c.note(where + ": checkbox click action (its change action is kept)");
                }
                return new Component.Checkbox(c.nextId("checkbox"), style, c.variableRef(p.path("value")),
                        c.text(p.path("text").path("value").asText("")),
                        c.actionRef(where + " checkbox change", p.path("changeAction")));
            }
            case "webPage" -> {
                return new Component.WebPage(c.nextId("webPage"), style, c.text(p.path("source").path("value").asText(
                        p.path("src").path("value").asText(""))));
            }
            default -> {
                c.note(where + ": component type '" + type + "'");
                return null;
            }
        }
    }

    private void noteUnsupported(String type, JsonNode p) {
        p.fieldNames().forEachRemaining(name -> {
            if (IGNORED_PROPERTIES.contains(name)) {
                return;
            }
            JsonNode value = p.path(name).path("value");
            boolean meaningful = !value.isMissingNode() && !value.isNull() && !(value.isNumber() && value.asDouble() == 0)
                    && !(value.isBoolean() && !value.asBoolean());
            if (meaningful) {
                c.note("component property '" + name + "' (" + type + ")");
            }
        });
    }

    private static Boolean bool(JsonNode p, String name) {
        return p.path(name).path("value").isBoolean() ? p.path(name).path("value").asBoolean() : null;
    }

    private static Component.Arrangement arrangement(String value) {
        return switch (value) {
            case "center" -> Component.Arrangement.center;
            case "end" -> Component.Arrangement.end;
            default -> Component.Arrangement.start;
        };
    }
}
