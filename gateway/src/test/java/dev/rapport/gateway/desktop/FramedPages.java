package dev.rapport.gateway.desktop;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Stands in for the outside pages the workshop frames (a map, a knowledge base), on its own loopback origin. */
final class FramedPages implements AutoCloseable {
    private final HttpServer server;

    FramedPages() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String title = exchange.getRequestURI().getPath().startsWith("/map") ? "Map of the caller" : "Knowledge base";
            byte[] body = ("<!doctype html><title>" + title + "</title><h1>" + title + "</h1>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
