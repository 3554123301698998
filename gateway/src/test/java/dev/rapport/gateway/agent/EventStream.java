package dev.rapport.gateway.agent;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a server-sent event stream in the background, with any request headers (e.g. Last-Event-ID). */
final class EventStream implements AutoCloseable {
    final List<String> ids = new CopyOnWriteArrayList<>();
    final List<String> data = new CopyOnWriteArrayList<>();
    final int status;
    private final Stream<String> lines;

    EventStream(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofLines());
        status = response.statusCode();
        lines = response.body();
        if (status != 200) {
            lines.close();
            return;
        }
        Thread reader = new Thread(() -> {
            try {
                lines.forEach(line -> {
                    if (line.startsWith("id:")) {
                        ids.add(line.substring(3).trim());
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).trim());
                    }
                });
            } catch (RuntimeException closed) {
                // closed by close()
            }
        }, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() {
        lines.close();
    }
}
