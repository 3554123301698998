package dev.rapport.bench.stages;

import dev.rapport.bench.client.HopProbe;
import dev.rapport.bench.client.HopTable;
import dev.rapport.bench.client.SessionStream;
import dev.rapport.bench.load.LastError;
import dev.rapport.bench.load.Latencies;
import dev.rapport.bench.load.OpenLoop;
import dev.rapport.bench.load.Summary;
import dev.rapport.bench.report.BenchResults;
import dev.rapport.bench.report.Targets;
import dev.rapport.bench.system.CpuMeter;
import dev.rapport.bench.system.PgStatements;
import dev.rapport.bench.system.StatementStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stage 1: simulated IVR calls (started, then connected to alex, then ended once the screen pop arrived) through the
 * gateway at each rate; latency from the intended send time of {@code started} to the supervisor's stream receiving
 * (a) the interaction's first session and (b) its first session with a script (the screen pop, after the flow's data
 * table lookup). Baseline at each rate: the raw Kafka round trip at the same rate. Per-hop times from the topics'
 * record timestamps (not in the soak: it would hold every call's times). CPU per call over the steady window (the
 * load after its first fifth), for the stack and for the generator. At the highest rate, PostgreSQL's statements and
 * commits per call, per database, from before its first call until its backlog settled.
 */
public final class ScreenPopStage {
    static final String STAGE = Targets.SCREEN_POP_STAGE;
    /** The two-hop screen pop: script-service reads the flow's lookup itself (no action-requests/results hop). */
    private static final List<String> POP = List.of("IVR sends started (intended)", "interactions: started",
            "sessions: with script", "SSE: screen pop received");
    private static final List<String> FIRST = List.of("IVR sends started (intended)", "interactions: started",
            "sessions: first", "SSE: first session received");
    private final Context ctx;

    public ScreenPopStage(Context ctx) {
        this.ctx = ctx;
    }

    /** One interaction in flight: its due time, when its first session and its screen pop arrived. */
    static final class Call {
        final long due;
        volatile long first;
        volatile long popped;
        volatile boolean failed;
        volatile boolean ended;

        Call(long due) {
            this.due = due;
        }
    }

    public void run() throws Exception {
        String bootstrap = ctx.options().kafka();
        boolean soak = ctx.options().profile().equals("soak");
        try (KafkaRoundTrip kafka = new KafkaRoundTrip(bootstrap);
             HopProbe probe = soak ? null : new HopProbe(bootstrap, List.of(
                     new HopProbe.Mark("interactions", "interactions", null),
                     new HopProbe.Mark("sessions with script", "sessions", v -> v != null && v.contains("\"script\":{")),
                     new HopProbe.Mark("sessions first", "sessions", null)));
             StatementStats statements = StatementStats.open(ctx.options().jdbc(), "rapport", "rapport")) {
            ctx.say("stage 1: screen pop, warm-up " + ctx.options().warmup().toSeconds() + " s");
            calls("warm-up", OpenLoop.Plan.of(10, ctx.options().warmup(), 1000), null, false);
            kafka.run("warm-up", OpenLoop.Plan.of(10, ctx.options().warmup(), 1000), ctx.options().drain());
            double highest = ctx.options().highestRate();
            for (double rate : ctx.options().rates()) {
                OpenLoop.Plan plan = OpenLoop.Plan.of(rate, ctx.options().stageDuration(), ctx.options().maxRequests());
                boolean top = rate == highest;
                ctx.settle();
                ctx.say(String.format("stage 1: %s interactions at %s/s", plan.count(), rate));
                if (top && ctx.memory() != null) {
                    ctx.memory().startPeak();
                }
                Optional<PgStatements.Snapshot> before = top ? statements.snapshot() : Optional.empty();
                Summary[] pop = calls("IVR started → SSE", plan, probe, true);
                if (top && ctx.memory() != null) {
                    ctx.memory().stopPeak();
                }
                ctx.settle();
                List<BenchResults.DatabaseWork> work = top ? statements.since(before, STAGE, pop[1], ctx.results()) : List.of();
                OpenLoop.Plan basePlan = OpenLoop.Plan.of(rate, ctx.options().baselineDuration(), ctx.options().maxRequests());
                Summary base = kafka.run("Kafka produce → consume (baseline)", basePlan, ctx.options().drain());
                ctx.results().add(STAGE, "first session on the agent stream", pop[0]);
                ctx.results().add(STAGE, Targets.SCREEN_POP, pop[1]);
                if (pop[2] != null) {
                    ctx.results().add(STAGE, "screen pop published on the sessions topic (record timestamp)", pop[2]);
                }
                ctx.results().add(STAGE, Targets.KAFKA_BASELINE, base);
                ctx.results().compare(STAGE, pop[0], base);
                ctx.results().compare(STAGE, pop[1], base);
                print(pop[0]);
                print(pop[1]);
                if (pop[2] != null) {
                    print(pop[2]);
                }
                print(base);
                ctx.results().cpu.stream().filter(c -> c.stage().equals(STAGE) && c.rate() == rate)
                        .forEach(ScreenPopStage::print);
                work.forEach(ScreenPopStage::print);
            }
        }
    }

    /** Places {@code plan}'s calls; answers [first session, screen pop, screen pop published] summaries, or null when not recording. */
    Summary[] calls(String name, OpenLoop.Plan plan, HopProbe probe, boolean record) throws Exception {
        Map<String, Call> calls = new ConcurrentHashMap<>();
        Latencies first = new Latencies(name + " first session");
        Latencies popped = new Latencies(name + " screen pop");
        CountDownLatch done = new CountDownLatch(plan.count());
        SessionStream.Listener listener = event -> {
            String id = event.interactionId();
            Call c = id == null ? null : calls.get(id);
            if (c == null) {
                return;
            }
            if (c.first == 0) {
                c.first = event.receivedNanos();
                first.record(c.due, c.first);
            }
            // A string check, not a parse: the stream thread must keep up with every session of every rate.
            if (c.popped == 0 && event.data().contains("\"script\":{")) {
                c.popped = event.receivedNanos();
                popped.record(c.due, c.popped);
                done.countDown();
                // the IVR hangs up once the agent has the screen pop: each call is started, connected and ended
                c.ended = true;
                Calls.send(ctx, Calls.ended(id)).whenComplete((ok, error) -> {
                    if (error != null) {
                        LastError.note("IVR ended", error);
                    }
                });
                if (probe == null) {
                    calls.remove(id); // nothing more to learn from it; the soak would otherwise hold every call
                }
            }
        };
        ctx.stream().listen(listener);
        long steadyFrom = Math.max(1_000_000_000L, plan.duration().toNanos() / 5);
        CompletableFuture<CpuMeter.Window> window = null;
        try {
            long start = System.nanoTime();
            if (record && ctx.cpu() != null && steadyFrom < plan.duration().toNanos()) {
                window = ctx.cpu().between(start + steadyFrom, start + plan.duration().toNanos());
            }
            OpenLoop.Fired fired = OpenLoop.run(plan, (i, due) -> {
                String id = UUID.randomUUID().toString();
                Call call = new Call(due);
                calls.put(id, call);
                if (probe != null) {
                    probe.arm(id, (long) Context.wallMillis(due) - 2);
                }
                Calls.send(ctx, Calls.started(id, Context.ANI))
                        .thenCompose(ok -> Calls.send(ctx, Calls.connected(id)))
                        .whenComplete((ok, error) -> {
                            if (error != null && !call.failed) {
                                call.failed = true;
                                first.error();
                                popped.error();
                                LastError.note("IVR events", error);
                                if (call.popped == 0) {
                                    done.countDown();
                                }
                            }
                        });
            });
            if (window != null) {
                long inWindow = plan.count() - (long) Math.ceil(steadyFrom * plan.rate() / 1e9);
                CpuMeter.Window w = window.get(steadyFrom + 30_000_000_000L, TimeUnit.NANOSECONDS);
                ctx.results().cpu.add(new BenchResults.CpuPerCall(STAGE, plan.rate(), inWindow, w.wallSeconds(),
                        w.stackSeconds(), w.generatorSeconds(), w.cores(), fired.count(), fired.late(),
                        fired.maxLagNanos() / 1e6));
            }
            done.await(ctx.options().drain().toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            ctx.stream().unlisten(listener);
        }
        if (!record) {
            Calls.end(ctx, unended(calls));
            return null;
        }
        Summary[] out = {first.summarize(plan.count(), plan.rate()), popped.summarize(plan.count(), plan.rate()), null};
        List<String> lost = calls.entrySet().stream().filter(e -> e.getValue().popped == 0 && !e.getValue().failed)
                .map(Map.Entry::getKey).limit(3).toList();
        for (String id : lost) {
            Timelines.fetch(ctx, STAGE + " at " + plan.rate() + "/s, no screen pop on the stream", id);
        }
        if (!lost.isEmpty()) {
            long onKafka = probe == null ? 0 : calls.entrySet().stream().filter(e -> e.getValue().popped == 0
                    && !e.getValue().failed && probe.times(e.getKey()) != null && probe.times(e.getKey())[1] >= 0).count();
            ctx.results().note(STAGE + " at " + plan.rate() + "/s: " + out[1].missing() + " screen pops did not reach the "
                    + "stream within " + ctx.options().drain().toSeconds() + " s of the last call (" + onKafka + " of them "
                    + "were on the sessions topic, published by script-service" + (probe == null ? ", not watched in the soak" : "")
                    + "); the timelines of up to 3 are in bench-results.json");
        }
        if (probe != null) {
            List<double[]> pops = new ArrayList<>();
            Latencies published = new Latencies(name + " published on sessions");
            List<double[]> firsts = new ArrayList<>();
            String sample = null;
            for (Map.Entry<String, Call> e : calls.entrySet()) {
                Call c = e.getValue();
                long[] t = probe.times(e.getKey());
                if (t == null) {
                    continue;
                }
                double sent = Context.wallMillis(c.due);
                if (t[1] >= 0) {
                    published.record(c.due, c.due + (long) ((t[1] - sent) * 1e6));
                }
                firsts.add(new double[] {sent, t[0], t[2], c.first != 0 ? Context.wallMillis(c.first) : -1});
                pops.add(new double[] {sent, t[0], t[1], c.popped != 0 ? Context.wallMillis(c.popped) : -1});
                if (c.popped != 0 || sample == null) {
                    sample = e.getKey();
                }
            }
            out[2] = published.summarize(plan.count(), plan.rate());
            ctx.results().hops.addAll(HopTable.hops(STAGE + ": first session", plan.rate(), FIRST, firsts));
            ctx.results().hops.addAll(HopTable.hops(STAGE + ": screen pop", plan.rate(), POP, pops));
            if (sample != null) {
                Timelines.fetch(ctx, STAGE + " at " + plan.rate() + "/s", sample);
            }
        }
        Calls.end(ctx, unended(calls));
        return out;
    }

    private static List<String> unended(Map<String, Call> calls) {
        return calls.entrySet().stream().filter(e -> !e.getValue().ended).map(Map.Entry::getKey).toList();
    }

    static void print(BenchResults.CpuPerCall c) {
        System.out.printf(java.util.Locale.ROOT, "  %-52s stack %.2f ms/call (%.2f cores), generator %.2f ms/call (%.0f%% of the "
                        + "machine), late sends %d of %d, max lag %.1f ms%n", "CPU over the steady window (" + c.calls() + " calls)",
                c.stackMsPerCall(), c.stackCores(), c.generatorMsPerCall(), c.generatorShare() * 100, c.late(), c.sent(),
                c.maxLagMs());
    }

    static void print(BenchResults.DatabaseWork w) {
        System.out.printf(java.util.Locale.ROOT, "  %-52s %.1f statements, %.1f commits, %.2f ms of statements per call%n",
                "PostgreSQL, database " + w.database(), w.statementsPerCall(), w.commitsPerCall(), w.statementMsPerCall());
    }

    static void print(Summary s) {
        System.out.printf("  %-52s sent %5d ok %5d err %4d lost %4d  p50 %8.2f  p95 %8.2f  p99 %8.2f  max %8.2f ms  %.1f/s%n",
                s.name(), s.sent(), s.completed(), s.errors(), s.missing(), s.p50(), s.p95(), s.p99(), s.max(), s.throughput());
    }
}
