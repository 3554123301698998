package dev.rapport.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to run and how hard. Every load is bounded: {@code rate × seconds} calls (at most {@code maxRequests}), then
 * at most {@code drain} to collect the answers. A profile sets the defaults (quick, default, soak); options override.
 */
public record BenchOptions(String profile, List<Double> rates, Duration stageDuration, Duration baselineDuration,
                           Duration warmup, Duration drain, double actionRate, double lookupRate, double dataActionRate,
                           int maxRequests, Set<String> stages, boolean fresh, boolean keepRunning, URI gateway,
                           URI datatable, URI action, String kafka, String jdbc, int echoPort, Path root, Path out,
                           int designerComponents, URI ui, Map<String, URI> management, double targetRate,
                           double heapFlatMbPerMinute, int settleSeconds, int routingAgents, double routingRate,
                           int ivrBatch) {

    /** What runs by default. */
    public static final Set<String> ALL_STAGES = Set.of("screenpop", "action", "lookup", "dataaction");
    /**
     * Also known, only when asked for: "designer" (the script designer in headless Chromium) and "routing" (built-in
     * routing to the demo's bench agents, which a system configured before them lacks).
     */
    public static final Set<String> KNOWN_STAGES = Set.of("screenpop", "action", "lookup", "dataaction", "designer",
            "routing");
    /** The gateway's demo profile defines bench-agent-1 to bench-agent-8. */
    public static final int MAX_ROUTING_AGENTS = 8;

    /** The services, by the name of their pid file, and where their health and metrics answer today. */
    private static final List<String> MANAGEMENT_DEFAULTS = List.of("gateway=http://127.0.0.1:9080",
            "datatable-service=http://127.0.0.1:9081", "script-service=http://127.0.0.1:9082",
            "action-service=http://127.0.0.1:9083");

    public static final String USAGE = """
            Usage: ./rapport bench [options]
              --profile default       quick:   screen pop at 100,1000/s for 5 s each and the agent action (~3 min)
                                      default: screen pop at 100,500,1000/s for 10 s each, then the agent action,
                                               lookup and data action stages (~6-9 min with the start)
                                      soak:    screen pop only, 10 minutes at one rate: --rates N, else the highest
                                               rate the previous run (--out) sustained, else 1000 (~12 min)
              --rates 100,500,1000    screen-pop arrival rates, new interactions per second
              --seconds 10            seconds of load per rate (screen pop) and per side (agent action)
              --baseline-seconds 5    seconds of the raw Kafka round trip per rate (at the same rate)
              --warmup-seconds 3      unrecorded load before each stage
              --drain-seconds 20      how long to wait for answers after the last call
              --settle-seconds 30     at most this long for the stack to go quiet between measurements
              --target-rate 1000      the rate the targets (PASS/FAIL lines) are checked at
              --heap-flat 1.0         a heap that grows less than this many MB a minute is flat
              --management-urls gateway=http://127.0.0.1:9080,...   each service's health and metrics base URL
                                      (default the service's own port; env RAPPORT_MANAGEMENT_URLS)
              --action-rate 10        agent action round trips per second
              --lookup-rate 100       data table lookups per second (each path, 5 s)
              --data-action-rate 50   data action executions per second (each path, 5 s)
              --max-requests N        cap on any one measurement's calls (default: the highest rate × seconds,
                                      at least 20000)
              --stages screenpop,action,lookup,dataaction   which stages (default these four)
                                      add "designer" for the script designer in headless Chromium (/usr/bin/chromium)
                                      add "routing" for built-in routing: calls into a queue of --routing-agents
                                      agents, each offer answered by the bench as the agent and the call ended
              --designer-components 300   size of the script the designer stage opens and edits
              --routing-agents 4      agents (bench-agent-1..N of the demo, at most 8) in the routing stage's queue
              --routing-rate 20       calls per second into the routing stage's queue
              --ivr-batch 200         IVR events the simulated IVR connector gathers into one POST (within 5 ms),
                                      as an IVR platform's connector does; 1: one POST per event
              --ui-url URL            where the designer stage loads the web app (default the gateway; e.g. a
                                      vite dev server on 127.0.0.1:5173 to measure unbuilt changes)
              --fresh                 stop a running system and start it again with ./rapport up --detach (timed)
              --keep-running          leave a system the bench started running
              --echo-port 18099       the bench's loopback server for the data action stage
              --out bench/target      where bench-results.json and .md go
            Environment: RAPPORT_GATEWAY_URL, RAPPORT_DATATABLE_URL, RAPPORT_ACTION_URL, KAFKA_BOOTSTRAP_SERVERS,
            RAPPORT_BENCH_JDBC_URL (default jdbc:postgresql://127.0.0.1:15432/datatable, user rapport/rapport).
            """;

    public static BenchOptions parse(String[] args, java.util.Map<String, String> env) {
        String profile = "default";
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--profile")) {
                profile = args[i + 1];
            }
        }
        if (!List.of("quick", "default", "soak").contains(profile)) {
            throw new UsageException("unknown profile " + profile + " (quick, default or soak)");
        }
        List<Double> rates = profile.equals("quick") ? List.of(100.0, 1000.0) : List.of(100.0, 500.0, 1000.0);
        int seconds = switch (profile) {
            case "quick" -> 5;
            case "soak" -> 600;
            default -> 10;
        };
        int baseline = profile.equals("soak") ? 10 : 5, warmup = profile.equals("quick") ? 2 : 3;
        int drain = profile.equals("quick") ? 15 : 20, max = -1, echo = 18099, designer = 300, settle = 30;
        int routingAgents = 4, ivrBatch = 200;
        double routingRate = 20;
        String ui = null;
        double actionRate = 10, lookupRate = 100, dataActionRate = 50, targetRate = 1000, heapFlat = 1.0;
        Set<String> stages = switch (profile) {
            case "quick" -> Set.of("screenpop", "action");
            case "soak" -> Set.of("screenpop");
            default -> ALL_STAGES;
        };
        boolean fresh = false, keep = false, ratesGiven = false;
        String management = env.getOrDefault("RAPPORT_MANAGEMENT_URLS", "");
        Path root = Path.of(env.getOrDefault("RAPPORT_ROOT", ".")).toAbsolutePath().normalize();
        Path out = root.resolve("bench/target");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--fresh" -> fresh = true;
                case "--keep-running" -> keep = true;
                case "-h", "--help" -> throw new UsageException("");
                default -> {
                    if (i + 1 >= args.length) {
                        throw new UsageException(a + " needs a value");
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--profile" -> { } // read above
                        case "--rates" -> {
                            rates = Arrays.stream(v.split(",")).map(String::trim).map(Double::parseDouble).toList();
                            ratesGiven = true;
                        }
                        case "--settle-seconds" -> settle = Integer.parseInt(v);
                        case "--target-rate" -> targetRate = Double.parseDouble(v);
                        case "--heap-flat" -> heapFlat = Double.parseDouble(v);
                        case "--management-urls" -> management = v;
                        case "--seconds" -> seconds = positive(a, v);
                        case "--baseline-seconds" -> baseline = positive(a, v);
                        case "--warmup-seconds" -> warmup = Integer.parseInt(v);
                        case "--drain-seconds" -> drain = positive(a, v);
                        case "--action-rate" -> actionRate = Double.parseDouble(v);
                        case "--lookup-rate" -> lookupRate = Double.parseDouble(v);
                        case "--data-action-rate" -> dataActionRate = Double.parseDouble(v);
                        case "--max-requests" -> max = positive(a, v);
                        case "--echo-port" -> echo = positive(a, v);
                        case "--designer-components" -> designer = positive(a, v);
                        case "--routing-agents" -> routingAgents = positive(a, v);
                        case "--routing-rate" -> routingRate = Double.parseDouble(v);
                        case "--ivr-batch" -> ivrBatch = positive(a, v);
                        case "--ui-url" -> ui = v;
                        case "--out" -> out = Path.of(v).toAbsolutePath();
                        case "--stages" -> stages = Set.copyOf(Arrays.stream(v.split(",")).map(String::trim).toList());
                        default -> throw new UsageException("unknown option " + a);
                    }
                }
            }
        }
        if (profile.equals("soak") && !ratesGiven) {
            rates = List.of(soakRate(out.resolve("bench-results.json"), targetRate));
        } else if (profile.equals("soak") && rates.size() > 1) {
            rates = List.of(rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        }
        if (rates.isEmpty() || rates.stream().anyMatch(r -> !(r > 0))) {
            throw new UsageException("--rates wants positive numbers, e.g. 50,200,500,1000");
        }
        for (String s : stages) {
            if (!KNOWN_STAGES.contains(s)) {
                throw new UsageException("unknown stage " + s + " (one of " + KNOWN_STAGES + ")");
            }
        }
        if (routingAgents > MAX_ROUTING_AGENTS) {
            throw new UsageException("--routing-agents is at most " + MAX_ROUTING_AGENTS + " (the demo's bench-agent-1.."
                    + MAX_ROUTING_AGENTS + ")");
        }
        if (ivrBatch > 500) {
            throw new UsageException("--ivr-batch is at most 500 (the gateway's rapport.gateway.limits.batch-events)");
        }
        if (!(routingRate > 0)) {
            throw new UsageException("--routing-rate must be positive");
        }
        if (max < 0) {
            // enough for every rate's whole duration; the soak's 10 minutes at 1,000/s included
            max = (int) Math.max(20_000, Math.ceil(rates.stream().mapToDouble(Double::doubleValue).max().orElse(0) * seconds) + 1);
        }
        URI gateway = loopback(env, "RAPPORT_GATEWAY_URL", "http://127.0.0.1:8080");
        return new BenchOptions(profile, rates, Duration.ofSeconds(seconds), Duration.ofSeconds(baseline),
                Duration.ofSeconds(warmup), Duration.ofSeconds(drain), actionRate, lookupRate, dataActionRate, max,
                stages, fresh, keep, gateway,
                loopback(env, "RAPPORT_DATATABLE_URL", "http://127.0.0.1:8081"),
                loopback(env, "RAPPORT_ACTION_URL", "http://127.0.0.1:8083"),
                env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"),
                env.getOrDefault("RAPPORT_BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/datatable"),
                echo, root, out, designer,
                ui == null ? gateway : loopback(Map.of("--ui-url", ui), "--ui-url", ui), management(management),
                targetRate, heapFlat, settle, routingAgents, routingRate, ivrBatch);
    }

    /**
     * Each service's health and metrics base URL: the defaults (the service's own port), with those named in
     * {@code spec} ({@code name=url,...}) replaced, e.g. when /q/metrics moves to a management port.
     */
    static Map<String, URI> management(String spec) {
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        MANAGEMENT_DEFAULTS.forEach(d -> urls.put(d.substring(0, d.indexOf('=')), d.substring(d.indexOf('=') + 1)));
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? "" : pair.substring(0, eq).trim();
            if (!urls.containsKey(name)) {
                throw new UsageException("--management-urls wants service=url pairs, services " + urls.keySet()
                        + ", not " + pair.trim());
            }
            urls.put(name, pair.substring(eq + 1).trim());
        }
        Map<String, URI> out = new java.util.LinkedHashMap<>();
        urls.forEach((name, url) -> out.put(name, loopback(Map.of(name, url), name, url)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The soak's rate: the highest the previous run sustained, else {@code fallback}. */
    static double soakRate(Path previousResults, double fallback) {
        try {
            if (java.nio.file.Files.exists(previousResults)) {
                return dev.rapport.bench.report.Targets.highestSustained(
                        dev.rapport.bench.report.JsonReport.read(previousResults)).orElse(fallback);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // an unreadable previous run: the fallback
        }
        return fallback;
    }

    /** The base URL of a service's health and metrics. */
    public URI managementOf(String service) {
        return management.get(service);
    }

    /** The highest screen-pop rate: where memory is sampled. */
    public double highestRate() {
        return rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static URI loopback(java.util.Map<String, String> env, String name, String fallback) {
        URI uri = URI.create(env.getOrDefault(name, fallback));
        String host = uri.getHost();
        // The benchmark measures the machine against itself; load on another host would measure the network too.
        if (!("127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host))) {
            throw new UsageException(name + " must be a loopback address (127.0.0.1), not " + uri);
        }
        return uri;
    }

    private static int positive(String option, String v) {
        int n = Integer.parseInt(v);
        if (n <= 0) {
            throw new UsageException(option + " must be positive");
        }
        return n;
    }

    public static final class UsageException extends IllegalArgumentException {
        public UsageException(String message) {
            super(message);
        }
    }
}
