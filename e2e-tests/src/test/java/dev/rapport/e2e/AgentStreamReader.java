package dev.rapport.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An agent's event stream read as the desktop's EventSource reads it: the highest version per interaction is kept,
 * and when the stream ends or breaks it reconnects with {@code Last-Event-ID}, to whichever gateway the load
 * balancer picks.
 */
final class AgentStreamReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI stream;
    private final Supplier<String> token;
    private final Map<String, JsonNode> latest = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread reader;
    private volatile boolean closed;
    private volatile InputStream body;
    private volatile String lastEventId;

    AgentStreamReader(URI gateway, Supplier<String> token) {
        this.stream = gateway.resolve("/api/v2/agent/stream");
        this.token = token;
        this.reader = new Thread(this::readForever, "agent-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The highest version this stream delivered of each interaction. */
    Map<String, JsonNode> latest() {
        return latest;
    }

    long version(String interactionId) {
        JsonNode s = latest.get(interactionId);
        return s == null ? 0 : s.path("version").asLong();
    }

    int connections() {
        return connections.get();
    }

    private void readForever() {
        HttpClient http = HttpClient.newHttpClient();
        while (!closed) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(stream)
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + token.get());
                if (lastEventId != null) {
                    request.header("Last-Event-ID", lastEventId);
                }
                HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                if (response.statusCode() == 200) {
                    connections.incrementAndGet();
                    read(response.body());
                } else {
                    response.body().close();
                }
            } catch (Exception e) {
                // the gateway went away: reconnect, as EventSource does
            }
            sleep(300);
        }
    }

    private void read(InputStream in) throws Exception {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null && !closed; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if ("session".equals(event) && data.length() > 0) {
                        apply(JSON.readTree(data.toString()));
                        lastEventId = id;
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
        }
    }

    private void apply(JsonNode state) {
        latest.merge(state.path("interactionId").asText(), state,
                (held, offered) -> offered.path("version").asLong() > held.path("version").asLong() ? offered : held);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        closed = true;
        InputStream in = body;
        if (in != null) {
            in.close();
        }
        reader.join(Duration.ofSeconds(5).toMillis());
    }
}
