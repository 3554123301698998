package dev.rapport.action.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The one way out of action-service: JDK HttpClient, redirects followed by hand (at most 5, each destination checked
 * against the policy), the response read up to a size cap, every call bounded by the time left.
 */
public class OutboundHttp {
    private static final int MAX_REDIRECTS = 5;
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final DestinationPolicy policy;
    private final int maxResponseBytes;

    public OutboundHttp(DestinationPolicy policy, int maxResponseBytes, Duration connectTimeout) {
        this.policy = policy;
        this.maxResponseBytes = maxResponseBytes;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout).build();
    }

    public record Call(String method, URI uri, Map<String, String> headers, String body) {
    }

    public record Reply(int status, String contentType, String body) {
    }

    /**
     * @throws DestinationPolicy.DestinationRefusedException for a refused destination, first or redirected
     * @throws ResponseTooLargeException when the body is over the cap
     * @throws HttpTimeoutException      when {@code deadlineNanos} passes
     * @throws IOException               for connection failures
     */
    public Reply send(Call call, long deadlineNanos) throws IOException, InterruptedException {
        URI uri = call.uri();
        String method = call.method();
        String body = call.body();
        for (int hop = 0; ; hop++) {
            policy.check(uri);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(remaining(deadlineNanos));
            call.headers().forEach((name, value) -> {
                if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    request.header(name, value);
                }
            });
            boolean hasBody = body != null && !body.isEmpty() && !method.equals("GET") && !method.equals("DELETE");
            request.method(method, hasBody ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
                    : HttpRequest.BodyPublishers.noBody());
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            String location = response.headers().firstValue("location").orElse(null);
            if (status >= 300 && status < 400 && location != null && status != 304) {
                response.body().close();
                if (hop >= MAX_REDIRECTS) {
                    throw new IOException("more than " + MAX_REDIRECTS + " redirects");
                }
                uri = uri.resolve(location);
                if (status == 303 || ((status == 301 || status == 302) && method.equals("POST"))) {
                    method = "GET";
                    body = null;
                }
                continue;
            }
            String text = read(response.body());
            return new Reply(status, response.headers().firstValue("content-type").orElse(""), text);
        }
    }

    private String read(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(maxResponseBytes + 1);
            if (bytes.length > maxResponseBytes) {
                throw new ResponseTooLargeException("response is larger than " + maxResponseBytes + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Duration remaining(long deadlineNanos) throws HttpTimeoutException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new HttpTimeoutException("the action's timeout passed");
        }
        return Duration.ofNanos(left);
    }

    /** A response over the size cap. */
    public static class ResponseTooLargeException extends IOException {
        public ResponseTooLargeException(String message) {
            super(message);
        }
    }
}
