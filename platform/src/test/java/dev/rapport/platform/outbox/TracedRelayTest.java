package dev.rapport.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.RecordSignatures;
import dev.rapport.platform.kafka.KafkaClientSettings;
import dev.rapport.platform.kafka.RecordTracing;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay carries on the trace of the transaction that wrote each row: the stored {@code traceparent} becomes the
 * parent of a producer span whose context is in the record's header; with tracing off, the stored value is copied;
 * a row written untraced goes out without one.
 */
class TracedRelayTest {
    private static final String WRITER_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String WRITER = "00-" + WRITER_TRACE + "-b7ad6b7169203331-01";
    static OutboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new OutboxFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void tracingOnTheRecordContinuesTheWritersTraceUnderAPublishSpan() {
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exported)).build()).build()) {
            String topic = fixture.newTopic(3);
            String traced = fixture.insertTraced(topic, "call-1", "{\"n\":1}", TestRelay.SHARDS, WRITER);
            String untraced = fixture.insertTraced(topic, "call-2", "{\"n\":2}", TestRelay.SHARDS, null);
            Map<String, ConsumerRecord<String, String>> published = publish(topic, 2, new RecordTracing(sdk, true));

            List<SpanData> spans = exported.getFinishedSpanItems();
            assertThat(spans).hasSize(1);
            SpanData publish = spans.get(0);
            assertThat(publish.getName()).isEqualTo("publish " + topic);
            assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(publish.getTraceId()).isEqualTo(WRITER_TRACE);
            assertThat(publish.getParentSpanId()).isEqualTo("b7ad6b7169203331");
            assertThat(traceparent(published.get(traced)))
                    .isEqualTo("00-" + WRITER_TRACE + "-" + publish.getSpanId() + "-01");
            assertThat(traceparent(published.get(untraced))).isNull();
        }
    }

    @Test
    void tracingOffTheStoredTraceparentIsCopiedAsItIs() {
        String topic = fixture.newTopic(3);
        String traced = fixture.insertTraced(topic, "call-1", "{\"n\":1}", TestRelay.SHARDS, WRITER);
        String untraced = fixture.insertTraced(topic, "call-2", "{\"n\":2}", TestRelay.SHARDS, null);
        Map<String, ConsumerRecord<String, String>> published = publish(topic, 2, RecordTracing.off());
        assertThat(traceparent(published.get(traced))).isEqualTo(WRITER);
        assertThat(traceparent(published.get(untraced))).isNull();
    }

    private static Map<String, ConsumerRecord<String, String>> publish(String topic, int expected,
                                                                      RecordTracing tracing) {
        try (var relay = TestRelay.start(fixture.dataSource(), KafkaClientSettings.bootstrap(fixture.bootstrapServers()),
                "relay-traced-" + System.nanoTime(), Duration.ofSeconds(20), Duration.ofMillis(100),
                Duration.ofSeconds(60), Optional.of(new RecordSignatures(TestRelay.SIGNING_KEY)), tracing)) {
            return fixture.read(topic, expected, Duration.ofSeconds(30)).stream().collect(Collectors.toMap(
                    r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8),
                    Function.identity()));
        }
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(RecordTracing.TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
