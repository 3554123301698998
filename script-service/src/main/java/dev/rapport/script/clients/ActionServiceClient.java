package dev.rapport.script.clients;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * action-service as script-service sees it. Calls carry the caller's own token (the publishing or previewing admin),
 * so action-service applies its own rules to them. Reads are tried again after a refused connection or a
 * 502/503/504; an execution never is (it may have run). Both go through one circuit breaker (named {@value #CIRCUIT}),
 * so an action-service that keeps failing is reported at once. Never throws: a failure is an answer with the reason.
 */
@ApplicationScoped
public class ActionServiceClient {
    public static final String CIRCUIT = "action-service";
    private static final String SERVICE = "action-service";
    private static final TypeLiteral<HttpResponse<String>> RESPONSE = new TypeLiteral<>() { };

    /** Whether a data action can be executed by a script. */
    public sealed interface Publication {
        record Published() implements Publication {
        }

        /** It does not exist or has no published version. */
        record NotPublished() implements Publication {
        }

        record Unknown(String reason) implements Publication {
        }
    }

    /** How an execution came out. */
    public sealed interface Execution {
        record Completed(Map<String, Object> outputs) implements Execution {
        }

        record Failed(String reason) implements Execution {
        }
    }

    private final ActionServiceConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Guard breaker;
    private final Guard reads;

    ActionServiceClient(ActionServiceConfig config, ObjectMapper json) {
        ActionServiceConfig.Calls calls = config.calls();
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(calls.connectTimeout()).build();
        this.breaker = Guard.create().withDescription("calls of action-service")
                .withCircuitBreaker().name(CIRCUIT).failOn(ServiceFailure.class)
                .requestVolumeThreshold(calls.circuitRequestVolume()).failureRatio(calls.circuitFailureRatio())
                .delay(calls.circuitDelay().toMillis(), ChronoUnit.MILLIS).done()
                .build();
        this.reads = Guard.create().withDescription("reads of action-service")
                .withRetry().maxRetries(calls.readRetries())
                .delay(calls.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .whenException(e -> e instanceof ServiceFailure failure && failure.retryable).done()
                .build();
    }

    /** {@code GET /api/v2/integrations/actions/{id}}: 200 when it has a published version. */
    public Publication publication(String dataActionId, String authorization) {
        HttpRequest request = request("/api/v2/integrations/actions/" + ServiceFailure.segment(dataActionId),
                config.calls().readTimeout(), authorization).GET().build();
        try {
            HttpResponse<String> response = reads.call(() -> breaker.call(() -> send(request, true), RESPONSE), RESPONSE);
            return switch (response.statusCode()) {
                case 200 -> new Publication.Published();
                case 404 -> new Publication.NotPublished();
                default -> new Publication.Unknown("action-service answered " + response.statusCode());
            };
        } catch (Exception e) {
            return new Publication.Unknown(reason(e));
        }
    }

    /** {@code POST /api/v2/integrations/actions/{id}/execute?flatten=true}: outputs flattened as in a live session. */
    public Execution execute(String dataActionId, Map<String, String> inputs, String authorization) {
        try {
            HttpRequest request = request("/api/v2/integrations/actions/" + ServiceFailure.segment(dataActionId)
                    + "/execute?flatten=true", config.calls().executeTimeout(), authorization)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(inputs))).build();
            HttpResponse<String> response = breaker.call(() -> send(request, false), RESPONSE);
            if (response.statusCode() != 200) {
                return new Execution.Failed(messageOf(response));
            }
            try {
                return new Execution.Completed(json.readValue(response.body(), new TypeReference<Map<String, Object>>() { }));
            } catch (IOException e) {
                return new Execution.Failed("action-service sent outputs that are not JSON");
            }
        } catch (Exception e) {
            return new Execution.Failed(reason(e));
        }
    }

    private HttpRequest.Builder request(String path, Duration timeout, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.actionServiceUrl().resolve(path)).timeout(timeout);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    /** A 5xx counts against the circuit only for reads: an execution's 5xx is usually the data action's endpoint. */
    private HttpResponse<String> send(HttpRequest request, boolean read) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ServiceFailure.ofTransport(SERVICE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (read && response.statusCode() >= 500) {
            throw ServiceFailure.ofStatus(SERVICE, response.statusCode());
        }
        return response;
    }

    private String reason(Exception e) {
        Throwable root = ServiceFailure.root(e);
        if (root instanceof ServiceFailure failure) {
            return failure.getMessage();
        }
        if (root instanceof CircuitBreakerOpenException) {
            return "action-service has been failing: calls paused for up to "
                    + config.calls().circuitDelay().toSeconds() + " s (circuit open)";
        }
        if (root instanceof InterruptedException) {
            return "interrupted";
        }
        return "action-service could not be called: " + root;
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
}
