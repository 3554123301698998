package dev.rapport.bench.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The agent stream (GET /api/v2/agent/stream, server-sent events) as the agent page reads it, signed in as a
 * supervisor so every session arrives. Each event is stamped with System.nanoTime when its last line is read and
 * handed to the listeners on the reading thread; listeners must be quick (string checks; parse JSON only for the
 * few events they wait for), or they delay the receipt of the next events.
 */
public final class SessionStream implements AutoCloseable {

    /** One event: its id ({@code interactionId:version}), its data (a whole session state), when it was read. */
    public record Event(String id, String data, long receivedNanos) {
        public String interactionId() {
            int colon = id == null ? -1 : id.lastIndexOf(':');
            return colon < 0 ? null : id.substring(0, colon);
        }
    }

    public interface Listener {
        void onEvent(Event event);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch opened = new CountDownLatch(1);
    private volatile Stream<String> lines;
    private volatile Throwable failure;
    private volatile boolean closed;
    private volatile String lastId;
    private final List<String> disconnects = new CopyOnWriteArrayList<>();
    private Thread reader;

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    public void unlisten(Listener listener) {
        listeners.remove(listener);
    }

    /** Opens the stream and returns once the server answered 200; events flow on a daemon thread. */
    public SessionStream open(HttpClient http, URI gateway, String token) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v2/agent/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        reader = new Thread(() -> read(http, request), "bench-sse");
        reader.setDaemon(true);
        reader.start();
        if (!opened.await(30, TimeUnit.SECONDS) || failure != null) {
            throw new IllegalStateException("the agent stream did not open: " + failure);
        }
        return this;
    }

    private void read(HttpClient http, HttpRequest first) {
        HttpRequest request = first;
        while (!closed) {
            try {
                HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    failure = new IllegalStateException("status " + response.statusCode());
                    opened.countDown();
                    return;
                }
                lines = response.body();
                opened.countDown();
                parse(lines, this::dispatch);
            } catch (Exception e) {
                if (opened.getCount() > 0) {
                    failure = e;
                    opened.countDown();
                    return;
                }
            }
            if (closed) {
                return;
            }
            // The server ended the stream: reconnect as the agent page's EventSource does, resuming from the last id
            // (the server then sends the current state of every session); the run notes how often this happened.
            disconnects.add(java.time.Instant.now().toString());
            System.out.println("  ! the agent stream ended; reconnecting with Last-Event-ID " + lastId);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            HttpRequest.Builder again = HttpRequest.newBuilder(first.uri()).GET();
            first.headers().map().forEach((name, values) -> values.forEach(v -> again.header(name, v)));
            if (lastId != null) {
                again.header("Last-Event-ID", lastId);
            }
            request = again.build();
        }
    }

    /** When the server ended the stream (each time, then the stream was opened again). */
    public List<String> disconnects() {
        return List.copyOf(disconnects);
    }

    private void dispatch(Event event) {
        if (event.id() != null) {
            lastId = event.id();
        }
        for (Listener l : listeners) {
            l.onEvent(event);
        }
    }

    /** SSE framing: {@code id:} and {@code data:} lines, an empty line ends an event; comments and other fields skipped. */
    static void parse(Stream<String> lines, Listener sink) {
        String[] id = {null};
        StringBuilder data = new StringBuilder();
        lines.forEach(line -> {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    sink.onEvent(new Event(id[0], data.toString(), System.nanoTime()));
                }
                id[0] = null;
                data.setLength(0);
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(field(line, 5));
            } else if (line.startsWith("id:")) {
                id[0] = field(line, 3);
            }
        });
    }

    private static String field(String line, int from) {
        return line.length() > from && line.charAt(from) == ' ' ? line.substring(from + 1) : line.substring(from);
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
        if (reader != null) {
            reader.interrupt();
        }
    }
}
