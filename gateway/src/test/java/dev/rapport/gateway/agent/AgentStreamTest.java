package dev.rapport.gateway.agent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.contract.Roles;
import dev.rapport.gateway.sessions.SessionBoard;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TestEventStream;
import dev.rapport.gateway.Tokens;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
class AgentStreamTest {
    private static final Tokens TOKENS = Tokens.get();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/api/v2/agent/stream")
    URI stream;

    @Inject
    SessionBoard board;

    @Test
    void aReconnectionGetsWhatItMissedIncludingEndedSessionsButNotWhatItHolds() throws Exception {
        String held = UUID.randomUUID().toString();
        String missed = UUID.randomUUID().toString();
        String endedWhileAway = UUID.randomUUID().toString();
        new TopicProbe(bootstrap).sendAll(List.of(
                Sessions.record(Sessions.state(held, 1, "connected", "alex")),
                Sessions.record(Sessions.state(held, 2, "connected", "alex")),
                Sessions.record(Sessions.state(missed, 1, "connected", "alex")),
                Sessions.record(Sessions.state(endedWhileAway, 4, "ended", "alex"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> board.get(held).map(s -> s.version() == 2).orElse(false)
                && board.get(missed).isPresent() && board.get(endedWhileAway).isPresent());

        try (TestEventStream resumed = new TestEventStream(stream, Map.of(
                "Authorization", TOKENS.bearer("alex", Roles.AGENT), "Last-Event-ID", held + ":2"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> resumed.ids.containsAll(
                    List.of(missed + ":1", endedWhileAway + ":4")));
            assertThat(resumed.ids).noneMatch(id -> id.startsWith(held));
            assertThat(resumed.data).allMatch(d -> d.startsWith("{\"interactionId\""));
            assertThat(resumed.unknownFields).as("lines that are not SSE fields").isEmpty();

            new TopicProbe(bootstrap).send(Sessions.record(Sessions.state(held, 3, "ended", "alex")));
            await().atMost(Duration.ofSeconds(20)).until(() -> resumed.ids.contains(held + ":3"));
        }

        try (TestEventStream behind = new TestEventStream(stream, Map.of(
                "Authorization", TOKENS.bearer("alex", Roles.AGENT), "Last-Event-ID", held + ":1"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> behind.ids.contains(held + ":3"));
        }

        try (TestEventStream fresh = new TestEventStream(stream, Map.of("Authorization", TOKENS.bearer("alex", Roles.AGENT)))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> fresh.ids.contains(missed + ":1"));
            assertThat(fresh.ids).noneMatch(id -> id.startsWith(endedWhileAway) || id.startsWith(held));
        }
    }

    @Test
    void theStreamAloneAcceptsTheTokenAsAQueryParameter() throws Exception {
        String interactionId = UUID.randomUUID().toString();
        String token = TOKENS.bearer("alex", Roles.AGENT).substring("Bearer ".length());
        String query = "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        try (TestEventStream byQuery = new TestEventStream(URI.create(stream + query), Map.of())) {
            assertThat(byQuery.status).isEqualTo(200);
            new TopicProbe(bootstrap).send(Sessions.record(Sessions.state(interactionId, 1, "connected", "alex")));
            await().atMost(Duration.ofSeconds(20)).until(() -> byQuery.ids.contains(interactionId + ":1"));
        }
        try (TestEventStream forged = new TestEventStream(URI.create(stream + "?access_token=not-a-token"), Map.of())) {
            assertThat(forged.status).isEqualTo(401);
        }
        given().get("/api/v2/agent/interactions" + query).then().statusCode(401);
        given().get("/api/v2/agent/interactions/{id}/session" + query, interactionId).then().statusCode(401);
    }

    @Test
    void theStreamEndsWhenItsTokenExpiresWithALastEventAskingToSignInAgain() throws Exception {
        long now = java.time.Instant.now().getEpochSecond();
        String token = TOKENS.issue("alex", Map.of("iat", now, "exp", now + 4), Roles.AGENT);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> response = client.send(
                java.net.http.HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream").build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        java.util.concurrent.CompletableFuture<List<String>> lines = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> response.body().toList());
        // Without the fix the stream stays open (heartbeats) long after the token died.
        List<String> received = lines.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(received).anyMatch(l -> l.startsWith("event:") && l.contains("reauthenticate"));
        assertThat(received).anyMatch(l -> l.contains("token.expired"));
    }
}
