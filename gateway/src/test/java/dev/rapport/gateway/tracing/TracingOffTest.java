package dev.rapport.gateway.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.contract.Roles;
import dev.rapport.contract.Topics;
import dev.rapport.gateway.Tokens;
import dev.rapport.platform.kafka.RecordTracing;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Tracing is off unless RAPPORT_OTEL_ENDPOINT is set: even with the extension's exporter pointed at a receiver, an
 * IVR post exports nothing and its record carries no {@code traceparent}, and neither Rapport's Kafka clients nor
 * SmallRye's channels do tracing work.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "none"))
@WithTestResource(OtlpCounter.class)
class TracingOffTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.otel.sdk.disabled")
    boolean sdkDisabled;

    @ConfigProperty(name = "mp.messaging.incoming.sessions.tracing-enabled")
    boolean sessionsChannelTraced;

    @Inject
    RecordTracing tracing;

    @Test
    void withoutAnEndpointNoSpanIsRecordedOrExportedAndNoRecordCarriesATrace() {
        assertThat(sdkDisabled).isTrue();
        assertThat(tracing.enabled()).isFalse();
        assertThat(sessionsChannelTraced).as("SmallRye's consumer makes no span per record").isFalse();

        String iid = UUID.randomUUID().toString();
        given().contentType("application/json").header("Authorization", Tokens.get().bearer("ivr", Roles.IVR))
                .body("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"started\",\"interactionId\":\"" + iid
                        + "\",\"ani\":\"7204276664\",\"dnis\":\"8005551234\"}")
                .post("/api/v2/interactions/events").then().statusCode(202);
        List<ConsumerRecord<String, String>> produced = new TopicProbe(bootstrap).read(Topics.INTERACTIONS,
                r -> iid.equals(r.key()), 1, Duration.ofSeconds(20), Duration.ofSeconds(1));
        assertThat(produced).hasSize(1);
        assertThat(produced.get(0).headers().lastHeader(RecordTracing.TRACEPARENT)).isNull();

        // an exporter that ran would have sent the request's spans within its 10 ms delay
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> OtlpCounter.REQUESTS.get() == 0);
    }
}
