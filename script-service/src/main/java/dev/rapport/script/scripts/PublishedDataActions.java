package dev.rapport.script.scripts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.script.model.ScriptDefinition;
import dev.rapport.script.validation.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks at publish time that every data action a script executes exists and is published, by asking action-service
 * (its owner) with the publishing admin's own token. Off with RAPPORT_SCRIPTS_CHECK_DATA_ACTIONS=false.
 */
@ApplicationScoped
public class PublishedDataActions {
    private final boolean enabled;
    private final URI actionService;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    PublishedDataActions(@ConfigProperty(name = "rapport.scripts.check-data-actions", defaultValue = "true") boolean enabled,
                         @ConfigProperty(name = "rapport.scripts.action-service-url",
                                 defaultValue = "http://127.0.0.1:8083") URI actionService) {
        this.enabled = enabled;
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
        HttpRequest.Builder request = HttpRequest.newBuilder(actionService.resolve("/api/v2/integrations/actions/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return switch (status) {
                case 200 -> null;
                case 404 -> "data action '" + id + "' does not exist or has no published version";
                default -> "data action '" + id + "' could not be checked: action-service answered " + status;
            };
        } catch (IOException e) {
            return "data action '" + id + "' could not be checked: action-service is unreachable (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "data action '" + id + "' could not be checked: interrupted";
        }
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
