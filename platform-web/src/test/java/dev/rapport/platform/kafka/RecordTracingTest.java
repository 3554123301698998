package dev.rapport.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordTracingTest {
    private static final String UPSTREAM = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String OTHER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build()).build();
    private final RecordTracing tracing = new RecordTracing(sdk, true);

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void aSentRecordCarriesAProducerSpanUnderTheCurrentOne() {
        Span request = sdk.getTracer("test").spanBuilder("POST /api/v2/interactions/events").startSpan();
        Headers headers = new RecordHeaders();
        try (Scope ignored = request.makeCurrent()) {
            tracing.send("interactions", headers).acknowledged(null);
        } finally {
            request.end();
        }
        SpanData producer = only("publish interactions");
        assertThat(producer.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(producer.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(producer.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(header(headers)).isEqualTo("00-" + producer.getTraceId() + "-" + producer.getSpanId() + "-01");
    }

    @Test
    void aRelayedRowContinuesTheTraceItWasWrittenIn() {
        Headers headers = new RecordHeaders();
        tracing.send("sessions", headers, UPSTREAM).acknowledged(new IllegalStateException("broker said no"));

        SpanData producer = only("publish sessions");
        assertThat(producer.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(producer.getParentSpanId()).isEqualTo("b7ad6b7169203331");
        assertThat(producer.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(header(headers)).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-" + producer.getSpanId() + "-01");
    }

    @Test
    void eachRecordOfABatchHasItsSpanInItsOwnTraceAndItsKeysRowsCarryIt() {
        ConsumerRecord<String, String> first = record("interactions", "call-1", 7, UPSTREAM);
        ConsumerRecord<String, String> second = record("agent-commands", "call-2", 8, OTHER);
        String rowOfCall1;
        String rowOfCall2;
        String rowOfNoRecord;
        try (RecordTracing.Batch batch = tracing.consumed(List.of(first, second), "script-service")) {
            rowOfCall1 = tracing.traceparent("call-1");
            rowOfCall2 = tracing.traceparent("call-2");
            rowOfNoRecord = tracing.traceparent("call-3");
            assertThat(exported.getFinishedSpanItems()).as("open while the batch is applied").isEmpty();
        }
        SpanData one = only("process interactions");
        SpanData two = only("process agent-commands");
        assertThat(one.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(one.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(one.getParentSpanId()).isEqualTo("b7ad6b7169203331");
        assertThat(one.getAttributes().asMap().toString()).contains("messaging.message.id=event-7")
                .contains("messaging.kafka.offset=7").contains("messaging.consumer.group.name=script-service");
        assertThat(two.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(rowOfCall1).isEqualTo("00-" + one.getTraceId() + "-" + one.getSpanId() + "-01");
        assertThat(rowOfCall2).isEqualTo("00-" + two.getTraceId() + "-" + two.getSpanId() + "-01");
        assertThat(rowOfNoRecord).as("several records, none with this key: no trace to guess").isNull();
        assertThat(tracing.traceparent("call-1")).as("the batch is over").isNull();
    }

    @Test
    void aBatchOfOneRecordIsCurrentForWhateverItWrites() {
        ConsumerRecord<String, String> only = record("interactions", "call-1", 1, null);
        String row;
        try (RecordTracing.Batch batch = tracing.consumed(List.of(only), "script-service")) {
            row = tracing.traceparent("table-1:row-9");
            batch.failed(new IllegalStateException("the database is down"));
        }
        SpanData span = only("process interactions");
        assertThat(span.getParentSpanContext().isValid()).as("no traceparent: a trace of its own").isFalse();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(row).isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-01");
    }

    @Test
    void offItDoesNoWorkPerRecordAndOnlyCopiesAStoredTraceparent() {
        RecordTracing off = new RecordTracing(sdk, false);
        Iterable<ConsumerRecord<String, String>> untouchable = () -> {
            throw new AssertionError("tracing off must not look at the records");
        };
        try (RecordTracing.Batch batch = off.consumed(untouchable, "script-service")) {
            assertThat(off.traceparent("call-1")).isNull();
        }
        Headers sent = new RecordHeaders();
        off.send("interactions", sent).acknowledged(null);
        assertThat(sent.toArray()).isEmpty();
        Headers relayed = new RecordHeaders();
        off.send("sessions", relayed, UPSTREAM).acknowledged(null);
        assertThat(header(relayed)).isEqualTo(UPSTREAM);
        Headers untraced = new RecordHeaders();
        off.send("sessions", untraced, null).acknowledged(null);
        assertThat(untraced.toArray()).isEmpty();
        assertThat(exported.getFinishedSpanItems()).isEmpty();
        assertThat(RecordTracing.off().enabled()).isFalse();
    }

    private SpanData only(String name) {
        List<SpanData> spans = exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(spans).as(name).hasSize(1);
        return spans.get(0);
    }

    private static ConsumerRecord<String, String> record(String topic, String key, long offset, String traceparent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 3, offset, key, "{}");
        record.headers().add("ce_id", ("event-" + offset).getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            record.headers().add(RecordTracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static String header(Headers headers) {
        Iterator<org.apache.kafka.common.header.Header> it = headers.headers(RecordTracing.TRACEPARENT).iterator();
        assertThat(it.hasNext()).as("a traceparent header").isTrue();
        String value = new String(it.next().value(), StandardCharsets.UTF_8);
        assertThat(it.hasNext()).as("only one").isFalse();
        return value;
    }
}
