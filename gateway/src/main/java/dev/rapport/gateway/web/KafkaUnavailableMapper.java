package dev.rapport.gateway.web;

import dev.rapport.contract.GenesysError;
import dev.rapport.platform.web.CorrelationId;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The broker did not take an event: the caller may retry with the same event id, which takes effect once. */
public class KafkaUnavailableMapper {
    private final CorrelationId correlationId;

    KafkaUnavailableMapper(CorrelationId correlationId) {
        this.correlationId = correlationId;
    }

    @ServerExceptionMapper
    public Response kafkaUnavailable(KafkaException e) {
        Log.errorf("Event not accepted by Kafka: %s", e.getMessage());
        return Response.status(503).type(MediaType.APPLICATION_JSON).header(CorrelationId.HEADER, correlationId.get())
                .entity(new GenesysError("Events cannot be accepted right now; retry with the same event id",
                        "service.unavailable", 503, correlationId.get(), List.of())).build();
    }
}
