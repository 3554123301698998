package dev.rapport.script.expressions;

/** Caps on one evaluation: nodes visited, wall time, and the length of any string it builds. */
public record EvaluationLimits(int maxSteps, long maxNanos, int maxStringLength) {
    public static final EvaluationLimits DEFAULT = new EvaluationLimits(100_000, 50_000_000L, 100_000);
}
