package dev.rapport.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a server-sent event stream in the background, as a browser's EventSource would, with any request
 * headers (Authorization, Last-Event-ID); keeps the ids and data lines it received. */
public final class TestEventStream implements AutoCloseable {
    public final List<String> ids = new CopyOnWriteArrayList<>();
    public final List<String> data = new CopyOnWriteArrayList<>();
    /** Field lines other than id, data, event and retry (an EventSource ignores them; a stream should not send any). */
    public final List<String> unknownFields = new CopyOnWriteArrayList<>();
    public final int status;
    private final Stream<String> lines;

    public TestEventStream(URI uri, Map<String, String> headers) throws Exception {
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
                    } else if (!line.isEmpty() && !line.startsWith(":") && !line.startsWith("event:")
                            && !line.startsWith("retry:")) {
                        unknownFields.add(line);
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
