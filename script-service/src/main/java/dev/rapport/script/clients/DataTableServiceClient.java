package dev.rapport.script.clients;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.platform.auth.ClientCredentialsToken;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * datatable-service as script-service sees it: reads one row with script-service's own token, within the lookup
 * timeout, at most {@code concurrency} at once, again once after a refused connection or a 502/503/504, and behind a
 * circuit breaker (named {@value #CIRCUIT}) so that a failing service fails lookups at once rather than holding
 * every batch for the timeout. Never throws: what cannot be read is {@link RowRead.Unavailable} with the reason.
 */
@ApplicationScoped
public class DataTableServiceClient {
    /** The circuit breaker's name, for {@code CircuitBreakerMaintenance}. */
    public static final String CIRCUIT = "datatable-service";
    private static final String SERVICE = "datatable-service";
    private static final TypeLiteral<CompletionStage<RowRead>> ASYNC_READ = new TypeLiteral<>() { };

    /** What a row read came to. */
    public sealed interface RowRead {
        record Row(Map<String, Object> columns) implements RowRead {
        }

        record NoRow() implements RowRead {
        }

        record Unavailable(String reason) implements RowRead {
        }
    }

    private final DataTableServiceConfig config;
    private final ObjectMapper json;
    private final ClientCredentialsToken token;
    private final HttpClient http;
    private final Semaphore inFlight;
    private final Guard guard;

    DataTableServiceClient(DataTableServiceConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.token = new ClientCredentialsToken(URI.create(config.tokenUrl()), config.clientId(),
                config.clientSecret().orElse(""));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout()).build();
        this.inFlight = new Semaphore(config.concurrency());
        this.guard = Guard.create().withDescription("reads of datatable-service")
                .withRetry().maxRetries(config.retries()).delay(config.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(config.timeout().toMillis(), ChronoUnit.MILLIS)
                .whenException(e -> e instanceof ServiceFailure failure && failure.retryable).done()
                .withCircuitBreaker().name(CIRCUIT).failOn(ServiceFailure.class)
                .requestVolumeThreshold(config.circuitRequestVolume()).failureRatio(config.circuitFailureRatio())
                .delay(config.circuitDelay().toMillis(), ChronoUnit.MILLIS).done()
                .build();
    }

    /** Longest wait for one row, retries included. */
    public Duration timeout() {
        return config.timeout();
    }

    /** {@code GET /api/v2/flows/datatables/{tableId}/rows/{rowKey}?showbrief=false}. */
    public CompletionStage<RowRead> readRow(String tableId, String rowKey) {
        if (!inFlight.tryAcquire()) {
            return CompletableFuture.completedFuture(new RowRead.Unavailable("more than " + config.concurrency()
                    + " lookups in flight at datatable-service"));
        }
        URI uri = URI.create(config.datatableUrl() + "/api/v2/flows/datatables/" + ServiceFailure.segment(tableId)
                + "/rows/" + ServiceFailure.segment(rowKey) + "?showbrief=false");
        CompletionStage<RowRead> read;
        try {
            read = guard.call(() -> attempt(uri), ASYNC_READ);
        } catch (Exception e) {
            read = CompletableFuture.failedFuture(e);
        }
        return read.handle((answer, error) -> {
            inFlight.release();
            return error == null ? answer : unavailable(error);
        });
    }

    private CompletionStage<RowRead> attempt(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Authorization", "Bearer " + token.get()).header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    if (error != null) {
                        throw ServiceFailure.ofTransport(SERVICE, error);
                    }
                    return answer(response);
                });
    }

    private RowRead answer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            throw ServiceFailure.ofStatus(SERVICE, status);
        }
        return switch (status) {
            case 200 -> {
                try {
                    yield new RowRead.Row(json.readValue(response.body(), new TypeReference<Map<String, Object>>() { }));
                } catch (IOException e) {
                    yield new RowRead.Unavailable("datatable-service sent a row that is not JSON");
                }
            }
            case 404 -> new RowRead.NoRow();
            default -> {
                if (status == 401) {
                    token.reset(); // the next read takes a new token
                }
                yield new RowRead.Unavailable("datatable-service answered HTTP " + status);
            }
        };
    }

    private RowRead unavailable(Throwable error) {
        Throwable root = ServiceFailure.root(error);
        if (root instanceof ServiceFailure failure) {
            return new RowRead.Unavailable(failure.getMessage());
        }
        if (root instanceof CircuitBreakerOpenException) {
            return new RowRead.Unavailable("datatable-service has been failing: lookups paused for up to "
                    + config.circuitDelay().toSeconds() + " s (circuit open)");
        }
        return new RowRead.Unavailable("datatable-service could not be read: " + root);
    }
}
