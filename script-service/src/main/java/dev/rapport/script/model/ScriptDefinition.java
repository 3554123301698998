package dev.rapport.script.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A script in Rapport's format: what an administrator edits as a draft and what a published version freezes.
 * Variables and custom actions are referred to by name (names may contain spaces), pages and components by id.
 * The JSON Schema is {@code dev/rapport/script/script-format.schema.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScriptDefinition(String name, String description, Features features, String startPageId,
                               List<Page> pages, List<Variable> variables, List<CustomAction> customActions,
                               String onScriptLoad) {
    public ScriptDefinition {
        features = features == null ? new Features(false, false, false) : features;
        pages = pages == null ? List.of() : List.copyOf(pages);
        variables = variables == null ? List.of() : List.copyOf(variables);
        customActions = customActions == null ? List.of() : List.copyOf(customActions);
    }

    public Optional<Page> page(String id) {
        return pages.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Variable> variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public Optional<CustomAction> customAction(String name) {
        return customActions.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Which Genesys features the script uses: Inbound (screen pop), Outbound (dialer), Data Actions (bridge). */
    public record Features(boolean inbound, boolean outbound, boolean dataActions) {
    }
}
