package dev.rapport.bench.client;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Rapport's HTTP API as an outside client sees it: tokens from the gateway's OAuth endpoint, JSON calls (blocking for
 * set-up, asynchronous for load). One JDK HttpClient for the run, on a small fixed pool.
 */
public final class RapportApi {
    public static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final URI gateway;

    public RapportApi(URI gateway, ExecutorService executor) {
        this.gateway = gateway;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI gateway() {
        return gateway;
    }

    public HttpClient http() {
        return http;
    }

    /** A bearer token: {@code password} grant for people, {@code client_credentials} for systems. */
    public String token(String grant, String id, String secret) throws IOException, InterruptedException {
        String form = "grant_type=" + grant + (grant.equals("password")
                ? "&username=" + enc(id) + "&password=" + enc(secret)
                : "&client_id=" + enc(id) + "&client_secret=" + enc(secret));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(gateway.resolve("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no token for " + id + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    public HttpRequest request(String method, URI uri, String token, Object body) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text)).build();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A blocking JSON call; any 2xx answers the body (null node when empty), anything else throws naming the call. */
    public JsonNode call(String method, URI uri, String token, Object body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(method, uri, token, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new ApiError(method + " " + uri.getPath() + " answered " + r.statusCode() + ": " + r.body(), r.statusCode());
        }
        return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    public JsonNode get(String path, String token) throws IOException, InterruptedException {
        return call("GET", gateway.resolve(path), token, null);
    }

    public JsonNode post(String path, String token, Object body) throws IOException, InterruptedException {
        return call("POST", gateway.resolve(path), token, body);
    }

    /** An asynchronous call for load; completes exceptionally unless the status is 2xx. */
    public CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            if (r.statusCode() / 100 != 2) {
                throw new ApiError(request.method() + " " + request.uri().getPath() + " answered " + r.statusCode()
                        + ": " + r.body(), r.statusCode());
            }
            return r;
        });
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static final class ApiError extends IllegalStateException {
        public final int status;

        public ApiError(String message, int status) {
            super(message);
            this.status = status;
        }
    }
}
