package dev.rapport.gateway.tracing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server in the place of an OTLP receiver that counts what reaches it; the service's exporter is
 * pointed at it (OTLP/HTTP, a 10 ms batch delay), so anything exported would arrive at once.
 */
public class OtlpCounter implements QuarkusTestResourceLifecycleManager {
    static final AtomicInteger REQUESTS = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return Map.of("quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(),
                "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "10ms");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
