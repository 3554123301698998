package dev.rapport.gateway.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The correlation id of the current request: the caller's {@code X-Correlation-Id}, or a new one. */
@RequestScoped
public class CorrelationId {
    public static final String HEADER = "X-Correlation-Id";
    private String value;

    public String get() {
        if (value == null) {
            value = UUID.randomUUID().toString();
        }
        return value;
    }

    void set(String value) {
        this.value = value;
    }
}
