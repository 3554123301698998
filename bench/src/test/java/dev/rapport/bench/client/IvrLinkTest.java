package dev.rapport.bench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated IVR's link against a loopback stand-in of the gateway's ingest. */
class IvrLinkTest {
    private HttpServer ingest;
    private final List<JsonNode> posts = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(202);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private RapportApi api;

    @BeforeEach
    void start() throws Exception {
        ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingest.createContext("/api/v2/interactions/events", exchange -> {
            posts.add(RapportApi.JSON.readTree(exchange.getRequestBody().readAllBytes()));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ingest.start();
        api = new RapportApi(URI.create("http://127.0.0.1:" + ingest.getAddress().getPort()), pool);
    }

    @AfterEach
    void stop() {
        ingest.stop(0);
        pool.shutdownNow();
    }

    @Test
    void eventsSentTogetherGoInOneArrayInTheirOrderAndABatchNeverExceedsItsSize() throws Exception {
        try (IvrLink link = new IvrLink(api, "token", 4)) {
            List<CompletableFuture<Void>> sent = IntStream.range(0, 6)
                    .mapToObj(i -> link.send(Map.of("id", "e" + i))).toList();
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        }
        assertThat(posts).allSatisfy(p -> assertThat(p.isArray()).isTrue());
        assertThat(posts).extracting(JsonNode::size).containsExactlyInAnyOrder(4, 2);
        assertThat(posts.stream().flatMap(p -> p.findValuesAsText("id").stream()).sorted().toList())
                .containsExactly("e0", "e1", "e2", "e3", "e4", "e5");
        JsonNode full = posts.stream().filter(p -> p.size() == 4).findFirst().orElseThrow();
        assertThat(full.findValuesAsText("id")).containsExactly("e0", "e1", "e2", "e3");
    }

    @Test
    void aBatchOfOneIsOnePostPerEventAndARefusalFailsEveryEventItCarried() throws Exception {
        try (IvrLink single = new IvrLink(api, "token", 1)) {
            single.send(Map.of("id", "a")).get(10, TimeUnit.SECONDS);
            single.send(Map.of("id", "b")).get(10, TimeUnit.SECONDS);
        }
        assertThat(posts).extracting(p -> p.path("id").asText()).containsExactly("a", "b");

        status.set(400);
        try (IvrLink link = new IvrLink(api, "token", 10)) {
            CompletableFuture<Void> one = link.send(Map.of("id", "c"));
            CompletableFuture<Void> two = link.send(Map.of("id", "d"));
            assertThatThrownBy(() -> one.get(10, TimeUnit.SECONDS)).hasMessageContaining("answered 400");
            assertThatThrownBy(() -> two.get(10, TimeUnit.SECONDS)).hasMessageContaining("answered 400");
        }
    }
}
