package dev.rapport.platform.inbox;

import dev.rapport.contract.CloudEventHeaders;
import dev.rapport.platform.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.MDC;

/**
 * While a consumed record is handled, its correlation id (the {@code rapport_correlationid} header) is in the logging
 * context, so the handler's log lines carry it and the events it writes to the outbox pass it on: one id follows an
 * IVR post through every service it reaches.
 * <pre>{@code try (var c = ConsumedCorrelation.of(record)) { ... } }</pre>
 */
public final class ConsumedCorrelation implements AutoCloseable {
    private final Object previous;

    private ConsumedCorrelation(String correlationId) {
        previous = MDC.get(Outbox.CORRELATION_ID_MDC_KEY);
        if (correlationId == null) {
            MDC.remove(Outbox.CORRELATION_ID_MDC_KEY);
        } else {
            MDC.put(Outbox.CORRELATION_ID_MDC_KEY, correlationId);
        }
    }

    public static ConsumedCorrelation of(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.CORRELATION_ID);
        return new ConsumedCorrelation(header == null || header.value() == null ? null
                : new String(header.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(Outbox.CORRELATION_ID_MDC_KEY);
        } else {
            MDC.put(Outbox.CORRELATION_ID_MDC_KEY, previous);
        }
    }
}
