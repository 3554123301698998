package dev.rapport.bench.stages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.bench.load.Measure;
import dev.rapport.bench.load.OpenLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The bench's simulated calls: all carry the DNIS {@value #DNIS}, and each stage ends its calls when done, as an IVR
 * would. That matters beyond tidiness: script-service refreshes every open session that looked up a row when the row
 * changes, so hundreds of open bench calls on one caller's row would multiply the work of every later row update.
 */
public final class Calls {
    static final String DNIS = "rapport-bench";

    private Calls() {
    }

    static Map<String, Object> started(String id, String ani) {
        return started(id, ani, DNIS);
    }

    /** A call to another bench DNIS (each starts with {@value #DNIS}, so a later run ends it if left open). */
    static Map<String, Object> started(String id, String ani, String dnis) {
        return Map.of("id", id + "-started", "type", "started", "interactionId", id, "ani", ani, "dnis", dnis);
    }

    static Map<String, Object> connected(String id) {
        return Map.of("id", id + "-connected", "type", "connected", "interactionId", id,
                "agent", Map.of("id", "alex", "name", "Alex Agent"));
    }

    static Map<String, Object> ended(String id) {
        return Map.of("id", id + "-ended", "type", "ended", "interactionId", id);
    }

    /** Sends an IVR event through the run's IVR link (batched unless --ivr-batch 1). */
    static CompletableFuture<Void> send(Context ctx, Map<String, Object> event) {
        return ctx.ivr().send(event);
    }

    /** Ends the calls (not measured; at 200/s, or as fast as they were placed) and waits for the gateway to accept each. */
    static void end(Context ctx, Collection<String> ids) throws InterruptedException {
        List<String> list = new ArrayList<>(ids);
        if (list.isEmpty()) {
            return;
        }
        double rate = Math.max(200, ctx.options().highestRate());
        Measure.run("ending calls", new OpenLoop.Plan(rate, list.size()), Duration.ofSeconds(30),
                i -> send(ctx, ended(list.get(i))));
    }

    /** Ends the bench calls a previous, interrupted run left open. */
    public static void endLeftovers(Context ctx) throws Exception {
        List<String> open = new ArrayList<>();
        for (JsonNode i : ctx.api().get("/api/v2/agent/interactions", ctx.tokens().admin()).path("entities")) {
            if (i.path("dnis").asText().startsWith(DNIS) && !"ended".equals(i.path("state").asText())) {
                open.add(i.path("interactionId").asText());
            }
        }
        if (!open.isEmpty()) {
            ctx.say("ending " + open.size() + " calls an earlier bench run left open");
            end(ctx, open);
        }
    }
}
