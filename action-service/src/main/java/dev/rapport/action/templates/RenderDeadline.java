package dev.rapport.action.templates;

/**
 * The wall-clock limit and loop budget of the rendering running on this thread. Velocity cannot be interrupted, so the
 * sandbox checks them at every loop step and method call, which is where a template can spend time. Velocity's own
 * {@code #foreach} cap stops a loop silently; ours refuses the template, so the author sees why.
 */
final class RenderDeadline {
    private static final ThreadLocal<long[]> STATE = new ThreadLocal<>();

    private RenderDeadline() {
    }

    static void start(long deadlineNanos, int loopBudget) {
        STATE.set(new long[] {deadlineNanos, loopBudget});
    }

    static void clear() {
        STATE.remove();
    }

    static void check() {
        long[] state = STATE.get();
        if (state != null && System.nanoTime() - state[0] > 0) {
            throw new TemplateException("template rendering took longer than allowed", true, null);
        }
    }

    static void loopStep() {
        long[] state = STATE.get();
        if (state != null && --state[1] < 0) {
            throw new TemplateException("template loops ran more iterations than allowed", true, null);
        }
        check();
    }
}
