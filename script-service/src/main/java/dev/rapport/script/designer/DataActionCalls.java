package dev.rapport.script.designer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a published data action for a preview, for real, through action-service's execute endpoint and with the
 * previewing admin's own token (so action-service applies its own rules and logs the execution).
 */
@ApplicationScoped
public class DataActionCalls {
    private final URI actionService;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    DataActionCalls(@ConfigProperty(name = "rapport.scripts.action-service-url", defaultValue = "http://127.0.0.1:8083")
                    URI actionService, ObjectMapper json) {
        this.actionService = actionService;
        this.json = json;
    }

    /** One execution: outputs flattened as in a live session, or why it failed. */
    public record Call(String dataActionId, Map<String, String> inputs, boolean success, Map<String, Object> outputs,
                       String error, long durationMs) {
    }

    public Call execute(String dataActionId, Map<String, String> inputs, String authorization) {
        long started = System.nanoTime();
        URI uri = actionService.resolve("/api/v2/integrations/actions/"
                + URLEncoder.encode(dataActionId, StandardCharsets.UTF_8).replace("+", "%20") + "/execute?flatten=true");
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(inputs)));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (response.statusCode() == 200) {
                Map<String, Object> outputs = json.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
                return new Call(dataActionId, inputs, true, outputs, null, ms);
            }
            return new Call(dataActionId, inputs, false, Map.of(), messageOf(response), ms);
        } catch (IOException e) {
            return failed(dataActionId, inputs, "action-service could not be reached: " + e.getMessage(), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(dataActionId, inputs, "interrupted", started);
        }
    }

    private String messageOf(HttpResponse<String> response) {
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null && body.hasNonNull("message")) {
                return body.get("message").asText() + " (" + response.statusCode() + ")";
            }
        } catch (IOException ignored) {
            // not JSON: the status says enough
        }
        return "action-service answered " + response.statusCode();
    }

    private static Call failed(String id, Map<String, String> inputs, String why, long started) {
        return new Call(id, inputs, false, Map.of(), why, (System.nanoTime() - started) / 1_000_000);
    }
}
