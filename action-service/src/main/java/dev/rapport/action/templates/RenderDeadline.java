package dev.rapport.action.templates;

/**
 * The budgets of the rendering running on this thread: wall clock, loop iterations, the size of any one string a
 * template makes, and the characters it may interpolate in total (into the output and into string literals, so
 * {@code #set($x = "$x$x")} runs out however it is nested). Velocity cannot be interrupted, so the sandbox checks them
 * wherever a template can spend time or memory: loop steps, method calls (before and after), interpolations, and
 * every value it stores with {@code #set}. Velocity's own {@code #foreach} cap stops a loop silently; ours refuses
 * the template, so the author sees why.
 */
final class RenderDeadline {
    private static final ThreadLocal<State> STATE = new ThreadLocal<>();

    private static final class State {
        final long deadlineNanos;
        long loops;
        final int maxString;
        long interpolationBudget;

        State(long deadlineNanos, int loops, int maxString, long interpolationBudget) {
            this.deadlineNanos = deadlineNanos;
            this.loops = loops;
            this.maxString = maxString;
            this.interpolationBudget = interpolationBudget;
        }
    }

    private RenderDeadline() {
    }

    static void start(long deadlineNanos, int loopBudget, int maxString) {
        STATE.set(new State(deadlineNanos, loopBudget, maxString, 4L * maxString));
    }

    static void clear() {
        STATE.remove();
    }

    static void check() {
        State state = STATE.get();
        if (state != null && System.nanoTime() - state.deadlineNanos > 0) {
            throw new TemplateException("template rendering took longer than allowed", true, null);
        }
    }

    static void loopStep() {
        State state = STATE.get();
        if (state != null && --state.loops < 0) {
            throw new TemplateException("template loops ran more iterations than allowed", true, null);
        }
        check();
    }

    /** The largest string a template may make; {@link Integer#MAX_VALUE} outside a rendering. */
    static int maxString() {
        State state = STATE.get();
        return state == null ? Integer.MAX_VALUE : state.maxString;
    }

    /** Refuses a string (made by a method, an interpolation or a #set) over the size cap. */
    static void checkSize(Object value) {
        if (value instanceof CharSequence text && text.length() > maxString()) {
            throw new TemplateException("template made a string of " + text.length() + " characters; at most "
                    + maxString() + " are allowed", true, null);
        }
    }

    /** Refuses an operation whose result could be larger than the cap, before it runs. */
    static void checkPlannedSize(long chars) {
        if (chars > maxString()) {
            throw new TemplateException("template would make a string of " + chars + " characters; at most "
                    + maxString() + " are allowed", true, null);
        }
    }

    /** Counts interpolated characters against the rendering's total. */
    static void interpolated(int chars) {
        State state = STATE.get();
        if (state == null) {
            return;
        }
        state.interpolationBudget -= chars;
        if (state.interpolationBudget < 0) {
            throw new TemplateException("template interpolated more than " + 4L * state.maxString
                    + " characters in total", true, null);
        }
        check();
    }
}
