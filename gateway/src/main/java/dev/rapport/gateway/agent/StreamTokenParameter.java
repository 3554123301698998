package dev.rapport.gateway.agent;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A browser's EventSource cannot send an Authorization header, so the agent stream (and only it) also accepts the
 * token as {@code ?access_token=} (RFC 6750 §2.3). This route runs before authentication and copies the parameter
 * into the header, so the token is verified exactly like a header token (signature, issuer, expiry, roles). It acts
 * only on {@code GET /api/v2/agent/stream} and only when no Authorization header was sent; every other endpoint
 * ignores the parameter, so a token in a URL is never enough to change anything. Tokens in URLs can end up in access
 * logs and proxies' logs: the gateway has no access log on, and the tokens are short-lived.
 */
@ApplicationScoped
public class StreamTokenParameter {
    static final String PATH = "/api/v2/agent/stream";
    static final String PARAMETER = "access_token";

    void install(@Observes Router router) {
        // Just after the body handler, before the authentication handler.
        router.route(HttpMethod.GET, PATH).order(Integer.MIN_VALUE + 2).handler(rc -> {
            String token = rc.request().getParam(PARAMETER);
            if (token != null && !token.isBlank() && rc.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
                rc.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token.trim());
            }
            rc.next();
        });
    }
}
