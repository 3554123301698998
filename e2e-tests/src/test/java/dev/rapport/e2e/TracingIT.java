package dev.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.contract.Roles;
import dev.rapport.e2e.OtlpReceiver.ReceivedSpan;
import dev.rapport.testkit.TestEventStream;
import dev.rapport.testkit.TestTokens;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tracing the screen pop's hops, with the services as processes exporting to a loopback OTLP receiver
 * ({@link OtlpReceiver}): one IVR post is one trace, from the gateway's HTTP ingest through 'interactions', the
 * script-service batch, the outbox relay's 'sessions' record, to the gateway's consumer that feeds the agent's stream.
 * The gateway and script-service run with only RAPPORT_OTEL_ENDPOINT set, as docs/running.md says.
 */
class TracingIT {
    private static Infra infra;
    private static OtlpReceiver otlp;
    private static ServiceProcess scriptService;
    private static ServiceProcess gateway;

    @BeforeAll
    static void start() throws Exception {
        infra = new Infra();
        otlp = OtlpReceiver.start();
        Map<String, String> tracing = Map.of(
                "RAPPORT_OTEL_ENDPOINT", otlp.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                // spans leave at once rather than every 5 s
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
        Map<String, String> scriptEnv = new HashMap<>(infra.env(infra.postgres.newDatabase("e2e_tracing_script")));
        scriptEnv.putAll(tracing);
        scriptService = new ServiceProcess("script-service", scriptEnv, List.of());
        Map<String, String> gatewayEnv = new HashMap<>(infra.env(null));
        Path key = RapportSystem.ROOT.resolve("e2e-tests/target/e2e-keys/tracing-" + UUID.randomUUID() + ".pem");
        Files.createDirectories(key.getParent());
        gatewayEnv.put("RAPPORT_IDENTITY_SIGNING_KEY", key.toString());
        gatewayEnv.putAll(tracing);
        gateway = new ServiceProcess("gateway", gatewayEnv, List.of());
        ServiceProcess.startAll(List.of(scriptService, gateway)); // at once: their start-ups overlap
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (ServiceProcess p : new ServiceProcess[] {gateway, scriptService}) {
            if (p != null) {
                p.discard(); // SIGKILL: the test is over, nothing looks at their shutdown
            }
        }
        if (otlp != null) {
            otlp.close();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void oneIvrPostIsOneTraceFromTheIngestToTheAgentsStream() throws Exception {
        String interactionId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        TestTokens tokens = TestTokens.get();
        try (TestEventStream agent = new TestEventStream(gateway.uri("/api/v2/agent/stream"),
                Map.of("Authorization", tokens.bearer("e2e-supervisor", Roles.SUPERVISOR)))) {
            HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            gateway.uri("/api/v2/interactions/events"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", tokens.bearer("ivr", Roles.IVR))
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"id":"%s","type":"started","interactionId":"%s","ani":"7204276664","dnis":"8005551234"}
                            """.formatted(eventId, interactionId)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> agent.data.stream().anyMatch(d -> d.contains(interactionId)));
        }

        // script-service's span of the record names the event: its trace is the one the post began
        ReceivedSpan consumed = awaitSpan("script-service consumes the event from 'interactions'", s ->
                "script-service".equals(s.service()) && s.kind() == SpanKind.SPAN_KIND_CONSUMER
                        && "interactions".equals(s.attribute("messaging.destination.name"))
                        && eventId.equals(s.attribute("messaging.message.id")));
        String trace = consumed.traceId();
        ReceivedSpan ingest = awaitSpan("the gateway's HTTP ingest", s -> "gateway".equals(s.service())
                && s.kind() == SpanKind.SPAN_KIND_SERVER && trace.equals(s.traceId())
                && s.name().contains("/api/v2/interactions/events"));
        ReceivedSpan produced = awaitSpan("the gateway produces to 'interactions'", s ->
                "gateway".equals(s.service()) && s.kind() == SpanKind.SPAN_KIND_PRODUCER
                        && trace.equals(s.traceId()) && "interactions".equals(s.attribute("messaging.destination.name")));
        ReceivedSpan published = awaitSpan("script-service's relay publishes to 'sessions'", s ->
                "script-service".equals(s.service()) && s.kind() == SpanKind.SPAN_KIND_PRODUCER
                        && trace.equals(s.traceId()) && "sessions".equals(s.attribute("messaging.destination.name")));
        ReceivedSpan delivered = awaitSpan("the gateway consumes the session from 'sessions'", s ->
                "gateway".equals(s.service()) && s.kind() == SpanKind.SPAN_KIND_CONSUMER
                        && trace.equals(s.traceId()) && "sessions".equals(s.attribute("messaging.destination.name")));

        // and each hop is the child of the one before it
        assertThat(produced.parentSpanId()).as("producer under the HTTP request").isEqualTo(ingest.spanId());
        assertThat(consumed.parentSpanId()).as("consumer under the producer").isEqualTo(produced.spanId());
        assertThat(published.parentSpanId()).as("the relay's publish under the batch's span of the record")
                .isEqualTo(consumed.spanId());
        assertThat(delivered.traceId()).isEqualTo(ingest.traceId());
    }

    private static ReceivedSpan awaitSpan(String what, Predicate<ReceivedSpan> wanted) {
        ReceivedSpan[] found = new ReceivedSpan[1];
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                found[0] = otlp.spans.stream().filter(wanted).findFirst().orElse(null);
                return found[0] != null;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no span for: " + what + "; received " + otlp.spans, e);
        }
        return found[0];
    }
}
