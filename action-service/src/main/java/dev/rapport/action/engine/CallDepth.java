package dev.rapport.action.engine;

/**
 * How deep a data action runs inside other data actions. A call to Rapport's own API carries the depth of the run
 * that made it plus one ({@value #HEADER}); the execute endpoint reads it, and a run deeper than the limit is refused,
 * so an action that executes itself (directly or through others) stops after a few hops instead of filling the
 * worker pool. The engine sets the header itself, over any the template sets.
 */
public final class CallDepth {
    public static final String HEADER = "X-Rapport-Action-Depth";

    private CallDepth() {
    }

    /** The depth a request announces: 0 when absent or unreadable. */
    public static int of(String header) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(header.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
