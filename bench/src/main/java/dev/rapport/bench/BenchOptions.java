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
 * at most {@code drain} to collect the answers. Defaults make the short profile (under 5 minutes with the start).
 */
public record BenchOptions(List<Double> rates, Duration stageDuration, Duration baselineDuration, Duration warmup,
                           Duration drain, double actionRate, double lookupRate, double dataActionRate, int maxRequests,
                           Set<String> stages, boolean fresh, boolean keepRunning, URI gateway, URI datatable,
                           URI action, String kafka, String jdbc, int echoPort, Path root, Path out,
                           int designerComponents, URI ui) {

    /** What runs by default. */
    public static final Set<String> ALL_STAGES = Set.of("screenpop", "action", "lookup", "dataaction");
    /** Also known: "designer" (the script designer in headless Chromium), only when asked for. */
    public static final Set<String> KNOWN_STAGES = Set.of("screenpop", "action", "lookup", "dataaction", "designer");

    public static final String USAGE = """
            Usage: ./rapport bench [options]
              --rates 20,50,100       screen-pop arrival rates, new interactions per second (default 20,50,100)
              --seconds 10            seconds of load per rate (screen pop) and per side (agent action)
              --baseline-seconds 5    seconds of the raw Kafka round trip per rate
              --warmup-seconds 3      unrecorded load before each stage
              --drain-seconds 20      how long to wait for answers after the last call
              --action-rate 10        agent action round trips per second
              --lookup-rate 100       data table lookups per second (each path, 5 s)
              --data-action-rate 50   data action executions per second (each path, 5 s)
              --max-requests 20000    cap on any one measurement's calls
              --stages screenpop,action,lookup,dataaction   which stages (default these four)
                                      add "designer" for the script designer in headless Chromium (/usr/bin/chromium)
              --designer-components 300   size of the script the designer stage opens and edits
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
        List<Double> rates = List.of(20.0, 50.0, 100.0);
        int seconds = 10, baseline = 5, warmup = 3, drain = 20, max = 20_000, echo = 18099, designer = 300;
        String ui = null;
        double actionRate = 10, lookupRate = 100, dataActionRate = 50;
        Set<String> stages = ALL_STAGES;
        boolean fresh = false, keep = false;
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
                        case "--rates" -> rates = Arrays.stream(v.split(",")).map(String::trim).map(Double::parseDouble).toList();
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
                        case "--ui-url" -> ui = v;
                        case "--out" -> out = Path.of(v).toAbsolutePath();
                        case "--stages" -> stages = Set.copyOf(Arrays.stream(v.split(",")).map(String::trim).toList());
                        default -> throw new UsageException("unknown option " + a);
                    }
                }
            }
        }
        if (rates.isEmpty() || rates.stream().anyMatch(r -> !(r > 0))) {
            throw new UsageException("--rates wants positive numbers, e.g. 50,200,500,1000");
        }
        for (String s : stages) {
            if (!KNOWN_STAGES.contains(s)) {
                throw new UsageException("unknown stage " + s + " (one of " + KNOWN_STAGES + ")");
            }
        }
        URI gateway = loopback(env, "RAPPORT_GATEWAY_URL", "http://127.0.0.1:8080");
        return new BenchOptions(rates, Duration.ofSeconds(seconds), Duration.ofSeconds(baseline),
                Duration.ofSeconds(warmup), Duration.ofSeconds(drain), actionRate, lookupRate, dataActionRate, max,
                stages, fresh, keep, gateway,
                loopback(env, "RAPPORT_DATATABLE_URL", "http://127.0.0.1:8081"),
                loopback(env, "RAPPORT_ACTION_URL", "http://127.0.0.1:8083"),
                env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"),
                env.getOrDefault("RAPPORT_BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/datatable"),
                echo, root, out, designer,
                ui == null ? gateway : loopback(Map.of("--ui-url", ui), "--ui-url", ui));
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
