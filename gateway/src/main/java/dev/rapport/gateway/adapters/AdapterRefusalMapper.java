package dev.rapport.gateway.adapters;

import dev.rapport.contract.GenesysError;
import dev.rapport.platform.web.CorrelationId;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An {@link AdapterRefusal} in Genesys's error body, like every other error of the gateway. */
public class AdapterRefusalMapper {
    private final CorrelationId correlationId;

    AdapterRefusalMapper(CorrelationId correlationId) {
        this.correlationId = correlationId;
    }

    @ServerExceptionMapper
    public Response refused(AdapterRefusal e) {
        String contextId = correlationId.get();
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).header(CorrelationId.HEADER, contextId)
                .entity(new GenesysError(e.getMessage(), e.code(), e.status(), contextId, List.of())).build();
    }
}
