package dev.rapport.action.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * action-service's own bearer token (role {@code service}) for calls to Rapport's API: taken from the issuer with the
 * client-credentials grant and kept until shortly before it expires. A token set by configuration wins.
 */
final class ServiceToken implements Supplier<String> {
    private static final Duration EARLY = Duration.ofSeconds(60);

    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private String token;
    private Instant renewAt = Instant.EPOCH;

    ServiceToken(URI tokenEndpoint, String clientId, String clientSecret) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /**
     * Outside the dev, test and demo profiles nothing supplies a client secret by default, so a service started
     * without one (or a token) would call Rapport's API anonymously or with a guessable secret: refuse to start.
     */
    static void requireCredentials(dev.rapport.action.ActionsConfig config) {
        boolean token = config.internalToken().filter(t -> !t.isBlank()).isPresent();
        boolean secret = config.clientSecret().filter(t -> !t.isBlank()).isPresent();
        if (!token && !secret) {
            throw new IllegalStateException("RAPPORT_ACTIONS_CLIENT_SECRET (rapport.actions.client-secret) is not set: "
                    + "action-service takes its service token from the gateway with client id '" + config.clientId()
                    + "' and this secret (or set RAPPORT_ACTIONS_INTERNAL_TOKEN). Only the dev, test and demo "
                    + "profiles have a built-in secret.");
        }
    }

    @Override
    public synchronized String get() {
        if (token != null && Instant.now().isBefore(renewAt)) {
            return token;
        }
        try {
            String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                    + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                Log.warnf("No service token from %s: HTTP %d", tokenEndpoint, response.statusCode());
                return "";
            }
            JsonNode body = json.readTree(response.body());
            token = body.path("access_token").asText();
            renewAt = Instant.now().plusSeconds(Math.max(0, body.path("expires_in").asLong(300))).minus(EARLY);
            return token;
        } catch (java.io.IOException e) {
            Log.warnf("No service token from %s: %s", tokenEndpoint, e.getMessage());
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
