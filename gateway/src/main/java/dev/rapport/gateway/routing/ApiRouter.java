package dev.rapport.gateway.routing;

import dev.rapport.platform.web.CorrelationId;
import dev.rapport.platform.web.GenesysApiPaths;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Serves each service's public API under the gateway's port: requests stream through unchanged (the caller's token
 * included, which the service verifies itself), with a correlation id added when the caller sent none. What Rapport
 * does not serve of Genesys's data-table, data-action, script and conversation APIs is answered 501
 * ({@link NotImplementedPaths}).
 */
@ApplicationScoped
public class ApiRouter {
    /** The prefixes of Genesys's APIs that the list covers ({@link GenesysApiPaths.Api}). */
    private static final String GENESYS_APIS = Arrays.stream(GenesysApiPaths.Api.values())
            .map(api -> Pattern.quote(api.prefix)).collect(Collectors.joining("|", "^(", ")(/.*)?$"));
    private final ServiceRoutes routes;
    private final NotImplementedPaths notImplemented;

    ApiRouter(ServiceRoutes routes, NotImplementedPaths notImplemented) {
        this.routes = routes;
        this.notImplemented = notImplemented;
    }

    void register(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(5_000).setIdleTimeout(120).setMaxPoolSize(64).setKeepAlive(true));
        // Links a service builds (import upload and export download URIs) must point at the gateway.
        router.routeWithRegex("^/api/v2/.*").order(-11).handler(context -> {
            var headers = context.request().headers();
            if (headers.get("X-Forwarded-Host") == null && headers.get("Host") != null) {
                headers.set("X-Forwarded-Host", headers.get("Host"));
                headers.set("X-Forwarded-Proto", context.request().scheme());
            }
            context.next();
        });
        router.routeWithRegex(GENESYS_APIS).order(-12).handler(context -> {
            var request = context.request();
            if (notImplemented.listedAsNotImplemented(request.method().name(), request.path())) {
                String contextId = request.getHeader(CorrelationId.HEADER);
                answerNotImplemented(context.response(), request.method().name(), request.path(),
                        contextId == null ? UUID.randomUUID().toString() : contextId);
            } else {
                context.next();
            }
        });
        route(router, proxy(client, routes.datatable()), "^/api/v2/flows/datatables(/.*)?$");
        route(router, proxy(client, routes.script()), "^/api/v2/scripts(/.*)?$");
        route(router, proxy(client, routes.script()), "^/api/v2/flows/inbound(/.*)?$");
        route(router, proxy(client, routes.script()), "^/api/v2/interactions/(?!events$)[^/]+/.+$");
        route(router, proxy(client, routes.script()), "^/api/v2/interactions$");
        route(router, proxy(client, routes.script()), "^/api/v2/routing/wrapupcodes(/.*)?$");
        route(router, proxy(client, routes.script()), "^/api/v2/architect/(schedules|schedulegroups)(/.*)?$");
        route(router, proxy(client, routes.action()), "^/api/v2/integrations(/.*)?$");
        // Built-in routing (script-service): queues, skills, languages, a conversation's priority, users' routing.
        route(router, proxy(client, routes.script()), "^/api/v2/routing/(queues|skills|languages|conversations)(/.*)?$");
        route(router, proxy(client, routes.script()), "^/api/v2/users/[^/]+/(routingskills|routinglanguages|routingstatus)(/.*)?$");
        route(router, proxy(client, routes.script()), "^/api/v2/analytics/queues/observations/query$");
        // Genesys's Conversations API over script-service's interactions (what it does not serve: 501, as above).
        route(router, proxy(client, routes.script()), "^/api/v2/conversations(/.*)?$");
        Log.infof("Routing datatables to %s, scripts and flows to %s, integrations to %s",
                routes.datatable(), routes.script(), routes.action());
    }

    private void answerNotImplemented(HttpServerResponse response, String method, String path, String contextId) {
        response.setStatusCode(501).putHeader("Content-Type", "application/json")
                .putHeader(CorrelationId.HEADER, contextId).end(notImplemented.body(method, path, contextId));
    }

    private static void route(Router router, HttpProxy proxy, String pathRegex) {
        router.routeWithRegex(pathRegex).order(-10).handler(context -> proxy.handle(context.request()));
    }

    private HttpProxy proxy(HttpClient client, URI target) {
        int port = target.getPort() > 0 ? target.getPort() : ("https".equals(target.getScheme()) ? 443 : 80);
        HttpProxy proxy = HttpProxy.reverseProxy(client).origin(port, target.getHost());
        proxy.addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                var headers = context.request().headers();
                if (headers.get(CorrelationId.HEADER) == null) {
                    headers.set(CorrelationId.HEADER, UUID.randomUUID().toString());
                }
                return context.sendRequest();
            }

            /** A service's 404 for a route it does not have, under Genesys's APIs: 501 naming the path. */
            @Override
            public Future<Void> handleProxyResponse(ProxyContext context) {
                ProxyResponse response = context.response();
                String method = context.request().getMethod().name();
                String uri = context.request().getURI();
                String path = uri.indexOf('?') < 0 ? uri : uri.substring(0, uri.indexOf('?'));
                if (response.getStatusCode() == 404 && notImplemented.notFoundMeansNoRoute(method, path)) {
                    String contextId = context.request().headers().get(CorrelationId.HEADER);
                    Body unread = response.getBody();
                    response.setStatusCode(501).setStatusMessage("Not Implemented")
                            .setBody(Body.body(notImplemented.body(method, path, contextId)));
                    response.headers().set("Content-Type", "application/json");
                    if (unread != null) {
                        unread.stream().handler(ignored -> { }).resume(); // the service's 404 body is dropped
                    }
                }
                return context.sendResponse();
            }
        });
        return proxy;
    }
}
