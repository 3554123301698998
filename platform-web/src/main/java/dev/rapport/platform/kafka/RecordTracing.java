package dev.rapport.platform.kafka;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OpenTelemetry for Rapport's hand-built Kafka clients (the outbox relay, the gateway's producer, the session
 * consumers), which the Quarkus extension does not instrument: the W3C {@code traceparent} travels in the record
 * headers, so one interaction input is one trace across every hop (docs/running.md#tracing).
 *
 * <p>Off unless tracing is configured ({@code quarkus.otel.sdk.disabled=false}): then every method returns at once,
 * without reading a record; the relay only copies a {@code traceparent} it finds stored.
 */
@ApplicationScoped
public class RecordTracing {
    public static final String TRACEPARENT = "traceparent";
    private static final String INSTRUMENTATION = "dev.rapport.kafka";
    private static final ContextKey<Map<String, Context>> BATCH_BY_KEY = ContextKey.named("rapport-batch-by-key");
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };
    private static final TextMapSetter<Headers> HEADER_SETTER = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };
    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String traceparent, String key) {
            return TRACEPARENT.equals(key) ? traceparent : null;
        }
    };
    private static final RecordTracing OFF = new RecordTracing(OpenTelemetry.noop(), false);

    private final boolean enabled;
    private final Tracer tracer;

    @Inject
    RecordTracing(OpenTelemetry openTelemetry,
                  @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean sdkDisabled,
                  @ConfigProperty(name = "quarkus.otel.traces.enabled", defaultValue = "true") boolean tracesEnabled) {
        this(openTelemetry, !sdkDisabled && tracesEnabled);
    }

    public RecordTracing(OpenTelemetry openTelemetry, boolean enabled) {
        this.enabled = enabled;
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
    }

    /** Tracing off: what code built outside CDI (and its tests) uses unless given one. */
    public static RecordTracing off() {
        return OFF;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * A producer span for a record about to be sent, a child of the current context (the HTTP request that asked
     * for it), whose context goes into the record's {@code traceparent}; end it with {@link Send#acknowledged}.
     */
    public Send send(String topic, Headers headers) {
        if (!enabled) {
            return Send.NONE;
        }
        return start(topic, headers, Context.current());
    }

    /**
     * The outbox relay's send of a row written with {@code traceparent} (null: none): a producer span in that trace,
     * whose context goes into the record. Tracing off, a stored {@code traceparent} is copied as it is, so a trace
     * begun on an instance with tracing on goes on.
     */
    public Send send(String topic, Headers headers, String traceparent) {
        if (traceparent == null) {
            return Send.NONE;
        }
        if (!enabled) {
            HEADER_SETTER.set(headers, TRACEPARENT, traceparent);
            return Send.NONE;
        }
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, STORED);
        return start(topic, headers, parent);
    }

    private Send start(String topic, Headers headers, Context parent) {
        Span span = tracer.spanBuilder("publish " + topic).setSpanKind(SpanKind.PRODUCER).setParent(parent)
                .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, topic).setAttribute(OPERATION, "send")
                .startSpan();
        W3CTraceContextPropagator.getInstance().inject(parent.with(span), headers, HEADER_SETTER);
        return new Send(span);
    }

    /**
     * The W3C {@code traceparent} to store with an outbox row keyed {@code key}: in a consumed batch
     * ({@link #consumed}) the span of the last record with that key, else the current span; null when tracing is
     * off or nothing is traced.
     */
    public String traceparent(String key) {
        if (!enabled) {
            return null;
        }
        Context current = Context.current();
        Map<String, Context> batch = current.get(BATCH_BY_KEY);
        Context context = batch != null && key != null ? batch.getOrDefault(key, current) : current;
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /**
     * One poll of a hand-built consumer, applied as one batch: a consumer span per record, each the child of the
     * context in its {@code traceparent} header (a new trace without one), open until {@link Batch#close}. While
     * the batch is open, outbox rows written for a record's key carry that record's span ({@link #traceparent}); a
     * poll of one record also makes its span current, so any span started meanwhile belongs to its trace.
     */
    public Batch consumed(Iterable<ConsumerRecord<String, String>> records, String consumerGroup) {
        if (!enabled) {
            return Batch.NONE;
        }
        List<Span> spans = new ArrayList<>();
        Map<String, Context> byKey = new HashMap<>();
        Context single = null;
        for (ConsumerRecord<String, String> record : records) {
            Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), record.headers(),
                    HEADERS);
            SpanBuilder builder = tracer.spanBuilder("process " + record.topic()).setSpanKind(SpanKind.CONSUMER)
                    .setParent(parent).setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, record.topic())
                    .setAttribute(OPERATION, "process").setAttribute(GROUP, consumerGroup)
                    .setAttribute(PARTITION, Integer.toString(record.partition()))
                    .setAttribute(OFFSET, record.offset());
            String eventId = HEADERS.get(record.headers(), "ce_id");
            if (eventId != null) {
                builder.setAttribute(MESSAGE_ID, eventId);
            }
            Span span = builder.startSpan();
            spans.add(span);
            Context context = parent.with(span);
            if (record.key() != null) {
                byKey.put(record.key(), context);
            }
            single = spans.size() == 1 ? context : null;
        }
        if (spans.isEmpty()) {
            return Batch.NONE;
        }
        spans.forEach(s -> s.setAttribute(BATCH_COUNT, (long) spans.size()));
        Context batch = (single != null ? single : Context.root()).with(BATCH_BY_KEY, Map.copyOf(byKey));
        return new Batch(spans, batch.makeCurrent());
    }

    /** A producer span until the broker's answer. */
    public static final class Send {
        static final Send NONE = new Send(null);
        private final Span span;

        private Send(Span span) {
            this.span = span;
        }

        /** @param error null when the broker acknowledged the record */
        public void acknowledged(Throwable error) {
            if (span == null) {
                return;
            }
            if (error != null) {
                span.recordException(error);
                span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
            }
            span.end();
        }
    }

    /** The consumer spans of one batch, current on this thread until closed. */
    public static final class Batch implements AutoCloseable {
        static final Batch NONE = new Batch(List.of(), null);
        private final List<Span> spans;
        private final Scope scope;

        private Batch(List<Span> spans, Scope scope) {
            this.spans = spans;
            this.scope = scope;
        }

        /** The batch failed: marked on every record's span. */
        public void failed(Throwable error) {
            for (Span span : spans) {
                span.recordException(error);
                span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
            }
        }

        @Override
        public void close() {
            if (scope == null) {
                return;
            }
            scope.close();
            spans.forEach(Span::end);
        }
    }
}
