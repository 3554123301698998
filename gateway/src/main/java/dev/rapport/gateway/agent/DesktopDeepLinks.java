package dev.rapport.gateway.agent;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Serves the desktop's page for deep links (a browser asking for HTML at a path the desktop owns). Quinoa's own SPA
 * fallback never runs here: REST answers every unknown path first, with the Genesys 404 body. The API, the token
 * endpoints and the operator endpoints are never touched, nor are files (a last segment with a dot).
 */
@ApplicationScoped
public class DesktopDeepLinks {
    static final List<String> NOT_THE_DESKTOP = List.of("/api/", "/oauth/", "/q/");

    void install(@Observes Router router) {
        router.get().order(Integer.MIN_VALUE + 3).handler(rc -> {
            String path = rc.normalizedPath();
            String accept = rc.request().getHeader(HttpHeaders.ACCEPT);
            if (isDeepLink(path) && accept != null && accept.contains("text/html")) {
                rc.reroute("/");
            } else {
                rc.next();
            }
        });
    }

    static boolean isDeepLink(String path) {
        if (path == null || path.equals("/") || path.equals("/index.html")) {
            return false;
        }
        String withSlash = path.endsWith("/") ? path : path + "/";
        if (NOT_THE_DESKTOP.stream().anyMatch(withSlash::startsWith)) {
            return false;
        }
        return !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }
}
