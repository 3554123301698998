package dev.rapport.script.expressions;

/**
 * A string builder that refuses (budget exceeded) to grow past its bound, so an oversized text is never built; with a
 * meter, it also stops at the evaluation's deadline while it builds.
 */
final class BoundedText {
    private final StringBuilder out = new StringBuilder();
    private final int max;
    private final BudgetMeter meter;
    private int appends;

    BoundedText(int max, BudgetMeter meter) {
        this.max = max;
        this.meter = meter;
    }

    BoundedText append(String s) {
        if ((long) out.length() + s.length() > max) {
            throw BudgetMeter.tooLong(max);
        }
        if (meter != null && (++appends & 0xFF) == 0) {
            meter.checkClock();
        }
        out.append(s);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
