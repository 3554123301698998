package dev.rapport.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a server-sent event stream in the background, as a browser's EventSource would. */
final class SseClient implements AutoCloseable {
    final List<String> data = new CopyOnWriteArrayList<>();
    private final Stream<String> lines;

    SseClient(URI uri, String authorization) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                        .header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + response.statusCode());
        }
        lines = response.body();
        Thread reader = new Thread(() -> {
            try {
                lines.filter(l -> l.startsWith("data:")).forEach(l -> data.add(l.substring(5).trim()));
            } catch (RuntimeException closed) {
                // closed by close()
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() {
        lines.close();
    }
}
