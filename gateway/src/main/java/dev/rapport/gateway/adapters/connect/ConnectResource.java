package dev.rapport.gateway.adapters.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rapport.gateway.adapters.AdapterRefusal;
import dev.rapport.gateway.adapters.AdapterRequests;
import dev.rapport.gateway.adapters.AdapterSwitches;
import dev.rapport.gateway.adapters.AdaptersConfig;
import dev.rapport.gateway.adapters.SharedSecretCheck;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.concurrent.CompletionStage;

/**
 * Amazon Connect's contact flow events, forwarded by a small function or an EventBridge API destination
 * (docs/ivr/amazon-connect.md). The shared secret in the configured header, not a bearer token, proves who calls:
 * without it, 401 before anything in the request is used.
 */
@Path("/api/v2/adapters/connect")
@PermitAll
public class ConnectResource {
    private final AdaptersConfig config;
    private final AdapterSwitches switches;
    private final AdapterRequests requests;
    private final ConnectAdapter adapter;

    ConnectResource(AdaptersConfig config, AdapterSwitches switches, AdapterRequests requests,
                    ConnectAdapter adapter) {
        this.config = config;
        this.switches = switches;
        this.requests = requests;
        this.adapter = adapter;
    }

    /** A ContactFlowEvent; the answer is a flat JSON object of strings, as a Lambda function returns to the flow. */
    @POST
    @Path("/events")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> post(@Context HttpHeaders headers, InputStream body)
            throws JsonProcessingException {
        if (!switches.connectOn()) {
            throw AdapterRefusal.off("Amazon Connect", "RAPPORT_ADAPTERS_CONNECT_SECRET");
        }
        SharedSecretCheck.require(config.connect(), headers.getHeaderString(config.connect().header()));
        ConnectFlowEvent event = requests.readJson(body, ConnectFlowEvent.class);
        return requests.deliver(ConnectAdapter.PLATFORM, adapter.translate(event));
    }
}
