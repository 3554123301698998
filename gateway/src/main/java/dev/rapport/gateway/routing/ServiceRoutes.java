package dev.rapport.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/** Where the gateway finds each service's public API (RAPPORT_ROUTES_DATATABLE, ..._SCRIPT, ..._ACTION). */
@ConfigMapping(prefix = "rapport.routes")
public interface ServiceRoutes {
    @WithDefault("http://127.0.0.1:8081")
    URI datatable();

    @WithDefault("http://127.0.0.1:8082")
    URI script();

    @WithDefault("http://127.0.0.1:8083")
    URI action();
}
