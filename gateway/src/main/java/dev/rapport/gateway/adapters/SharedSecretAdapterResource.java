package dev.rapport.gateway.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rapport.gateway.adapters.connect.ConnectAdapter;
import dev.rapport.gateway.adapters.connect.ConnectFlowEvent;
import dev.rapport.gateway.adapters.genesys.GenesysAdapter;
import dev.rapport.gateway.adapters.genesys.GenesysDetailEvent;
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
 * The IVR adapters whose platform proves who calls with a shared secret in a header of the operator's choosing, not a
 * bearer token: without it, 401 before anything in the request is used. An adapter that is off (no secret
 * configured) answers 404 naming the setting that turns it on.
 */
@Path("/api/v2/adapters")
@PermitAll
public class SharedSecretAdapterResource {
    private final AdaptersConfig config;
    private final AdapterSwitches switches;
    private final AdapterRequests requests;
    private final ConnectAdapter connect;
    private final GenesysAdapter genesys;

    SharedSecretAdapterResource(AdaptersConfig config, AdapterSwitches switches, AdapterRequests requests,
                                ConnectAdapter connect, GenesysAdapter genesys) {
        this.config = config;
        this.switches = switches;
        this.requests = requests;
        this.connect = connect;
        this.genesys = genesys;
    }

    /**
     * Amazon Connect's ContactFlowEvent, forwarded by a small function or an EventBridge API destination
     * (docs/ivr/amazon-connect.md); the answer is a flat JSON object of strings, as a Lambda function returns to the
     * flow.
     */
    @POST
    @Path("/connect/events")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> connect(@Context HttpHeaders headers, InputStream body)
            throws JsonProcessingException {
        admit(switches.connectOn(), "Amazon Connect", "RAPPORT_ADAPTERS_CONNECT_SECRET", config.connect(), headers);
        return requests.deliver(ConnectAdapter.PLATFORM,
                connect.translate(requests.readJson(body, ConnectFlowEvent.class)));
    }

    /**
     * Genesys Cloud's conversation detail events from an Amazon EventBridge API destination
     * (docs/ivr/genesys-cloud.md; the secret is the API key of the destination's connection): 202 when mapped, 200
     * when left out (so EventBridge does not retry it).
     */
    @POST
    @Path("/genesys/events")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> genesys(@Context HttpHeaders headers, InputStream body)
            throws JsonProcessingException {
        admit(switches.genesysOn(), "Genesys Cloud", "RAPPORT_ADAPTERS_GENESYS_SECRET", config.genesys(), headers);
        return requests.deliver(GenesysAdapter.PLATFORM,
                genesys.translate(requests.readJson(body, GenesysDetailEvent.class)));
    }

    private static void admit(boolean on, String platform, String setting, AdaptersConfig.SharedSecret secret,
                              HttpHeaders headers) {
        if (!on) {
            throw AdapterRefusal.off(platform, setting);
        }
        SharedSecretCheck.require(secret, headers.getHeaderString(secret.header()));
    }
}
