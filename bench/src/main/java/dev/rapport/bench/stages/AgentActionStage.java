package dev.rapport.bench.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.bench.client.HopProbe;
import dev.rapport.bench.client.HopTable;
import dev.rapport.bench.client.RapportApi;
import dev.rapport.bench.client.SessionStream;
import dev.rapport.bench.load.LastError;
import dev.rapport.bench.load.Latencies;
import dev.rapport.bench.load.Measure;
import dev.rapport.bench.load.OpenLoop;
import dev.rapport.bench.load.Summary;
import dev.rapport.bench.report.Targets;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stage 2: the agent's round trip. On interactions screen-popped for alex: setVariable CaseStatus, click Submit, until
 * the session version with the alert "Case Updated Successfully" reaches the stream (script-service runs the custom
 * action, action-service runs the workshop's data action, which PUTs the row in datatable-service through the
 * gateway). Baselines: the same row PUT straight to datatable-service, and through the gateway.
 */
public final class AgentActionStage {
    static final String STAGE = Targets.ACTION_STAGE;
    static final String ALERT = "Case Updated Successfully";
    private static final List<String> POINTS = List.of("agent clicks (intended)", "agent-commands: click",
            "action-requests: data action", "action-results: data action", "sessions: with the alert",
            "SSE: alert received");
    private final Context ctx;

    public AgentActionStage(Context ctx) {
        this.ctx = ctx;
    }

    public void run() throws Exception {
        double rate = ctx.options().actionRate();
        OpenLoop.Plan plan = OpenLoop.Plan.of(rate, ctx.options().stageDuration(), ctx.options().maxRequests());
        OpenLoop.Plan warm = OpenLoop.Plan.of(Math.min(rate, 5), ctx.options().warmup(), 100);
        int n = plan.count() + warm.count();
        // One caller (and row) per call, as in life: a row change refreshes every open session that looked it up.
        // A few spare calls, so that one screen pop lost on the way does not stop the stage (it is reported).
        List<String> callers = new ArrayList<>();
        for (int i = 0; i < n + n / 10 + 2; i++) {
            callers.add(String.format("rapport-bench-%04d", i));
        }
        String rows = "/api/v2/flows/datatables/" + ctx.tableId() + "/rows/";
        URI direct = ctx.options().datatable().resolve(rows);
        JsonNode template = ctx.api().call("GET", direct.resolve(Context.ANI + "?showbrief=false"), ctx.tokens().admin(), null);
        List<String> pool = List.of();
        try {
            ctx.say("stage 2: agent action, " + callers.size() + " callers (rows " + callers.get(0) + "...) screen-popped for alex first");
            for (String caller : callers) {
                putRow(direct, template, caller, "Open");
            }
            pool = screenPopped(callers);
            if (pool.size() < callers.size()) {
                ctx.results().note(STAGE + ": " + (callers.size() - pool.size()) + " of " + callers.size()
                        + " calls placed for the stage were not screen-popped within the drain time");
            }
            if (pool.size() < n) {
                ctx.results().note(STAGE + ": only " + pool.size() + " of " + n + " calls were screen-popped; not run");
                return;
            }
            try (HopProbe probe = new HopProbe(ctx.options().kafka(), List.of(
                    new HopProbe.Mark("agent-commands click", "agent-commands", v -> v.contains("\"click\"")),
                    new HopProbe.Mark("action-requests", "action-requests", null),
                    new HopProbe.Mark("action-results", "action-results", null),
                    new HopProbe.Mark("sessions with alert", "sessions", v -> v.contains(ALERT) && v.contains("\"alerts\":["))))) {
                roundTrips("warm-up", warm, pool.subList(0, warm.count()), null);
                Summary subject = roundTrips("click Submit → session with the alert", plan,
                        pool.subList(warm.count(), n), probe);
                Calls.end(ctx, pool);
                Summary put = Measure.run("row PUT at datatable-service (baseline)", plan, ctx.options().drain(),
                        i -> put(direct, template, callers.get(warm.count() + i), "bench-put-" + i));
                URI viaGateway = ctx.api().gateway().resolve(rows);
                Summary putGateway = Measure.run("row PUT through the gateway", plan, ctx.options().drain(),
                        i -> put(viaGateway, template, callers.get(warm.count() + i), "bench-gw-" + i));
                ctx.results().add(STAGE, Targets.ALERT, subject);
                ctx.results().add(STAGE, Targets.DIRECT_PUT, put);
                ctx.results().add(STAGE, "the same row PUT through the gateway (as the data action does)", putGateway);
                ctx.results().compare(STAGE, subject, put);
                ScreenPopStage.print(subject);
                ScreenPopStage.print(put);
                ScreenPopStage.print(putGateway);
            }
        } finally {
            Calls.end(ctx, pool);
            for (String caller : callers) {
                try {
                    ctx.api().call("DELETE", direct.resolve(caller), ctx.tokens().admin(), null);
                } catch (RapportApi.ApiError e) {
                    // not created
                }
            }
        }
    }

    private CompletableFuture<?> put(URI rows, JsonNode template, String key, String caseStatus) {
        return ctx.api().send(ctx.api().request("PUT", rows.resolve(key), ctx.tokens().admin(), row(template, key, caseStatus)));
    }

    /** Creates the caller's row as a copy of the demo caller's, or resets it when a previous run left it. */
    private void putRow(URI rows, JsonNode template, String key, String caseStatus) throws Exception {
        try {
            String collection = rows.toString().replaceAll("/$", ""); // Genesys creates rows at .../rows
            ctx.api().call("POST", URI.create(collection), ctx.tokens().admin(), row(template, key, caseStatus));
        } catch (RapportApi.ApiError e) {
            if (e.status != 409) {
                throw e;
            }
            ctx.api().call("PUT", rows.resolve(key), ctx.tokens().admin(), row(template, key, caseStatus));
        }
    }

    private static ObjectNode row(JsonNode template, String key, String caseStatus) {
        ObjectNode row = ((ObjectNode) template).deepCopy();
        row.remove("KEY");
        row.put("key", key);
        row.put("CaseStatus", caseStatus);
        return row;
    }

    /** Places a call for each caller (50/s, connected to alex) and answers those screen-popped within the drain time. */
    private List<String> screenPopped(List<String> callers) throws Exception {
        int n = callers.size();
        // bit 1: a state with the script seen, bit 2: a state connected seen (not necessarily the same state: a
        // version can be missing from the stream, see docs/performance.md)
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        List<String> ids = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(n);
        SessionStream.Listener listener = e -> {
            String id = e.interactionId();
            Integer before = id == null ? null : seen.get(id);
            if (before == null || before == 3) {
                return;
            }
            int now = before | (e.data().contains("\"script\":{") ? 1 : 0) | (e.data().contains("\"connected\"") ? 2 : 0);
            seen.put(id, now);
            if (now == 3) {
                done.countDown();
            }
        };
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID().toString());
            seen.put(ids.get(i), 0);
        }
        ctx.stream().listen(listener);
        try {
            Measure.run("placing calls", new OpenLoop.Plan(50, n), ctx.options().drain(), i ->
                    Calls.send(ctx, Calls.started(ids.get(i), callers.get(i)))
                            .thenCompose(ok -> Calls.send(ctx, Calls.connected(ids.get(i)))));
            done.await(ctx.options().drain().toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            ctx.stream().unlisten(listener);
        }
        return ids.stream().filter(id -> seen.get(id) == 3).toList();
    }

    private Summary roundTrips(String name, OpenLoop.Plan plan, List<String> interactions, HopProbe probe) throws Exception {
        Map<String, long[]> pending = new ConcurrentHashMap<>(); // id -> {due, received}
        Latencies latencies = new Latencies(name);
        CountDownLatch done = new CountDownLatch(plan.count());
        SessionStream.Listener listener = e -> {
            String id = e.interactionId();
            long[] p = id == null ? null : pending.get(id);
            if (p == null || p[1] != 0 || !e.data().contains(ALERT) || !hasAlert(e.data())) {
                return;
            }
            p[1] = e.receivedNanos();
            latencies.record(p[0], p[1]);
            done.countDown();
        };
        ctx.stream().listen(listener);
        try {
            OpenLoop.run(plan, (i, due) -> {
                String id = interactions.get(i);
                pending.put(id, new long[] {due, 0});
                if (probe != null) {
                    probe.arm(id, (long) Context.wallMillis(due) - 2);
                }
                URI commands = ctx.api().gateway().resolve("/api/v2/agent/interactions/" + id + "/commands");
                RapportApi api = ctx.api();
                api.send(api.request("POST", commands, ctx.tokens().alex(),
                                Map.of("type", "setVariable", "variable", "CaseStatus", "value", "bench-" + i)))
                        .thenCompose(ok -> api.send(api.request("POST", commands, ctx.tokens().alex(),
                                Map.of("type", "click", "component", "submit"))))
                        .whenComplete((ok, error) -> {
                            if (error != null) {
                                latencies.error();
                                LastError.note("agent commands", error);
                                done.countDown();
                            }
                        });
            });
            done.await(ctx.options().drain().toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            ctx.stream().unlisten(listener);
        }
        Summary published = null;
        if (probe != null) {
            List<double[]> timelines = new ArrayList<>();
            Latencies onKafka = new Latencies(name + " (published on sessions)");
            String sample = null;
            int onKafkaNotStream = 0;
            List<String> lost = new ArrayList<>();
            for (Map.Entry<String, long[]> e : pending.entrySet()) {
                long[] t = probe.times(e.getKey());
                if (t == null) {
                    continue;
                }
                long due = e.getValue()[0];
                double dueWall = Context.wallMillis(due);
                if (t[3] >= 0) {
                    onKafka.record(due, due + (long) ((t[3] - dueWall) * 1e6));
                }
                boolean received = e.getValue()[1] != 0;
                if (!received) {
                    lost.add(e.getKey());
                    onKafkaNotStream += t[3] >= 0 ? 1 : 0;
                } else {
                    sample = e.getKey();
                }
                timelines.add(new double[] {dueWall, t[0], t[1], t[2], t[3], received ? Context.wallMillis(e.getValue()[1]) : -1});
            }
            published = onKafka.summarize(plan.count(), plan.rate());
            ctx.results().hops.addAll(HopTable.hops(STAGE, plan.rate(), POINTS, timelines));
            if (!lost.isEmpty()) {
                ctx.results().note(STAGE + ": " + lost.size() + " alerts did not reach the stream in time; " + onKafkaNotStream
                        + " of them were on the sessions topic (published by script-service) but not received on the "
                        + "agent stream. Timelines of up to 2 are in bench-results.json.");
                lost.stream().limit(2).forEach(id -> Timelines.fetch(ctx, STAGE + ", alert not received", id));
            }
            if (sample != null) {
                Timelines.fetch(ctx, STAGE, sample);
            }
        }
        Summary summary = latencies.summarize(plan.count(), plan.rate());
        if (published != null) {
            ctx.results().add(STAGE, "setVariable + click Submit → session with the alert published on the sessions topic "
                    + "(record timestamp)", published);
            ScreenPopStage.print(published);
        }
        return summary;
    }

    /** The session's alerts (those raised since the previous version) include the workshop's success alert. */
    static boolean hasAlert(String session) {
        try {
            for (JsonNode alert : RapportApi.JSON.readTree(session).path("alerts")) {
                if (ALERT.equals(alert.path("message").asText())) {
                    return true;
                }
            }
        } catch (Exception e) {
            // not JSON: not ours
        }
        return false;
    }
}
