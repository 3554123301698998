package dev.rapport.bench.stages;

/** Keeps one interaction's timeline (script-service's per-step times) with the results, for the reader of the JSON. */
final class Timelines {

    private Timelines() {
    }

    static void fetch(Context ctx, String label, String interactionId) {
        try {
            ctx.results().timelines.put(label + " (" + interactionId + ")",
                    ctx.api().get("/api/v2/interactions/" + interactionId + "/timeline", ctx.tokens().admin()));
        } catch (Exception e) {
            ctx.results().note("timeline of " + interactionId + " not read: " + e.getMessage());
        }
    }
}
