package dev.rapport.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a server-sent event stream in the background and keeps its data lines, as a browser's EventSource would. */
final class SseClient implements AutoCloseable {
    final List<String> data = new CopyOnWriteArrayList<>();
    final List<String> ids = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile Stream<String> lines;

    SseClient(URI uri, String authorization) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = client.send(
                HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                        .header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + response.statusCode());
        }
        lines = response.body();
        reader = new Thread(() -> {
            try {
                lines.forEach(line -> {
                    if (line.startsWith("data:")) {
                        data.add(line.substring(5).trim());
                    } else if (line.startsWith("id:")) {
                        ids.add(line.substring(3).trim());
                    }
                });
            } catch (RuntimeException closed) {
                // stream closed by close()
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
