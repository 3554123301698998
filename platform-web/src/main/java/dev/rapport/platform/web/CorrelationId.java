package dev.rapport.platform.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The correlation id of the current request: the caller's {@code X-Correlation-Id}, or a new one. */
@RequestScoped
public class CorrelationId {
    public static final String HEADER = "X-Correlation-Id";
    /** Key of the id in the logging context; the outbox copies it into the events a request causes. */
    public static final String MDC_KEY = "correlationId";
    private String value;

    public String get() {
        if (value == null) {
            value = UUID.randomUUID().toString();
        }
        return value;
    }

    public void set(String value) {
        this.value = value;
    }
}
