package dev.rapport.bench.stages;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The endpoint of stage 4: GET /echo/{key} answers {"value": key}; the bench calls it raw and through a data action. */
final class EchoServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bench-echo");
        t.setDaemon(true);
        return t;
    });

    EchoServer(int port) throws IOException {
        // Without TCP_NODELAY the JDK server's separate writes of headers and body meet the client's delayed ACK:
        // about 40 ms per keep-alive exchange, which would measure the server, not the call. Read once, at first use.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        server.createContext("/echo/", exchange -> {
            String key = exchange.getRequestURI().getPath().substring("/echo/".length());
            byte[] body = ("{\"value\":\"" + key.replaceAll("[^A-Za-z0-9_-]", "") + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
