package dev.rapport.script.sessions;

import dev.rapport.contract.DataTableChange;
import dev.rapport.script.clients.DataTableServiceClient;
import dev.rapport.script.clients.DataTableServiceClient.RowRead;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The inbound flow's data table lookups, read by script-service itself so a screen pop takes two Kafka hops: a
 * bounded cache of rows kept fresh by {@code datatable-changes}, and on a miss a read from datatable-service's API
 * through {@link DataTableServiceClient} (token, timeout, retry, circuit breaker).
 * A batch's lookups are read before its transaction, all at once ({@link #prefetch}); a lookup that cannot be done
 * (datatable-service down, slow, refusing, its circuit open) is a {@link Result.Failed} with the reason: the flow takes its failure
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
    private final DataTableServiceClient datatables;
    private final MeterRegistry registry;
    private final Map<Key, Cached> cache;

    RowLookups(SessionsConfig config, DataTableServiceClient datatables, MeterRegistry registry) {
        this.config = config.lookups();
        this.datatables = datatables;
        this.registry = registry;
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
                    .get(datatables.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
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
        return datatables.readRow(key.tableId(), key.rowKey()).thenApply(read -> {
            Result result = read instanceof RowRead.Row row ? new Result.Found(Map.copyOf(withoutNulls(row.columns())))
                    : read instanceof RowRead.Unavailable unavailable ? new Result.Failed(unavailable.reason())
                    : NOT_FOUND;
            if (!(result instanceof Result.Failed)) {
                // a change seen meanwhile is newer than this read: it wins
                putIfAbsent(key, result);
            }
            return result;
        }).toCompletableFuture();
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

    private static Map<String, Object> withoutNulls(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
