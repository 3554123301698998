package dev.rapport.script.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A script in Rapport's format: what an administrator edits as a draft and what a published version freezes.
 * Variables and custom actions are referred to by name (names may contain spaces), pages and components by id.
 * The JSON Schema is {@code dev/rapport/script/script-format.schema.json}. {@code wrapupRequired}: when an
 * interaction showing the script leaves its agent (ended, transferred away), the agent picks a wrap-up code before it
 * leaves their active list; {@code wrapupNotesRequired}: and writes notes. Absent is false (Genesys scripts have no
 * such setting: there it is the queue's).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScriptDefinition(String name, String description, Features features, String startPageId,
                               List<Page> pages, List<Variable> variables, List<CustomAction> customActions,
                               String onScriptLoad, Boolean wrapupRequired, Boolean wrapupNotesRequired) {
    public ScriptDefinition {
        features = features == null ? new Features(false, false, false) : features;
        pages = pages == null ? List.of() : List.copyOf(pages);
        variables = variables == null ? List.of() : List.copyOf(variables);
        customActions = customActions == null ? List.of() : List.copyOf(customActions);
    }

    /** A script without wrap-up settings. */
    public ScriptDefinition(String name, String description, Features features, String startPageId, List<Page> pages,
                            List<Variable> variables, List<CustomAction> customActions, String onScriptLoad) {
        this(name, description, features, startPageId, pages, variables, customActions, onScriptLoad, null, null);
    }

    public boolean requiresWrapup() {
        return Boolean.TRUE.equals(wrapupRequired);
    }

    /** Notes are required only with the wrap-up itself. */
    public boolean requiresWrapupNotes() {
        return requiresWrapup() && Boolean.TRUE.equals(wrapupNotesRequired);
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
