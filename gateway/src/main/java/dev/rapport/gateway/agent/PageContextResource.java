package dev.rapport.gateway.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.EventJson;
import dev.rapport.contract.Roles;
import dev.rapport.contract.failure.DomainException.Conflict;
import dev.rapport.contract.failure.DomainException.InvalidInput;
import dev.rapport.gateway.identity.PageContextTokens;
import dev.rapport.gateway.sessions.HeldSession;
import dev.rapport.gateway.sessions.SessionHead;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed context of a web page on the agent's script page (docs/embedded-pages.md). Only the agent the
 * interaction is connected to gets one, only for a visible web page of the page shown now that asks for it, and only
 * with what script-service rendered for it: the gateway adds nothing the page does not offer.
 */
@Path("/api/v2/agent/interactions/{interactionId}/pagecontext")
@RolesAllowed(Roles.AGENT)
public class PageContextResource {
    private static final int MAX_COMPONENT_ID = 256;

    private final AgentSessions sessions;
    private final PageContextTokens tokens;
    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    PageContextResource(AgentSessions sessions, PageContextTokens tokens, SecurityIdentity identity,
                        JsonWebToken jwt) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.identity = identity;
        this.jwt = jwt;
    }

    /** Body {@code {"componentId": "crm"}} (the rendered id); answers the token, its audience and lifetime. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> post(@PathParam("interactionId") String interactionId,
                                          @HeaderParam(AgentCommandResource.SHOWN_VERSION) Long shownVersion,
                                          JsonNode body) {
        JsonNode id = body == null ? null : body.get("componentId");
        if (id == null || !id.isTextual() || id.asText().isBlank() || id.asText().length() > MAX_COMPONENT_ID) {
            throw InvalidInput.field("componentId", "componentId is required: the id of a web page of the page shown");
        }
        AgentSessions.Viewer viewer = AgentSessions.Viewer.of(identity).asAgent();
        String agentName = jwt.getClaim("name");
        java.time.Duration wait = shownVersion == null ? AgentCommandService.UNKNOWN_VERSION_WAIT
                : AgentCommandService.SHOWN_VERSION_WAIT;
        return sessions.requireAtLeast(viewer, interactionId, shownVersion, wait).thenCompose(session -> {
            try {
                PageContextTokens.Token token = sign(context(session, viewer.user(), agentName, id.asText()));
                return CompletableFuture.completedFuture(Response.ok(Map.of("token", token.token(),
                        "audience", token.audience(), "expiresIn", token.expiresInSeconds()))
                        .header("Cache-Control", "no-store").build());
            } catch (RuntimeException refused) {
                return CompletableFuture.failedFuture(refused);
            }
        });
    }

    private PageContextTokens.Token sign(PageContextTokens.Context context) {
        try {
            return tokens.sign(context);
        } catch (IllegalArgumentException e) {
            throw new Conflict(e.getMessage());
        }
    }

    private static PageContextTokens.Context context(HeldSession session, String agentId, String agentName,
                                                     String componentId) {
        SessionHead head = session.head();
        if (head.ended() || !agentId.equals(head.agentId())) {
            throw new Conflict("Interaction " + head.interactionId() + " is not connected to you");
        }
        JsonNode page;
        try {
            page = EventJson.mapper().readTree(session.json()).path("page");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode web = offered(page.path("root"), componentId);
        if (web == null || head.script() == null) {
            throw new Conflict("The page shown has no visible web page '" + componentId
                    + "' that asks for a signed context");
        }
        String origin = origin(web.path("source").asText(null));
        if (origin == null) {
            throw new Conflict("Web page '" + componentId + "' has no http(s) address to sign a context for");
        }
        JsonNode context = web.path("signedContext");
        Map<String, Object> variables = new LinkedHashMap<>();
        context.path("variables").fields().forEachRemaining(e ->
                variables.put(e.getKey(), EventJson.mapper().convertValue(e.getValue(), Object.class)));
        List<String> omitted = new ArrayList<>();
        context.path("omitted").forEach(n -> omitted.add(n.asText()));
        return new PageContextTokens.Context(origin, head.interactionId(), agentId, agentName, head.script().id(),
                head.script().name(), head.script().version(), componentId, variables, omitted);
    }

    /** The visible web page with this rendered id that asks for a signed context; null when the page has none. */
    private static JsonNode offered(JsonNode c, String componentId) {
        if (!c.isObject() || !c.path("visible").asBoolean(true)) {
            return null;
        }
        if (componentId.equals(c.path("id").asText()) && "webPage".equals(c.path("type").asText())
                && c.path("signedContext").isObject()) {
            return c;
        }
        for (JsonNode child : c.path("children")) {
            JsonNode found = offered(child, componentId);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** {@code scheme://host[:port]} of an absolute http(s) address, as a browser writes an origin; else null. */
    static String origin(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80
                    || scheme.equals("https") && port == 443;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
