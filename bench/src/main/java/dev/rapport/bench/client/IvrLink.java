package dev.rapport.bench.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated IVR's link to the gateway's ingest ({@code POST /api/v2/interactions/events}). With a batch of 1 each
 * event is its own request; above 1 the link gathers the events sent within {@link #WINDOW_MS} ms (at most
 * {@code batch}) into one request with a JSON array, as an IVR platform's connector does. Each event's future
 * completes when the request that carried it was answered (202), or fails with it.
 */
public final class IvrLink implements AutoCloseable {
    /** How long the first event of a batch waits for others. */
    public static final long WINDOW_MS = 5;

    private final RapportApi api;
    private final URI events;
    private final String token;
    private final int batch;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-ivr-batch");
        t.setDaemon(true);
        return t;
    });
    private List<Pending> pending = new ArrayList<>();

    private record Pending(Map<String, Object> event, CompletableFuture<Void> answered) {
    }

    public IvrLink(RapportApi api, String token, int batch) {
        this.api = api;
        this.events = api.gateway().resolve("/api/v2/interactions/events");
        this.token = token;
        this.batch = batch;
    }

    public int batch() {
        return batch;
    }

    public CompletableFuture<Void> send(Map<String, Object> event) {
        if (batch <= 1) {
            return api.send(api.request("POST", events, token, event)).thenApply(r -> null);
        }
        Pending p = new Pending(event, new CompletableFuture<>());
        List<Pending> full = null;
        synchronized (this) {
            pending.add(p);
            if (pending.size() >= batch) {
                full = take();
            } else if (pending.size() == 1) {
                timer.schedule(this::flush, WINDOW_MS, TimeUnit.MILLISECONDS);
            }
        }
        if (full != null) {
            post(full);
        }
        return p.answered();
    }

    private void flush() {
        List<Pending> due;
        synchronized (this) {
            due = take();
        }
        post(due);
    }

    /** Called holding the lock: the gathered events, leaving an empty list. */
    private List<Pending> take() {
        List<Pending> taken = pending;
        pending = new ArrayList<>();
        return taken;
    }

    private void post(List<Pending> due) {
        if (due.isEmpty()) {
            return;
        }
        List<Map<String, Object>> body = due.stream().map(Pending::event).toList();
        api.send(api.request("POST", events, token, body)).whenComplete((ok, error) -> {
            for (Pending p : due) {
                if (error == null) {
                    p.answered().complete(null);
                } else {
                    p.answered().completeExceptionally(error);
                }
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
