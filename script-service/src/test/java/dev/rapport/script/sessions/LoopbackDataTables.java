package dev.rapport.script.sessions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.contract.EventJson;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays datatable-service's row API (and the token endpoint) on loopback for script-service's tests: rows put here
 * are served by {@code GET /api/v2/flows/datatables/{table}/rows/{key}}, others answer 404; {@link #failing} makes
 * every read answer 503. The real datatable-service is exercised in e2e-tests.
 */
public class LoopbackDataTables implements QuarkusTestResourceLifecycleManager {
    static final Map<String, Map<String, Object>> ROWS = new ConcurrentHashMap<>();
    static final AtomicInteger READS = new AtomicInteger();
    static volatile boolean failing;
    /** Keys whose next N reads answer 503 (a moment of unavailability), the later ones as usual. */
    static final Map<String, AtomicInteger> UNAVAILABLE_READS = new ConcurrentHashMap<>();
    private HttpServer server;

    static void put(String tableId, String key, Map<String, Object> row) {
        ROWS.put(tableId + "/" + key, row);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/oauth/token", exchange -> answer(exchange, 200,
                "{\"access_token\":\"test-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        server.createContext("/api/v2/flows/datatables/", this::row);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        // a circuit that opens after a few failed reads and stays open for the test that opens it (which resets it)
        return Map.of("rapport.sessions.lookups.datatable-url", base,
                "rapport.sessions.lookups.token-url", base + "/oauth/token",
                "rapport.sessions.lookups.circuit-request-volume", "4",
                "rapport.sessions.lookups.circuit-delay", "60s");
    }

    private void row(HttpExchange exchange) throws IOException {
        READS.incrementAndGet();
        if (failing) {
            answer(exchange, 503, "{\"message\":\"unavailable\",\"status\":503}");
            return;
        }
        if (!"Bearer test-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"message\":\"no token\",\"status\":401}");
            return;
        }
        // /api/v2/flows/datatables/{table}/rows/{key}
        String[] parts = exchange.getRequestURI().getRawPath().split("/");
        String table = URLDecoder.decode(parts[5], StandardCharsets.UTF_8);
        String key = URLDecoder.decode(parts[7], StandardCharsets.UTF_8);
        AtomicInteger unavailable = UNAVAILABLE_READS.get(key);
        if (unavailable != null && unavailable.getAndDecrement() > 0) {
            answer(exchange, 503, "{\"message\":\"unavailable\",\"status\":503}");
            return;
        }
        Map<String, Object> row = ROWS.get(table + "/" + key);
        if (row == null) {
            answer(exchange, 404, "{\"message\":\"no row\",\"code\":\"not.found\",\"status\":404}");
        } else {
            answer(exchange, 200, EventJson.write(row));
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
