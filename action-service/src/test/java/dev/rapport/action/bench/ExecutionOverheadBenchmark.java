package dev.rapport.action.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.action.engine.ActionDefinition;
import dev.rapport.action.engine.DataActionRunner;
import dev.rapport.action.engine.ContractValidator;
import dev.rapport.action.engine.DestinationPolicy;
import dev.rapport.action.engine.Execution;
import dev.rapport.action.engine.IntegrationContext;
import dev.rapport.action.engine.OutboundHttp;
import dev.rapport.action.engine.RequestRouter;
import dev.rapport.action.support.LoopbackServer;
import dev.rapport.action.templates.TemplateLimits;
import dev.rapport.action.templates.TemplateRenderer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Not a test: prints what running a data action costs over a raw HTTP call to the same loopback server, both at the
 * same fixed rate (open loop: latency counts from the intended start, so queueing shows), measured in the same run.
 * The action is a typical Genesys one: URL and body templates, a JSONPath filter, a success template, both contracts.
 * Args: [ratePerSecond=100] [seconds=30] (per side, in alternating 5 s rounds). See README "Benchmark".
 */
public final class ExecutionOverheadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESPONSE = "{\"participants\":[{\"purpose\":\"customer\",\"id\":\"p1\"},"
            + "{\"purpose\":\"acd\",\"conversationRoutingData\":{\"priority\":25}}],\"id\":\"c1\"}";

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        try (LoopbackServer server = new LoopbackServer()) {
            server.answer(r -> LoopbackServer.Answer.json(200, RESPONSE));
            HttpClient raw = HttpClient.newHttpClient();
            URI uri = URI.create(server.base() + "/api/v2/conversations/callbacks/c1");
            Callable<Boolean> rawCall = () -> raw.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;

            DataActionRunner runner = new DataActionRunner(new TemplateRenderer(TemplateLimits.DEFAULT),
                    new ContractValidator(),
                    new OutboundHttp(new DestinationPolicy(List.of("127.0.0.1:" + server.base().getPort())), 1 << 20,
                            Duration.ofSeconds(2)), RequestRouter.toInternalBase(server.base()), () -> "bench-token", 20);
            ActionDefinition action = action();
            IntegrationContext integration = new IntegrationContext(IntegrationContext.PURECLOUD, null, Map.of());
            ObjectNode input = JSON.createObjectNode().put("conversationId", "c1");
            Callable<Boolean> actionCall = () -> {
                Execution e = runner.run(action, integration, input, false);
                return e.succeeded();
            };

            System.out.printf("Warming up (%d s each)...%n", 5);
            measure(rawCall, rate, 5);
            measure(actionCall, rate, 5);
            // Alternate 5-second rounds so that noise from other work on the machine hits both alike.
            Histogram rawLatency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            Histogram actionLatency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            for (int round = 0; round < Math.max(1, seconds / 5); round++) {
                rawLatency.add(measure(rawCall, rate, 5));
                actionLatency.add(measure(actionCall, rate, 5));
            }
            System.out.printf("%nFixed rate %d/s for %d s each, loopback server, same JVM and run%n", rate, seconds);
            System.out.printf("%-28s %10s %10s %10s %10s%n", "", "p50 ms", "p95 ms", "p99 ms", "max ms");
            print("raw HTTP call", rawLatency);
            print("data action execution", actionLatency);
            System.out.printf("%-28s %10.3f %10.3f %10.3f%n", "overhead (action - raw)",
                    ms(actionLatency.getValueAtPercentile(50) - rawLatency.getValueAtPercentile(50)),
                    ms(actionLatency.getValueAtPercentile(95) - rawLatency.getValueAtPercentile(95)),
                    ms(actionLatency.getValueAtPercentile(99) - rawLatency.getValueAtPercentile(99)));
            System.out.printf("%-28s %10.2f %10.2f %10.2f%n", "ratio (action / raw)",
                    ratio(actionLatency, rawLatency, 50), ratio(actionLatency, rawLatency, 95),
                    ratio(actionLatency, rawLatency, 99));
        }
    }

    static ActionDefinition action() throws Exception {
        ObjectNode export = (ObjectNode) JSON.readTree("""
                {"config":{"request":{"requestUrlTemplate":"/api/v2/conversations/callbacks/${input.conversationId}",
                   "requestType":"GET","headers":{"UserAgent":"PureCloudIntegrations/1.0"},"requestTemplate":"${input.rawRequest}"},
                  "response":{"translationMap":{"pIdArray":"$.participants[?(@.purpose=='acd')].conversationRoutingData.priority"},
                   "translationMapDefaults":{"pIdArray":"[\\"\\"]"},
                   "successTemplate":"{\\"priority\\": ${successTemplateUtils.firstFromArray(\\"${pIdArray}\\", \\"$esc.quote$esc.quote\\")}}"}},
                 "contract":{"input":{"inputSchema":{"type":"object","required":["conversationId"],
                   "properties":{"conversationId":{"type":"string"}}}},
                  "output":{"successSchema":{"type":"object","properties":{"priority":{"type":"integer"}}}}}}""");
        return new ActionDefinition("bench", (ObjectNode) export.get("config"), (ObjectNode) export.get("contract"), false);
    }

    /** Open loop: calls start on schedule whether or not earlier ones finished; latency counts from the schedule. */
    static Histogram measure(Callable<Boolean> call, int rate, int seconds) throws Exception {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        ExecutorService workers = Executors.newFixedThreadPool(16);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000L;
        int total = rate * seconds;
        int[] failures = {0};
        for (int i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            workers.execute(() -> {
                try {
                    if (!call.call()) {
                        synchronized (failures) {
                            failures[0]++;
                        }
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures[0]++;
                    }
                }
                synchronized (histogram) {
                    histogram.recordValue(Math.min(System.nanoTime() - intended, histogram.getHighestTrackableValue()));
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.MINUTES);
        if (failures[0] > 0) {
            System.out.printf("  %d of %d calls failed%n", failures[0], total);
        }
        return histogram;
    }

    static void print(String name, Histogram h) {
        System.out.printf("%-28s %10.3f %10.3f %10.3f %10.3f%n", name, ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static double ratio(Histogram a, Histogram b, double p) {
        return (double) a.getValueAtPercentile(p) / Math.max(1, b.getValueAtPercentile(p));
    }
}
