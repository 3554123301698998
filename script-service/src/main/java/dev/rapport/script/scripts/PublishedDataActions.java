package dev.rapport.script.scripts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.script.clients.ActionServiceClient;
import dev.rapport.script.clients.ActionServiceClient.Publication;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.validation.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks at publish time that every data action a script executes exists and is published, by asking action-service
 * (its owner, through {@link ActionServiceClient}) with the publishing admin's own token. Off with
 * RAPPORT_SCRIPTS_CHECK_DATA_ACTIONS=false.
 */
@ApplicationScoped
public class PublishedDataActions {
    private final boolean enabled;
    private final ActionServiceClient actionService;

    PublishedDataActions(PublishingConfig config, ActionServiceClient actionService) {
        this.enabled = config.checkDataActions();
        this.actionService = actionService;
    }

    /** Problems for data actions that are missing, unpublished or cannot be checked; empty when all are fine. */
    public List<Problem> check(ScriptDefinition script, String authorization) {
        if (!enabled) {
            return List.of();
        }
        Map<String, String> ids = new LinkedHashMap<>();
        collect(ScriptFormat.tree(script), "", ids);
        List<Problem> problems = new ArrayList<>();
        ids.forEach((where, id) -> {
            String answer = ask(id, authorization);
            if (answer != null) {
                problems.add(new Problem(where, "data.action.unpublished", answer));
            }
        });
        return problems;
    }

    /** @return null when the action is published, else why not */
    private String ask(String id, String authorization) {
        Publication publication = actionService.publication(id, authorization);
        if (publication instanceof Publication.NotPublished) {
            return "data action '" + id + "' does not exist or has no published version";
        }
        if (publication instanceof Publication.Unknown unknown) {
            return "data action '" + id + "' could not be checked: " + unknown.reason();
        }
        return null;
    }

    private static void collect(JsonNode node, String where, Map<String, String> ids) {
        if (node.isObject()) {
            if ("executeDataAction".equals(node.path("type").asText()) && node.hasNonNull("dataActionId")) {
                ids.putIfAbsent(where + "/dataActionId", node.path("dataActionId").asText());
            }
            node.fields().forEachRemaining(e -> collect(e.getValue(), where + "/" + e.getKey(), ids));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), where + "/" + i, ids);
            }
        }
    }
}
