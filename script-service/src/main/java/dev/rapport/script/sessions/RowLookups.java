package dev.rapport.script.sessions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contract.DataTableChange;
import dev.rapport.platform.auth.ClientCredentialsToken;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The inbound flow's data table lookups, read by script-service itself so a screen pop takes two Kafka hops: a
 * bounded cache of rows kept fresh by {@code datatable-changes}, and on a miss a read from datatable-service's API.
 * A batch's lookups are read before its transaction, all at once ({@link #prefetch}); a lookup that cannot be done
 * (datatable-service down, slow, refusing) is a {@link Result.Failed} with the reason: the flow takes its failure
 * path, the timeline says why, and {@code rapport.flow.lookups} counts it by outcome.
 */
@ApplicationScoped
public class RowLookups {
    /** How a lookup came out. */
    public sealed interface Result {
        record Found(Map<String, Object> row) implements Result {
        }

        record NotFound() implements Result {
        }

        record Failed(String reason) implements Result {
        }
    }

    public record Key(String tableId, String rowKey) {
    }

    private record Cached(Result result, long expiresAtNanos) {
    }

    private static final Result NOT_FOUND = new Result.NotFound();
    private static final int MAX_KEY_LENGTH = 256;

    private final SessionsConfig.Lookups config;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final ClientCredentialsToken token;
    private final HttpClient http;
    private final Semaphore inFlight;
    private final Map<Key, Cached> cache;

    RowLookups(SessionsConfig config, ObjectMapper json, MeterRegistry registry) {
        this.config = config.lookups();
        this.json = json;
        this.registry = registry;
        this.token = new ClientCredentialsToken(URI.create(this.config.tokenUrl()), this.config.clientId(),
                this.config.clientSecret().orElse(""));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(this.config.timeout()).build();
        this.inFlight = new Semaphore(this.config.concurrency());
        int max = this.config.cacheSize();
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
                return size() > max;
            }
        };
    }

    /** The row, from the cache or read now. */
    public Result lookup(String tableId, String rowKey) {
        if (!valid(tableId, rowKey)) {
            return count(NOT_FOUND);
        }
        Key key = new Key(tableId, rowKey);
        Result cached = cached(key);
        if (cached != null) {
            registry.counter("rapport.flow.lookups", "source", "cache", "outcome", outcome(cached)).increment();
            return cached;
        }
        return count(fetch(key).join());
    }

    /** Reads every key not cached yet, at once, so the batch's transaction finds them in the cache. */
    public void prefetch(Collection<Key> keys) {
        Set<Key> missing = new LinkedHashSet<>();
        for (Key key : keys) {
            if (valid(key.tableId(), key.rowKey()) && cached(key) == null) {
                missing.add(key);
            }
        }
        List<CompletableFuture<Result>> reads = new ArrayList<>();
        missing.forEach(key -> reads.add(fetch(key)));
        try {
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                    .get(config.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            Log.debugf("Prefetch of %d rows incomplete: %s", missing.size(), e.getMessage());
        }
    }

    /** A row changed: the cache holds its new content (or that it is gone). */
    public void onChange(DataTableChange change) {
        if (change.change() == DataTableChange.Kind.TABLE_CHANGED || change.rowKey() == null) {
            forgetTable(change.tableId());
            return;
        }
        Key key = new Key(change.tableId(), change.rowKey());
        Result result = change.change() == DataTableChange.Kind.ROW_DELETED || change.row() == null
                ? NOT_FOUND : new Result.Found(Map.copyOf(withoutNulls(change.row())));
        put(key, result);
    }

    private CompletableFuture<Result> fetch(Key key) {
        if (!inFlight.tryAcquire()) {
            return CompletableFuture.completedFuture(new Result.Failed("more than " + config.concurrency()
                    + " lookups in flight at datatable-service"));
        }
        String url = config.datatableUrl() + "/api/v2/flows/datatables/" + segment(key.tableId()) + "/rows/"
                + segment(key.rowKey()) + "?showbrief=false";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                .header("Authorization", "Bearer " + token.get()).header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    inFlight.release();
                    Result result = error != null ? new Result.Failed("datatable-service did not answer: "
                            + rootMessage(error)) : read(response);
                    if (!(result instanceof Result.Failed)) {
                        // a change seen meanwhile is newer than this read: it wins
                        putIfAbsent(key, result);
                    } else if (response != null && response.statusCode() == 401) {
                        token.reset();
                    }
                    return result;
                });
    }

    private Result read(HttpResponse<String> response) {
        return switch (response.statusCode()) {
            case 200 -> {
                try {
                    Map<String, Object> row = json.readValue(response.body(), new TypeReference<>() { });
                    yield new Result.Found(Map.copyOf(withoutNulls(row)));
                } catch (IOException e) {
                    yield new Result.Failed("datatable-service sent a row that is not JSON");
                }
            }
            case 404 -> NOT_FOUND;
            default -> new Result.Failed("datatable-service answered HTTP " + response.statusCode());
        };
    }

    private Result cached(Key key) {
        synchronized (cache) {
            Cached c = cache.get(key);
            if (c == null) {
                return null;
            }
            if (System.nanoTime() - c.expiresAtNanos() > 0) {
                cache.remove(key);
                return null;
            }
            return c.result();
        }
    }

    private void put(Key key, Result result) {
        Duration ttl = result instanceof Result.Found ? config.foundTtl() : config.notFoundTtl();
        synchronized (cache) {
            cache.put(key, new Cached(result, System.nanoTime() + ttl.toNanos()));
        }
    }

    private void putIfAbsent(Key key, Result result) {
        Duration ttl = result instanceof Result.Found ? config.foundTtl() : config.notFoundTtl();
        synchronized (cache) {
            Cached held = cache.get(key);
            if (held == null || System.nanoTime() - held.expiresAtNanos() > 0) {
                cache.put(key, new Cached(result, System.nanoTime() + ttl.toNanos()));
            }
        }
    }

    private void forgetTable(String tableId) {
        synchronized (cache) {
            cache.keySet().removeIf(k -> k.tableId().equals(tableId));
        }
    }

    private Result count(Result result) {
        registry.counter("rapport.flow.lookups", "source", "datatable-service", "outcome", outcome(result)).increment();
        return result;
    }

    private static String outcome(Result r) {
        return r instanceof Result.Found ? "found" : r instanceof Result.NotFound ? "not-found" : "failed";
    }

    /** Keys that cannot name a row (empty, too long, or a path of their own) are not looked up: no such row. */
    static boolean valid(String tableId, String rowKey) {
        return tableId != null && !tableId.isBlank() && rowKey != null && !rowKey.isBlank()
                && rowKey.length() <= MAX_KEY_LENGTH && !rowKey.equals(".") && !rowKey.equals("..")
                && rowKey.indexOf('/') < 0 && rowKey.indexOf('\\') < 0 && tableId.indexOf('/') < 0;
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
