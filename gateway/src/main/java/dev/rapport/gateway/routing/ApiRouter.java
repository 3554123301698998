package dev.rapport.gateway.routing;

import dev.rapport.platform.web.CorrelationId;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.UUID;

/**
 * Serves each service's public API under the gateway's port: requests stream through unchanged (the caller's token
 * included, which the service verifies itself), with a correlation id added when the caller sent none.
 */
@ApplicationScoped
public class ApiRouter {
    private final ServiceRoutes routes;

    ApiRouter(ServiceRoutes routes) {
        this.routes = routes;
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
        route(router, proxy(client, routes.datatable()), "^/api/v2/flows/datatables(/.*)?$");
        route(router, proxy(client, routes.script()), "^/api/v2/scripts(/.*)?$");
        route(router, proxy(client, routes.script()), "^/api/v2/flows/inbound(/.*)?$");
        route(router, proxy(client, routes.script()), "^/api/v2/interactions/(?!events$)[^/]+/.+$");
        route(router, proxy(client, routes.script()), "^/api/v2/interactions$");
        route(router, proxy(client, routes.script()), "^/api/v2/routing/wrapupcodes(/.*)?$");
        route(router, proxy(client, routes.action()), "^/api/v2/integrations(/.*)?$");
        Log.infof("Routing datatables to %s, scripts and flows to %s, integrations to %s",
                routes.datatable(), routes.script(), routes.action());
    }

    private static void route(Router router, HttpProxy proxy, String pathRegex) {
        router.routeWithRegex(pathRegex).order(-10).handler(context -> proxy.handle(context.request()));
    }

    private static HttpProxy proxy(HttpClient client, URI target) {
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
        });
        return proxy;
    }
}
