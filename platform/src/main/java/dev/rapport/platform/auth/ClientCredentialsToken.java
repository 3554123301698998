package dev.rapport.platform.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import java.io.IOException;
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
 * A service's own bearer token for calls to another Rapport service: taken from the issuer with the
 * client-credentials grant and kept until shortly before it expires. An empty answer means no token could be had
 * (the call then fails with 401, which the caller reports).
 */
public final class ClientCredentialsToken implements Supplier<String> {
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private String token;
    private Instant renewAt = Instant.EPOCH;

    public ClientCredentialsToken(URI tokenEndpoint, String clientId, String clientSecret) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
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
                Log.warnf("No token for client %s from %s: HTTP %d", clientId, tokenEndpoint, response.statusCode());
                return "";
            }
            JsonNode body = json.readTree(response.body());
            token = body.path("access_token").asText();
            renewAt = Instant.now().plusSeconds(Math.max(0, body.path("expires_in").asLong(300))).minus(EARLY);
            return token;
        } catch (IOException e) {
            Log.warnf("No token for client %s from %s: %s", clientId, tokenEndpoint, e.getMessage());
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Forgets the token, so the next call takes a new one (after a 401). */
    public synchronized void reset() {
        token = null;
        renewAt = Instant.EPOCH;
    }
}
