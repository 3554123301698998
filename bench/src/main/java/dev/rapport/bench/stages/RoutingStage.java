package dev.rapport.bench.stages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.bench.client.HopProbe;
import dev.rapport.bench.client.HopTable;
import dev.rapport.bench.client.RapportApi;
import dev.rapport.bench.client.SessionStream;
import dev.rapport.bench.load.LastError;
import dev.rapport.bench.load.OpenLoop;
import dev.rapport.bench.load.Summary;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stage 7 (only with {@code --stages ...,routing}): built-in routing. A queue of its own ({@value #QUEUE}) with
 * {@code --routing-agents} members (the demo's bench-agent-1..N, all set IDLE), a published inbound flow for the DNIS
 * {@value #DNIS} that transfers to it; calls placed at {@code --routing-rate} with {@code started} only. The bench
 * reads each agent's own stream as the desktop does, answers each offer (the agent command {@code answer}, through
 * the gateway) and, once the session is {@code connected}, ends the call as the IVR would, so the agent is IDLE again.
 * Measured: {@code started} → the offer ({@code alerting}) on the agent's stream, with the offers per second
 * sustained and the calls never offered; {@code answer} → {@code connected} on the stream. Baseline: the raw Kafka
 * round trip at the same rate. Per hop from the record timestamps of interactions, sessions and agent-commands.
 */
public final class RoutingStage {
    static final String STAGE = "7 routing";
    static final String QUEUE = "Rapport Bench Routing";
    static final String FLOW = "Rapport Bench Routing";
    static final String DNIS = Calls.DNIS + "-routing";
    private static final String ANI = "+15550100000";
    private static final List<String> OFFER = List.of("IVR sends started (intended)", "interactions: started",
            "interactions: alerting (router)", "sessions: alerting", "SSE: offer on the agent's stream");
    private static final List<String> ANSWER = List.of("agent sends answer", "agent-commands: answer",
            "interactions: connected", "sessions: connected", "SSE: connected on the agent's stream");
    private final Context ctx;

    public RoutingStage(Context ctx) {
        this.ctx = ctx;
    }

    public void run() throws Exception {
        int n = ctx.options().routingAgents();
        double rate = ctx.options().routingRate();
        Map<String, String> agents = agentTokens(n);
        String queueId = queue();
        members(queueId, agents.keySet());
        flow(queueId);
        List<SessionStream> streams = new ArrayList<>();
        try (KafkaRoundTrip kafka = new KafkaRoundTrip(ctx.options().kafka());
             HopProbe probe = new HopProbe(ctx.options().kafka(), List.of(
                     new HopProbe.Mark("interactions started", "interactions", v -> hasField(v, "type", "started")),
                     new HopProbe.Mark("interactions alerting", "interactions", v -> hasField(v, "type", "alerting")),
                     new HopProbe.Mark("sessions alerting", "sessions", v -> hasField(v, "state", "alerting")),
                     new HopProbe.Mark("agent-commands answer", "agent-commands", null),
                     new HopProbe.Mark("interactions connected", "interactions", v -> hasField(v, "type", "connected")),
                     new HopProbe.Mark("sessions connected", "sessions", v -> hasField(v, "state", "connected"))))) {
            AtomicReference<RoutingCalls> current = new AtomicReference<>();
            for (Map.Entry<String, String> agent : agents.entrySet()) {
                SessionStream s = new SessionStream();
                streams.add(s);
                s.listen(event -> onEvent(current.get(), agent.getKey(), agent.getValue(), event));
                s.open(ctx.api().http(), ctx.api().gateway(), agent.getValue());
            }
            Thread.sleep(1000); // each stream's snapshot passes
            for (String agent : agents.keySet()) {
                status(agent, "IDLE");
            }
            ctx.say("stage 7: routing to " + n + " agents (" + String.join(", ", agents.keySet()) + "), queue " + QUEUE
                    + ", DNIS " + DNIS + "; warm-up " + ctx.options().warmup().toSeconds() + " s");
            calls(current, OpenLoop.Plan.of(Math.min(rate, 5), ctx.options().warmup(), 1000), null);
            ctx.settle();
            OpenLoop.Plan plan = OpenLoop.Plan.of(rate, ctx.options().stageDuration(), ctx.options().maxRequests());
            ctx.say(String.format(java.util.Locale.ROOT, "stage 7: %d calls at %s/s into the queue of %d agents",
                    plan.count(), rate, n));
            RoutingCalls measured = calls(current, plan, probe);
            Summary[] s = measured.summarize(plan.count(), plan.rate());
            ctx.settle();
            Summary base = kafka.run("Kafka produce → consume (baseline)",
                    OpenLoop.Plan.of(rate, ctx.options().baselineDuration(), ctx.options().maxRequests()),
                    ctx.options().drain());
            ctx.results().add(STAGE, "IVR started → offer (alerting) on the agent's stream, " + n + " agents", s[0]);
            ctx.results().add(STAGE, "agent answer → connected on the agent's stream", s[1]);
            Summary turnover = measured.turnover("call ended → the same agent's next offer, calls waiting", rate);
            if (turnover != null) {
                ctx.results().add(STAGE, turnover.name(), turnover);
            }
            ctx.results().add(STAGE, "Kafka produce → consume (baseline)", base);
            ctx.results().compare(STAGE, s[0], base);
            ctx.results().compare(STAGE, s[1], base);
            report(measured, plan, probe, s[0]);
            ScreenPopStage.print(s[0]);
            ScreenPopStage.print(s[1]);
            if (turnover != null) {
                ScreenPopStage.print(turnover);
            }
            ScreenPopStage.print(base);
        } finally {
            for (String agent : agents.keySet()) {
                try {
                    status(agent, "OFF_QUEUE");
                } catch (Exception e) {
                    ctx.results().note(STAGE + ": " + agent + " not set OFF_QUEUE: " + e.getMessage());
                }
            }
            streams.forEach(SessionStream::close);
        }
    }

    /** An update on {@code agent}'s stream: answer an offer, end a connected call (as the IVR hangs up). */
    private void onEvent(RoutingCalls calls, String agent, String token, SessionStream.Event event) {
        String id = event.interactionId();
        if (calls == null || id == null || calls.get(id) == null) {
            return;
        }
        RoutingCalls.Next next = calls.onSession(id, agent, RoutingCalls.state(event.data()), event.receivedNanos());
        if (next == RoutingCalls.Next.ANSWER) {
            calls.answerSent(id, System.nanoTime());
            URI commands = ctx.api().gateway().resolve("/api/v2/agent/interactions/" + id + "/commands");
            ctx.api().send(ctx.api().request("POST", commands, token, Map.of("type", "answer")))
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            calls.answerFailed();
                            LastError.note("agent answer", error);
                        }
                    });
        } else if (next == RoutingCalls.Next.END) {
            Calls.send(ctx, Calls.ended(id)).whenComplete((ok, error) -> {
                if (error != null) {
                    LastError.note("IVR ended", error);
                }
            });
        }
    }

    /** Places {@code plan}'s calls ({@code started} only) and waits until each is connected, or the drain ends. */
    private RoutingCalls calls(AtomicReference<RoutingCalls> current, OpenLoop.Plan plan, HopProbe probe)
            throws Exception {
        RoutingCalls calls = new RoutingCalls("IVR started → offer (alerting) on the agent's stream",
                "agent answer → connected on the agent's stream");
        current.set(calls);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < plan.count(); i++) {
            ids.add(UUID.randomUUID().toString());
        }
        try {
            OpenLoop.run(plan, (i, due) -> {
                String id = ids.get(i);
                calls.place(id, due);
                if (probe != null) {
                    probe.arm(id, (long) Context.wallMillis(due) - 2);
                }
                Calls.send(ctx, Calls.started(id, ANI, DNIS)).whenComplete((ok, error) -> {
                    if (error != null && calls.failed(id)) {
                        LastError.note("IVR started", error);
                    }
                });
            });
            long deadline = System.nanoTime() + ctx.options().drain().toNanos();
            while (System.nanoTime() < deadline && calls.all().values().stream().anyMatch(c -> !c.ended && !c.failed)) {
                Thread.sleep(100);
            }
        } finally {
            current.set(null);
        }
        // the IVR hangs up whatever was not connected (waiting in the queue, or offered): the agents are free again
        Calls.end(ctx, calls.unended());
        return calls;
    }

    private void report(RoutingCalls calls, OpenLoop.Plan plan, HopProbe probe, Summary offers) {
        List<String> never = calls.neverOffered();
        if (!never.isEmpty()) {
            ctx.results().note(String.format(java.util.Locale.ROOT, "%s at %s/s: %d of %d calls were never offered within "
                            + "%d s of the last call (they waited in the queue: with %d agents the queue drained %.1f "
                            + "offers/s); the timelines of up to 2 are in bench-results.json", STAGE, plan.rate(),
                    never.size(), plan.count(), ctx.options().drain().toSeconds(), ctx.options().routingAgents(),
                    offers.throughput()));
            never.stream().limit(2).forEach(id -> Timelines.fetch(ctx, STAGE + ", never offered", id));
        }
        List<double[]> offerTimes = new ArrayList<>();
        List<double[]> answerTimes = new ArrayList<>();
        String sample = null;
        for (Map.Entry<String, RoutingCalls.Call> e : calls.all().entrySet()) {
            long[] t = probe.times(e.getKey());
            RoutingCalls.Call c = e.getValue();
            if (t == null) {
                continue;
            }
            offerTimes.add(new double[] {Context.wallMillis(c.due), t[0], t[1], t[2],
                    c.offered != 0 ? Context.wallMillis(c.offered) : -1});
            if (c.answerSent != 0) {
                answerTimes.add(new double[] {Context.wallMillis(c.answerSent), t[3], t[4], t[5],
                        c.connected != 0 ? Context.wallMillis(c.connected) : -1});
            }
            if (c.connected != 0 && sample == null) {
                sample = e.getKey();
            }
        }
        ctx.results().hops.addAll(HopTable.hops(STAGE + ": offer", plan.rate(), OFFER, offerTimes));
        ctx.results().hops.addAll(HopTable.hops(STAGE + ": answer", plan.rate(), ANSWER, answerTimes));
        if (sample != null) {
            Timelines.fetch(ctx, STAGE + " at " + plan.rate() + "/s", sample);
        }
    }

    /**
     * A record's value (the event's JSON: CloudEvents in binary mode, the session state) has {@code field} =
     * {@code value} at some level: a string check, the probe sees every record of the topic.
     */
    static boolean hasField(String json, String field, String value) {
        return json.contains("\"" + field + "\":\"" + value + "\"");
    }

    /** bench-agent-1..n signed in (the demo's passwords are their names); fails naming the missing agent. */
    private Map<String, String> agentTokens(int n) throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
            String agent = "bench-agent-" + i;
            try {
                tokens.put(agent, ctx.api().token("password", agent, agent));
            } catch (IllegalStateException e) {
                throw new IllegalStateException(agent + " cannot sign in: the gateway's demo profile defines "
                        + "bench-agent-1..8 (a gateway built before them lacks them; rebuild with ./rapport up --build)", e);
            }
        }
        return tokens;
    }

    /** The bench's queue, made once; its id. */
    private String queue() throws Exception {
        for (JsonNode q : ctx.api().get("/api/v2/routing/queues?pageSize=100&name=" + RapportApi.enc(QUEUE),
                ctx.tokens().admin()).path("entities")) {
            if (QUEUE.equalsIgnoreCase(q.path("name").asText())) {
                return q.path("id").asText();
            }
        }
        return ctx.api().post("/api/v2/routing/queues", ctx.tokens().admin(), Map.of("name", QUEUE,
                "description", "./rapport bench --stages routing: the bench agents' queue")).path("id").asText();
    }

    /** Exactly {@code agents} are the queue's members (a previous run with more agents left others). */
    private void members(String queueId, java.util.Set<String> agents) throws Exception {
        String path = "/api/v2/routing/queues/" + queueId + "/members";
        List<Map<String, String>> others = new ArrayList<>();
        for (JsonNode m : ctx.api().get(path + "?pageSize=100", ctx.tokens().admin()).path("entities")) {
            String id = m.path("id").asText();
            if (!agents.contains(id)) {
                others.add(Map.of("id", id));
            }
        }
        if (!others.isEmpty()) {
            ctx.api().post(path + "?delete=true", ctx.tokens().admin(), others);
        }
        ctx.api().post(path, ctx.tokens().admin(), agents.stream().map(a -> Map.of("id", a)).toList());
    }

    /** The published inbound flow for {@value #DNIS}: transfer to the queue. */
    private void flow(String queueId) throws Exception {
        Map<String, Object> definition = Map.of("name", FLOW,
                "description", "./rapport bench --stages routing: its calls go to the bench agents' queue",
                "match", Map.of("dnis", List.of(DNIS)),
                "steps", List.of(Map.of("type", "transferToQueue", "queueId", queueId, "queueName", QUEUE)));
        String flowId = null;
        for (JsonNode f : ctx.api().get("/api/v2/flows/inbound?pageSize=100", ctx.tokens().admin()).path("entities")) {
            if (FLOW.equals(f.path("name").asText())) {
                flowId = f.path("id").asText();
            }
        }
        if (flowId == null) {
            flowId = ctx.api().post("/api/v2/flows/inbound", ctx.tokens().admin(), definition).path("id").asText();
        } else {
            ctx.api().call("PUT", ctx.api().gateway().resolve("/api/v2/flows/inbound/" + flowId), ctx.tokens().admin(),
                    definition);
        }
        ctx.api().post("/api/v2/flows/inbound/" + flowId + "/publish", ctx.tokens().admin(), Map.of());
    }

    private void status(String agent, String status) throws Exception {
        ctx.api().call("PUT", ctx.api().gateway().resolve("/api/v2/users/" + agent + "/routingstatus"),
                ctx.tokens().admin(), Map.of("status", status));
    }
}
