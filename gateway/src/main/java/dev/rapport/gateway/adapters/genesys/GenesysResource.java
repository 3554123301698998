package dev.rapport.gateway.adapters.genesys;

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
 * Genesys Cloud's conversation detail events from an Amazon EventBridge API destination (docs/ivr/genesys-cloud.md).
 * The API key of the destination's connection (the shared secret in the configured header), not a bearer token,
 * proves who calls: without it, 401 before anything in the request is used.
 */
@Path("/api/v2/adapters/genesys")
@PermitAll
public class GenesysResource {
    private final AdaptersConfig config;
    private final AdapterSwitches switches;
    private final AdapterRequests requests;
    private final GenesysAdapter adapter;

    GenesysResource(AdaptersConfig config, AdapterSwitches switches, AdapterRequests requests,
                    GenesysAdapter adapter) {
        this.config = config;
        this.switches = switches;
        this.requests = requests;
        this.adapter = adapter;
    }

    /** One EventBridge event; 202 when mapped, 200 when left out (so EventBridge does not retry it). */
    @POST
    @Path("/events")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> post(@Context HttpHeaders headers, InputStream body)
            throws JsonProcessingException {
        if (!switches.genesysOn()) {
            throw AdapterRefusal.off("Genesys Cloud", "RAPPORT_ADAPTERS_GENESYS_SECRET");
        }
        SharedSecretCheck.require(config.genesys(), headers.getHeaderString(config.genesys().header()));
        GenesysDetailEvent event = requests.readJson(body, GenesysDetailEvent.class);
        return requests.deliver(GenesysAdapter.PLATFORM, adapter.translate(event));
    }
}
