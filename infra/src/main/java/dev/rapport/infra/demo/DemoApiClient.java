package dev.rapport.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small client of Rapport's public API through the gateway, signed in with the password grant. */
final class DemoApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI gateway;
    private String token;

    DemoApiClient(URI gateway) {
        this.gateway = gateway;
    }

    void signIn(String user, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in as " + user + " failed: " + response.statusCode() + " " + response.body());
        }
        token = json.readTree(response.body()).path("access_token").asText();
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, 200);
    }

    JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, body, -1);
    }

    JsonNode put(String path, Object body) throws IOException, InterruptedException {
        return send("PUT", path, body, -1);
    }

    /** Sends a request; any 2xx is success, else it fails naming the call and the server's answer. */
    private JsonNode send(String method, String path, Object body, int expected) throws IOException, InterruptedException {
        String text = body == null ? "" : body instanceof String s ? s : json.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (expected > 0 ? status != expected : status / 100 != 2) {
            throw new ApiError(method + " " + path + " answered " + status + ": " + response.body(), status);
        }
        return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static final class ApiError extends IllegalStateException {
        final int status;

        ApiError(String message, int status) {
            super(message);
            this.status = status;
        }
    }
}
