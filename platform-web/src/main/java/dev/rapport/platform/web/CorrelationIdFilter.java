package dev.rapport.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Takes the caller's correlation id (or makes one), puts it in the logs and echoes it on the response. */
public class CorrelationIdFilter {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private final CorrelationId correlationId;

    CorrelationIdFilter(CorrelationId correlationId) {
        this.correlationId = correlationId;
    }

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        String given = request.getHeaderString(CorrelationId.HEADER);
        if (given != null && SAFE.matcher(given).matches()) {
            correlationId.set(given);
        }
        MDC.put(CorrelationId.MDC_KEY, correlationId.get());
    }

    @ServerResponseFilter
    public void onResponse(ContainerResponseContext response) {
        response.getHeaders().putSingle(CorrelationId.HEADER, correlationId.get());
        MDC.remove(CorrelationId.MDC_KEY);
    }
}
