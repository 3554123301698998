package dev.rapport.action.engine;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one way out of action-service. Each hop: the policy resolves and checks the destination once, and the Vert.x
 * client connects to exactly that address (the host name kept for the Host header, TLS SNI and certificate check).
 * Redirects are followed here (at most 5), each hop checked again; when a redirect changes the origin, credentials
 * (Authorization, cookies, the template's own headers) are not sent on. Bodies are read up to a cap, and every
 * exchange is bounded by the time left. Blocking: call it from a worker thread, never an event loop.
 */
public class OutboundHttp {
    public static final int MAX_REDIRECTS = 5;
    /** Headers the client sets itself. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");
    /** What survives a redirect to another origin: nothing that can carry a credential. */
    private static final Set<String> CROSS_ORIGIN_SAFE = Set.of("accept", "accept-language", "content-type",
            "content-language", "user-agent");

    private final HttpClient client;
    private final DestinationPolicy policy;
    private final int maxResponseBytes;

    public OutboundHttp(Vertx vertx, DestinationPolicy policy, int maxResponseBytes, Duration connectTimeout) {
        this.policy = policy;
        this.maxResponseBytes = maxResponseBytes;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setVerifyHost(true)
                .setMaxPoolSize(64)
                .setKeepAlive(true)
                .setMaxWaitQueueSize(1024));
    }

    /** For tests and tools: a client on its own Vert.x instance. */
    public OutboundHttp(DestinationPolicy policy, int maxResponseBytes, Duration connectTimeout) {
        this(Vertx.vertx(), policy, maxResponseBytes, connectTimeout);
    }

    /** One call; {@code internal}: Rapport's own API at the configured base URL (resolved, not policy-checked). */
    public record Call(String method, URI uri, Map<String, String> headers, String body, boolean internal) {
        public Call(String method, URI uri, Map<String, String> headers, String body) {
            this(method, uri, headers, body, false);
        }
    }

    public record Reply(int status, String contentType, String body) {
    }

    private record Exchange(int status, String contentType, String location, String body) {
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
        boolean internal = call.internal();
        Map<String, String> headers = new LinkedHashMap<>(call.headers());
        for (int hop = 0; ; hop++) {
            DestinationPolicy.Target target = internal ? policy.trusted(uri) : policy.check(uri);
            boolean hasBody = body != null && !body.isEmpty() && !method.equals("GET") && !method.equals("DELETE");
            Exchange exchange = exchange(target, method, headers, hasBody ? body : null, deadlineNanos);
            int status = exchange.status();
            if (status >= 300 && status < 400 && status != 304 && exchange.location() != null) {
                if (hop >= MAX_REDIRECTS) {
                    throw new IOException("more than " + MAX_REDIRECTS + " redirects");
                }
                URI next;
                try {
                    next = uri.resolve(exchange.location().trim());
                } catch (IllegalArgumentException e) {
                    throw new IOException("redirect to an invalid location");
                }
                if (!sameOrigin(target, next)) {
                    headers.keySet().removeIf(name -> !CROSS_ORIGIN_SAFE.contains(name.toLowerCase(Locale.ROOT)));
                    internal = false;
                }
                if (status == 303 || ((status == 301 || status == 302) && method.equals("POST"))) {
                    method = "GET";
                    body = null;
                    headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
                }
                uri = next;
                continue;
            }
            return new Reply(status, exchange.contentType(), exchange.body());
        }
    }

    static boolean sameOrigin(DestinationPolicy.Target from, URI to) {
        String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
        String host = to.getHost() == null ? "" : to.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = to.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : to.getPort();
        return scheme.equals(from.https() ? "https" : "http") && host.equals(from.host()) && port == from.port();
    }

    private Exchange exchange(DestinationPolicy.Target target, String method, Map<String, String> headers, String body,
                              long deadlineNanos) throws IOException, InterruptedException {
        long left = remaining(deadlineNanos);
        URI uri = target.uri();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(method))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(path)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setIdleTimeout(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                options.addHeader(name, value);
            }
        });
        CompletableFuture<Exchange> result = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        client.request(options).onFailure(result::completeExceptionally).onSuccess(request -> {
            sent.set(request);
            request.exceptionHandler(result::completeExceptionally);
            request.response().onFailure(result::completeExceptionally).onSuccess(response -> {
                String contentType = Objects.requireNonNullElse(response.getHeader("content-type"), "");
                String location = response.getHeader("location");
                int status = response.statusCode();
                if (status >= 300 && status < 400 && location != null) {
                    result.complete(new Exchange(status, contentType, location, ""));
                    request.reset();
                    return;
                }
                Buffer collected = Buffer.buffer();
                response.handler(chunk -> {
                    if (collected.length() + chunk.length() > maxResponseBytes) {
                        result.completeExceptionally(new ResponseTooLargeException(
                                "response is larger than " + maxResponseBytes + " bytes"));
                        request.reset();
                    } else {
                        collected.appendBuffer(chunk);
                    }
                });
                response.exceptionHandler(result::completeExceptionally);
                response.endHandler(v -> result.complete(new Exchange(status, contentType, null, collected.toString())));
            });
            if (body == null) {
                request.end();
            } else {
                request.end(Buffer.buffer(body));
            }
        });
        try {
            return result.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            throw new HttpTimeoutException("the action's timeout passed");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ResponseTooLargeException tooLarge) {
                throw tooLarge;
            }
            if (deadlineNanos - System.nanoTime() <= 0) {
                throw new HttpTimeoutException("the action's timeout passed");
            }
            throw new IOException(String.valueOf(cause), cause);
        }
    }

    private static long remaining(long deadlineNanos) throws HttpTimeoutException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new HttpTimeoutException("the action's timeout passed");
        }
        return left;
    }

    /** A response over the size cap. */
    public static class ResponseTooLargeException extends IOException {
        public ResponseTooLargeException(String message) {
            super(message);
        }
    }
}
