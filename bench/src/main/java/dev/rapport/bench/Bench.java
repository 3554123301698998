package dev.rapport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.bench.client.IvrLink;
import dev.rapport.bench.client.RapportApi;
import dev.rapport.bench.client.SessionStream;
import dev.rapport.bench.report.BenchResults;
import dev.rapport.bench.report.JsonReport;
import dev.rapport.bench.report.Targets;
import dev.rapport.bench.stages.AgentActionStage;
import dev.rapport.bench.stages.Calls;
import dev.rapport.bench.stages.Context;
import dev.rapport.bench.stages.DataActionStage;
import dev.rapport.bench.stages.DesignerStage;
import dev.rapport.bench.stages.LookupStage;
import dev.rapport.bench.stages.RoutingStage;
import dev.rapport.bench.stages.ScreenPopStage;
import dev.rapport.bench.system.CpuMeter;
import dev.rapport.bench.system.Machine;
import dev.rapport.bench.system.MemoryWatch;
import dev.rapport.bench.system.ProcessMemory;
import dev.rapport.bench.system.RunWatch;
import dev.rapport.bench.system.SystemControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code ./rapport bench}: uses the running system (or starts it with ./rapport up --detach), runs the stages, writes
 * bench-results.json and bench-results.md and prints the table. A stage that fails is noted and the others run.
 */
public final class Bench {
    private static final String TABLE = "Health Client Services";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, System.getenv());
        } catch (BenchOptions.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("bench: " + e.getMessage());
            }
            (e.getMessage().isEmpty() ? System.out : System.err).print(BenchOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        System.exit(run(options, args));
    }

    static int run(BenchOptions options, String[] args) throws Exception {
        BenchResults results = new BenchResults();
        results.startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        results.command = ("./rapport bench " + String.join(" ", args)).trim();
        results.profile = options.profile();
        System.out.println("bench: profile " + options.profile() + ", screen pop at " + options.rates() + "/s for "
                + options.stageDuration().toSeconds() + " s each, stages " + options.stages());
        double loadBefore = Machine.loadAverage();
        int scriptServices = Machine.instancesOf(options.root(), "script-service");
        SystemControl system = new SystemControl(options.root(), options.management().values());
        boolean startedHere = start(options, system, results);
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        try (SessionStream stream = new SessionStream()) {
            RapportApi api = new RapportApi(options.gateway(), pool);
            Context.Tokens tokens = new Context.Tokens(api.token("client_credentials", "ivr", "ivr-secret"),
                    api.token("password", "admin", "admin"), api.token("password", "alex", "alex"));
            String tableId = tableId(api, tokens.admin());
            stream.open(api.http(), options.gateway(), tokens.admin());
            MemoryWatch memory = new MemoryWatch(new ProcessMemory(options.root()));
            Thread.sleep(2000); // let the stream's snapshot pass; the system is idle
            memory.sampleIdle();
            RunWatch watch = new RunWatch(options.management(), new ProcessMemory(options.root()), Duration.ofSeconds(5));
            IvrLink ivr = new IvrLink(api, tokens.ivr(), options.ivrBatch());
            results.ivrBatch = options.ivrBatch();
            Context ctx = new Context(options, api, tokens, stream, tableId, results, memory, new CpuMeter(options.root()),
                    ivr);
            Calls.endLeftovers(ctx);
            stage(options, "screenpop", results, () -> new ScreenPopStage(ctx).run());
            stage(options, "action", results, () -> new AgentActionStage(ctx).run());
            stage(options, "lookup", results, () -> new LookupStage(ctx).run());
            stage(options, "dataaction", results, () -> new DataActionStage(ctx).run());
            stage(options, "designer", results, () -> new DesignerStage(ctx).run());
            stage(options, "routing", results, () -> new RoutingStage(ctx).run());
            memory.report(results);
            watch.report(results, options.heapFlatMbPerMinute());
            results.targets.addAll(Targets.evaluate(results, Targets.Limits.DEFAULT.atRate(options.targetRate())));
            if (!stream.disconnects().isEmpty()) {
                results.note("The gateway ended the agent stream " + stream.disconnects().size() + " time(s) during the run "
                        + "(at " + String.join(", ", stream.disconnects()) + "); the bench reconnected with Last-Event-ID "
                        + "as the agent page does. Updates sent while it was down were not received (the reconnection "
                        + "brings the latest state of each session): they count as late or lost above.");
            }
        } finally {
            pool.shutdownNow();
            results.machine = Machine.describe(loadBefore);
            results.scriptServiceInstances = scriptServices;
            results.finishedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            String md = JsonReport.write(results, options.out());
            System.out.println();
            System.out.println(md);
            if (!results.targets.isEmpty()) {
                System.out.println("Targets (each against its baseline, same run, same rate):");
                System.out.print(Targets.render(results.targets));
                System.out.println();
            }
            System.out.println("bench: wrote " + options.out().resolve("bench-results.json") + " and bench-results.md");
            if (startedHere && !options.keepRunning()) {
                System.out.println("bench: stopping the system it started (--keep-running leaves it up)");
                system.down();
            }
        }
        return 0;
    }

    /**
     * The system must be healthy; ./rapport bench started it (RAPPORT_BENCH_STARTED=true, its output in
     * RAPPORT_BENCH_UP_LOG) or it was running. True when the bench started it.
     */
    private static boolean start(BenchOptions options, SystemControl system, BenchResults results) throws Exception {
        if (!system.healthy()) {
            throw new IllegalStateException("Rapport is not running (or not healthy): run ./rapport bench, which starts "
                    + "it, or ./rapport up --detach first");
        }
        boolean started = "true".equals(System.getenv("RAPPORT_BENCH_STARTED"));
        String log = System.getenv("RAPPORT_BENCH_UP_LOG");
        if (started && log != null && Files.exists(Path.of(log))) {
            results.startup = SystemControl.startupFromLog(Files.readString(Path.of(log)));
        } else {
            results.note("The system was already running: the start was not timed (./rapport bench --fresh restarts "
                    + "and times it). Memory at idle is after whatever ran before.");
        }
        return started;
    }

    private static String tableId(RapportApi api, String admin) throws Exception {
        for (JsonNode t : api.get("/api/v2/flows/datatables?name=" + RapportApi.enc(TABLE), admin).path("entities")) {
            if (TABLE.equals(t.path("name").asText())) {
                return t.path("id").asText();
            }
        }
        throw new IllegalStateException("the demo's table '" + TABLE + "' is missing: load the demo with ./rapport demo");
    }

    private interface Stage {
        void run() throws Exception;
    }

    private static void stage(BenchOptions options, String name, BenchResults results, Stage stage) {
        if (!options.stages().contains(name)) {
            return;
        }
        try {
            stage.run();
        } catch (Exception | AssertionError e) {
            results.note("stage " + name + " failed: " + e);
            System.out.println("  ! stage " + name + " failed: " + e);
        }
    }
}
