package dev.rapport.action.execution;

import dev.rapport.action.ActionsConfig;
import dev.rapport.action.engine.DataActionRunner;
import dev.rapport.action.engine.ContractValidator;
import dev.rapport.action.engine.DestinationPolicy;
import dev.rapport.action.engine.OutboundHttp;
import dev.rapport.action.engine.RequestRouter;
import dev.rapport.action.templates.TemplateLimits;
import dev.rapport.action.templates.TemplateRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;

/** Builds the engine (plain classes, so unit tests build it the same way) from {@link ActionsConfig}. */
@ApplicationScoped
public class EngineProducer {

    @Produces
    @ApplicationScoped
    TemplateRenderer templateRenderer(ActionsConfig config) {
        return new TemplateRenderer(new TemplateLimits(config.templateMaxChars(), config.templateMaxOutputChars(),
                config.templateMaxLoops(), config.templateMaxRenderTime()));
    }

    @Produces
    @ApplicationScoped
    ContractValidator contractValidator() {
        return new ContractValidator();
    }

    @Produces
    @ApplicationScoped
    DataActionRunner actionRunner(ActionsConfig config, TemplateRenderer templates, ContractValidator contracts,
            Vertx vertx) {
        URI internal = URI.create(config.internalBaseUrl());
        DestinationPolicy policy = new DestinationPolicy(config.allowedDestinations().orElse(List.of()));
        OutboundHttp http = new OutboundHttp(vertx, policy, config.maxResponseBytes(), config.connectTimeout());
        return new DataActionRunner(templates, contracts, http, RequestRouter.toInternalBase(internal),
                serviceToken(config, internal), config.defaultTimeoutSeconds());
    }

    /** A configured token, else one taken from the gateway's issuer with the service's client credentials. */
    private static java.util.function.Supplier<String> serviceToken(ActionsConfig config, URI internal) {
        ServiceToken.requireCredentials(config);
        if (config.internalToken().filter(t -> !t.isBlank()).isPresent()) {
            String fixed = config.internalToken().get();
            return () -> fixed;
        }
        return new dev.rapport.platform.auth.ClientCredentialsToken(internal.resolve("/oauth/token"), config.clientId(),
                config.clientSecret().get());
    }

    /** Refuses to start without the service's credentials (see {@link ServiceToken#requireCredentials}). */
    void checkServiceCredentials(@Observes StartupEvent start, ActionsConfig config) {
        ServiceToken.requireCredentials(config);
    }
}
