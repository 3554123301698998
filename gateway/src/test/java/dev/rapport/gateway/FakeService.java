package dev.rapport.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in for a service behind the gateway: a real HTTP server on loopback that records what it received. */
public class FakeService implements QuarkusTestResourceLifecycleManager {
    public record Received(String method, String uri, String authorization, String correlationId, String body,
                           String forwardedHost) {
    }

    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** The wrap-up codes the stand-in lists, in Genesys's listing shape. */
    public static final String RESOLVED_CODE = "5f0c1b2e-0000-4000-8000-000000000001";
    static final String WRAPUP_CODES = """
            {"entities":[{"id":"%s","name":"Resolved"},
             {"id":"5f0c1b2e-0000-4000-8000-000000000002","name":"Escalated <to> billing"}],
             "pageSize":500,"pageNumber":1,"total":2,"pageCount":1}""".formatted(RESOLVED_CODE);
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // script-service's wrap-up codes, as the desktop's wrap-up form lists them
        server.createContext("/api/v2/routing/wrapupcodes", exchange -> {
            RECEIVED.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Correlation-Id"), "",
                    exchange.getRequestHeaders().getFirst("X-Forwarded-Host")));
            byte[] answer = WRAPUP_CODES.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Correlation-Id"), body,
                    exchange.getRequestHeaders().getFirst("X-Forwarded-Host")));
            // A path with a segment "missing" is what the service does not have: Genesys's 404.
            boolean missing = exchange.getRequestURI().getPath().contains("/missing");
            byte[] answer = (missing ? "{\"message\":\"Nothing here\",\"code\":\"not.found\",\"status\":404}"
                    : "{\"served\":\"" + exchange.getRequestURI().getPath() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(missing ? 404 : exchange.getRequestMethod().equals("POST") ? 201 : 200,
                    answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        // The action-service route points at a closed port: what the gateway answers when a service is down.
        return Map.of("rapport.routes.datatable", url, "rapport.routes.script", url,
                "rapport.routes.action", "http://127.0.0.1:1");
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
