package dev.rapport.bench.stages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.bench.client.RapportApi;
import dev.rapport.bench.client.ServerTimer;
import dev.rapport.bench.load.Measure;
import dev.rapport.bench.load.OpenLoop;
import dev.rapport.bench.load.Summary;
import dev.rapport.bench.report.BenchResults;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Stage 4: a data action's execution against a raw HTTP call to the same loopback server (inside the bench). The
 * action (integration type custom-rest-actions) is created through the API once per port: GET /echo/${input.key},
 * a translation map and a success template, both contracts. action-service refuses loopback destinations unless
 * they are listed in RAPPORT_ACTIONS_ALLOWED_DESTINATIONS (./rapport bench sets 127.0.0.1 when it starts the system).
 */
public final class DataActionStage {
    static final String STAGE = "4 data action";
    static final String INTEGRATION = "Rapport Bench Loopback";
    private final Context ctx;

    public DataActionStage(Context ctx) {
        this.ctx = ctx;
    }

    public void run() throws Exception {
        double rate = ctx.options().dataActionRate();
        OpenLoop.Plan plan = OpenLoop.Plan.of(rate, Duration.ofSeconds(5), ctx.options().maxRequests());
        try (EchoServer echo = new EchoServer(ctx.options().echoPort())) {
            String actionId = action(echo.port());
            ctx.say("stage 4: data action " + actionId + ", " + plan.count() + " executions per path at " + rate + "/s");
            String execute = "/api/v2/integrations/actions/" + actionId + "/execute";
            try {
                ctx.api().call("POST", ctx.options().action().resolve(execute), ctx.tokens().admin(), Map.of("key", "probe"));
            } catch (RapportApi.ApiError e) {
                ctx.results().note(STAGE + ": the action did not run (" + e.getMessage() + "). A 403 "
                        + "action.destination.refused means action-service was started without "
                        + "RAPPORT_ACTIONS_ALLOWED_DESTINATIONS=127.0.0.1; ./rapport bench sets it when it starts the system.");
                return;
            }
            URI raw = URI.create("http://127.0.0.1:" + echo.port() + "/echo/");
            IntFunction<CompletableFuture<?>> rawCall = i -> ctx.api().http().sendAsync(HttpRequest.newBuilder(
                    raw.resolve("k" + i)).GET().build(), HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("echo answered " + r.statusCode());
                        }
                        return r;
                    });
            IntFunction<CompletableFuture<?>> viaGateway = call(ctx.api().gateway().resolve(execute));
            IntFunction<CompletableFuture<?>> viaService = call(ctx.options().action().resolve(execute));
            for (IntFunction<CompletableFuture<?>> f : List.of(rawCall, viaService, viaGateway)) {
                Measure.warmUp(ctx.options().warmup(), 20, f);
            }
            Summary base = Measure.run("raw HTTP GET to the loopback server (baseline)", plan, ctx.options().drain(), rawCall);
            ServerTimer requests = new ServerTimer(ctx.api().http(), ctx.options().managementOf("action-service"), "http_server_requests_seconds",
                    "uri=\"/api/v2/integrations/actions/{actionId}/execute\"", "status=\"200\"");
            ServerTimer engine = new ServerTimer(ctx.api().http(), ctx.options().managementOf("action-service"), "rapport_actions_execution_seconds",
                    "action=\"" + actionId + "\"", "outcome=\"success\"");
            ServerTimer.Reading requestsBefore = requests.read();
            ServerTimer.Reading engineBefore = engine.read();
            Summary direct = Measure.run("execute at action-service", plan, ctx.options().drain(), viaService);
            double inService = requests.read().meanMsSince(requestsBefore);
            double inEngine = engine.read().meanMsSince(engineBefore);
            // Nested timers, outermost first: what the client saw, the service's request timer, its execution timer.
            hop(rate, "client-observed, execute at action-service", direct.completed(), direct.mean());
            hop(rate, "action-service's request timer: REST, token check, guards, execution log, execution", direct.completed(), inService);
            hop(rate, "action-service's execution timer: templates, the outbound call, translation, contracts", direct.completed(), inEngine);
            hop(rate, "client-observed, the raw call to the loopback server (baseline)", base.completed(), base.mean());
            Summary gateway = Measure.run("execute through the gateway", plan, ctx.options().drain(), viaGateway);
            ctx.results().add(STAGE, "POST /actions/{id}/execute through the gateway", gateway);
            ctx.results().add(STAGE, "POST /actions/{id}/execute at action-service (:8083)", direct);
            ctx.results().add(STAGE, "baseline: raw HTTP GET to the same loopback server", base);
            ctx.results().compare(STAGE, direct, base);
            ctx.results().compare(STAGE, gateway, base);
            ScreenPopStage.print(gateway);
            ScreenPopStage.print(direct);
            ScreenPopStage.print(base);
        }
    }

    private void hop(double rate, String what, long samples, double meanMs) {
        ctx.results().hops.add(new BenchResults.Hop(STAGE + " (timers, mean ms)", rate, what, samples, meanMs, Double.NaN));
    }

    private IntFunction<CompletableFuture<?>> call(URI uri) {
        return i -> ctx.api().send(ctx.api().request("POST", uri, ctx.tokens().admin(), Map.of("key", "k" + i)))
                .thenApply(r -> {
                    if (!r.body().contains("\"k" + i + "\"")) {
                        throw new IllegalStateException("unexpected result " + r.body());
                    }
                    return r;
                });
    }

    /** The bench's action for this port, created (with its integration) when missing. */
    private String action(int port) throws Exception {
        String admin = ctx.tokens().admin();
        String name = "Rapport Bench Echo 127.0.0.1-" + port;
        for (JsonNode a : ctx.api().get("/api/v2/integrations/actions?pageSize=100&name=" + RapportApi.enc(name), admin)
                .path("entities")) {
            if (name.equals(a.path("name").asText())) {
                return a.path("id").asText();
            }
        }
        String integrationId = null;
        for (JsonNode i : ctx.api().get("/api/v2/integrations?pageSize=100", admin).path("entities")) {
            if (INTEGRATION.equals(i.path("name").asText())) {
                integrationId = i.path("id").asText();
            }
        }
        if (integrationId == null) {
            integrationId = ctx.api().post("/api/v2/integrations", admin, Map.of("name", INTEGRATION,
                    "integrationType", Map.of("id", "custom-rest-actions"))).path("id").asText();
        }
        Map<String, Object> config = Map.of(
                "request", Map.of("requestUrlTemplate", "http://127.0.0.1:" + port + "/echo/${input.key}",
                        "requestType", "GET", "headers", Map.of()),
                "response", Map.of("translationMap", Map.of("value", "$.value"), "translationMapDefaults", Map.of(),
                        "successTemplate", "{\"value\": ${value}}"));
        Map<String, Object> contract = Map.of(
                "input", Map.of("inputSchema", Map.of("type", "object", "required", List.of("key"),
                        "properties", Map.of("key", Map.of("type", "string")))),
                "output", Map.of("successSchema", Map.of("type", "object",
                        "properties", Map.of("value", Map.of("type", "string")))));
        return ctx.api().post("/api/v2/integrations/actions", admin, Map.of("name", name, "category", "Rapport Bench",
                "integrationId", integrationId, "config", config, "contract", contract, "secure", false)).path("id").asText();
    }
}
